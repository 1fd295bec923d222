/**
 * The red-team battery (test/fixtures/redteam-cases.ts, truths from generate_redteam.py): hostile
 * functions written independently of the project's own hostile sets, judged with default options by
 * issue 10's rules (test/fixtures/redteam-score.ts). Prints a per-kind table (cases, pass, honest,
 * confident-wrong, false flags) and every failure with a one-line repro.
 *
 * ```sh
 * npx tsx bench/redteam.ts            # table + failures
 * npx tsx bench/redteam.ts --json     # every verdict as JSON
 * npx tsx bench/redteam.ts --kind float32
 * ```
 */
import { redteamCases } from "../test/fixtures/redteam-cases.js";
import { judgeCase, loadRedteamTruth, type CaseVerdict } from "../test/fixtures/redteam-score.js";
import { KINDS } from "../test/fixtures/redteam-types.js";

/** Per-kind counts. */
export interface KindRow {
  kind: string;
  cases: number;
  pass: number;
  honest: number;
  confidentWrong: number;
  falseFlags: number;
}

/**
 * Runs and judges the whole battery (or the cases of one kind).
 *
 * @example
 * ```ts
 * runRedteam().length; // every case
 * ```
 */
export function runRedteam(kind?: string): CaseVerdict[] {
  const truths = loadRedteamTruth();
  return redteamCases.filter((c) => kind === undefined || c.kind === kind).map((c) => judgeCase(c, truths));
}

/**
 * The per-kind table's rows, and a total row last.
 *
 * @example
 * ```ts
 * kindTable(runRedteam()).at(-1)?.kind; // "total"
 * ```
 */
export function kindTable(verdicts: readonly CaseVerdict[]): KindRow[] {
  const row = (kind: string, vs: readonly CaseVerdict[]): KindRow => ({
    kind,
    cases: vs.length,
    pass: vs.filter((v) => v.pass).length,
    honest: vs.filter((v) => v.honest).length,
    confidentWrong: vs.filter((v) => v.confidentWrong).length,
    falseFlags: vs.filter((v) => v.falseFlag).length,
  });
  const rows = KINDS.map((k) =>
    row(
      k,
      verdicts.filter((v) => v.kind === k),
    ),
  ).filter((r) => r.cases > 0);
  return [...rows, row("total", verdicts)];
}

const fmt = (v: number | null | undefined, digits = 4) =>
  v === null || v === undefined ? "—" : v.toPrecision(digits);

function failureLine(v: CaseVerdict): string {
  const e = v.shown;
  const what =
    e.expect === "derivative"
      ? `truth ${fmt(e.truth, 14)}`
      : e.expect === "kink"
        ? `kink: left ${fmt(e.left)}, right ${fmt(e.right)}`
        : e.expect;
  const tag = !v.honest ? (v.confidentWrong ? "CONFIDENT-WRONG" : "DISHONEST") : "honest, no pass";
  return (
    `- ${v.id} [${v.kind}, ${v.api}${v.entries.length > 1 ? " " + e.where : ""}] ${tag}: ` +
    `${fmt(e.value, 14)} ± ${fmt(e.error)} ${e.status}; ${what}; off by ${fmt(e.offBy)}` +
    (e.bound !== undefined && v.honest ? `; pass bound ${fmt(e.bound)}` : "") +
    `; ${v.evaluations} calls\n  ${v.repro}`
  );
}

function main(): void {
  const args = process.argv.slice(2);
  const k = args.indexOf("--kind");
  const verdicts = runRedteam(k >= 0 ? args[k + 1] : undefined);
  if (args.includes("--json")) {
    process.stdout.write(JSON.stringify({ table: kindTable(verdicts), verdicts }, null, 1) + "\n");
    return;
  }
  const lines = [
    "| kind | cases | pass | honest | confident-wrong | false flags |",
    "| --- | --: | --: | --: | --: | --: |",
  ];
  for (const r of kindTable(verdicts)) {
    const b = r.kind === "total" ? "**" : "";
    lines.push(
      `| ${b}${r.kind}${b} | ${r.cases} | ${r.pass} | ${r.honest} | ${r.confidentWrong} | ${r.falseFlags} |`,
    );
  }
  const mismatched = verdicts.filter((v) => v.specMismatch !== undefined);
  if (mismatched.length > 0) {
    lines.push("", "Battery self-check failures (f(x) is not the ideal f(x)):");
    for (const v of mismatched) lines.push(`- ${v.id}: ${v.specMismatch}`);
  }
  const dishonest = verdicts.filter((v) => !v.honest);
  const noPass = verdicts.filter((v) => v.honest && !v.pass);
  lines.push("", `Dishonest (${dishonest.length}):`, ...dishonest.map(failureLine));
  lines.push("", `Honest but not passing (${noPass.length}):`, ...noPass.map(failureLine));
  process.stdout.write(lines.join("\n") + "\n");
}

if (import.meta.url === `file://${process.argv[1]}`) main();
