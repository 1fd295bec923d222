/**
 * The hostile set of issue 10 (test/fixtures/hostile.ts: noise, float32, solvers, C1, kinks, jumps,
 * poles, near-kinks, aliasing) through numdiff's `derivative` with default options (only `order`
 * set), and through scipy.differentiate.derivative and numdifftools.Derivative on the same functions
 * (bench/peers/hostile_derivative.py), all scored by test/fixtures/hostile-score.ts. Also the
 * gradient cases whose f writes into its argument (numdiff only).
 *
 * Writes bench/hostile-results.json and prints a markdown section.
 *
 * ```sh
 * npx tsx bench/hostile.ts            # numdiff and the peers
 * npx tsx bench/hostile.ts --no-peers # numdiff only
 * NUMDIFFTOOLS_PATH=/path/to/numdifftools npx tsx bench/hostile.ts   # numdifftools from a checkout
 * ```
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { derivative, gradient } from "../src/core/index.js";
import {
  loadHostileCases,
  loadHostileGradientCases,
  type HostileCase,
  type HostileKind,
} from "../test/fixtures/hostile.js";
import {
  scoreGradient,
  scoreHostile,
  summarizeHostile,
  type GradientOutcome,
  type HostileAnswer,
  type HostileOutcome,
  type HostileSummary,
} from "../test/fixtures/hostile-score.js";
import type { PeerOutput } from "./peers.js";
import { decodeNumber, runPython } from "./python.js";
import { median } from "./stats.js";

/** Where the results are written. */
export const HOSTILE_RESULTS_PATH = fileURLToPath(new URL("./hostile-results.json", import.meta.url));

/** One tool's results on the hostile set. */
export interface HostileToolReport {
  tool: string;
  options: string;
  /** Tally over the cases the tool ran. */
  summary: HostileSummary;
  outcomes: HostileOutcome[];
  /** Cases not run because the tool does not compute that order, by order. */
  unsupported: Record<string, number>;
  /** Median calls of f over the cases run. */
  medianEvaluations: number;
  /** Cases where the peer's f(x) is not the TypeScript f(x) bit for bit (empty for numdiff). */
  functionMismatches: string[];
}

/** A peer's report, or why there is none. */
export type HostilePeer = { report: HostileToolReport; note: null } | { report: null; note: string };

/** Everything bench/hostile.ts measures. */
export interface HostileReport {
  date: string;
  cases: number;
  numdiff: HostileToolReport;
  gradient: GradientOutcome[];
  peers: { scipy: HostilePeer; numdifftools: HostilePeer };
}

/** numdiff's answer on one case, with calls of f counted; a throw is recorded, never hidden. */
function answerOf(c: HostileCase): HostileAnswer {
  let calls = 0;
  const counted = (t: number): number => {
    calls++;
    return c.f(t);
  };
  try {
    const r = derivative(counted, c.x, { order: c.order });
    return {
      value: r.value,
      error: r.error,
      ...(r.status === undefined ? {} : { status: r.status }),
      ...(r.left === undefined ? {} : { left: r.left }),
      ...(r.right === undefined ? {} : { right: r.right }),
      ...(r.noise === undefined ? {} : { noise: r.noise }),
      evaluations: calls,
    };
  } catch (e) {
    return { value: NaN, error: NaN, evaluations: calls, threw: e instanceof Error ? e.message : String(e) };
  }
}

/**
 * numdiff on the hostile cases.
 *
 * @example
 * ```ts
 * runNumdiffHostile(loadHostileCases()).summary.total.passRate; // 0.36 with numdiff 0.1.0
 * ```
 */
export function runNumdiffHostile(cases: readonly HostileCase[]): HostileToolReport {
  const outcomes = cases.map((c) => scoreHostile(c, answerOf(c)));
  return {
    tool: "numdiff derivative",
    options: "defaults",
    summary: summarizeHostile(outcomes),
    outcomes,
    unsupported: {},
    medianEvaluations: median(outcomes.map((o) => o.evaluations)),
    functionMismatches: [],
  };
}

/**
 * A peer on the hostile cases (python3 bench/peers/hostile_derivative.py), scored with
 * `canFlag: false`: it has no status to flag kinks and jumps with.
 *
 * @example
 * ```ts
 * const p = runPeerHostile("scipy", loadHostileCases());
 * p.report?.summary.total.honestRate;
 * ```
 */
export function runPeerHostile(tool: "scipy" | "numdifftools", cases: readonly HostileCase[]): HostilePeer {
  const out = runPython<PeerOutput>("hostile_derivative.py", [tool]);
  if (!out.ok) return { report: null, note: out.reason };
  const data = out.data;
  if (data.available === false || data.cases === undefined) {
    return { report: null, note: data.note ?? `${data.tool} not available` };
  }
  const byId = new Map(cases.map((c) => [c.id, c]));
  const outcomes: HostileOutcome[] = [];
  const functionMismatches: string[] = [];
  for (const p of data.cases) {
    const c = byId.get(p.id);
    if (c === undefined) continue;
    if (p.fx !== undefined && !Object.is(decodeNumber(p.fx), c.f(c.x))) functionMismatches.push(p.id);
    const answer: HostileAnswer = {
      value: decodeNumber(p.value),
      error: decodeNumber(p.estimate),
      evaluations: p.countedEvaluations,
      ...(p.threw === undefined ? {} : { threw: p.threw }),
    };
    outcomes.push(scoreHostile(c, answer, { canFlag: false }));
  }
  return {
    report: {
      tool: data.tool,
      options: data.options ?? "defaults",
      summary: summarizeHostile(outcomes),
      outcomes,
      unsupported: data.unsupported ?? {},
      medianEvaluations: median(outcomes.map((o) => o.evaluations)),
      functionMismatches,
    },
    note: null,
  };
}

/**
 * numdiff's `gradient` (defaults) on the cases whose f writes into its argument.
 *
 * @example
 * ```ts
 * runGradientHostile().every((o) => o.honest); // false with numdiff 0.1.0
 * ```
 */
export function runGradientHostile(): GradientOutcome[] {
  return loadHostileGradientCases().map((c) => {
    try {
      return scoreGradient(c, gradient(c.f, c.x));
    } catch {
      return { id: c.id, maxTrueError: NaN, honest: false, pass: false };
    }
  });
}

/**
 * Runs numdiff (and, unless `peers: false`, scipy and numdifftools) on the hostile set.
 *
 * @example
 * ```ts
 * const r = runHostile({ peers: false });
 * r.numdiff.summary.total; // { cases: 100, pass: 36, honest: 45, … } with numdiff 0.1.0
 * ```
 */
export function runHostile(options: { peers?: boolean } = {}): HostileReport {
  const cases = loadHostileCases();
  const skipped: HostilePeer = { report: null, note: "--no-peers" };
  const peers = options.peers ?? true;
  return {
    date: new Date().toISOString(),
    cases: cases.length,
    numdiff: runNumdiffHostile(cases),
    gradient: runGradientHostile(),
    peers: {
      scipy: peers ? runPeerHostile("scipy", cases) : skipped,
      numdifftools: peers ? runPeerHostile("numdifftools", cases) : skipped,
    },
  };
}

function pct(n: number, d: number): string {
  return d > 0 ? `${n}/${d} (${Math.round((100 * n) / d)}%)` : "–";
}

function cell(report: HostileToolReport | null, kind: HostileKind | null, what: "pass" | "honest"): string {
  if (report === null) return "n/a";
  const t = kind === null ? report.summary.total : report.summary.byKind.find((k) => k.kind === kind);
  if (t === undefined) return "–";
  return pct(t[what], t.cases);
}

function num(v: number): string {
  return Number.isFinite(v) ? v.toPrecision(4) : String(v);
}

/**
 * The report as a markdown section: per-kind pass and honest counts of numdiff and the peers, the
 * gradient cases, and numdiff's failing cases.
 *
 * @example
 * ```ts
 * console.log(hostileMarkdown(runHostile()));
 * ```
 */
export function hostileMarkdown(r: HostileReport): string {
  const tools = [r.numdiff, r.peers.scipy.report, r.peers.numdifftools.report];
  const kinds = r.numdiff.summary.byKind;
  const lines = [
    "## Hostile set (issue 10)",
    "",
    `${r.cases} cases (test/fixtures/hostile-truth.json), default options. pass = honest and good ` +
      "(noise: true error ≤ 10·E*; noise-free: ≤ 1e-8 relative, 1e-6 at order 4; kinks, jumps, poles " +
      "flagged); honest = the error covers the true error, or the status says why there is no " +
      "derivative. Peers have no status: a kink passes when their error interval holds both slopes.",
    "",
    "| kind | cases | numdiff pass | numdiff honest | flagged | scipy pass | scipy honest | numdifftools pass | numdifftools honest |",
    "| --- | --: | --: | --: | --: | --: | --: | --: | --: |",
    ...kinds.map(
      (k) =>
        `| ${k.kind} | ${k.cases} | ${cell(tools[0], k.kind, "pass")} | ${cell(tools[0], k.kind, "honest")} | ` +
        `${["kink", "jump", "pole"].includes(k.kind) ? k.flagged : ""} | ` +
        `${cell(tools[1], k.kind, "pass")} | ${cell(tools[1], k.kind, "honest")} | ` +
        `${cell(tools[2], k.kind, "pass")} | ${cell(tools[2], k.kind, "honest")} |`,
    ),
    `| **total** | ${r.cases} | ${cell(tools[0], null, "pass")} | ${cell(tools[0], null, "honest")} | ` +
      `${r.numdiff.summary.total.flagged} | ${cell(tools[1], null, "pass")} | ${cell(tools[1], null, "honest")} | ` +
      `${cell(tools[2], null, "pass")} | ${cell(tools[2], null, "honest")} |`,
    "",
    `Median calls of f: numdiff ${r.numdiff.medianEvaluations}` +
      [r.peers.scipy, r.peers.numdifftools]
        .map((p) => (p.report === null ? "" : `, ${p.report.tool} ${p.report.medianEvaluations}`))
        .join("") +
      ".",
  ];
  for (const [name, p] of Object.entries(r.peers)) {
    if (p.report === null) lines.push(`${name}: not run: ${p.note}.`);
    else {
      const un = Object.entries(p.report.unsupported).map(([o, n]) => `${n} of order ${o}`);
      if (un.length > 0)
        lines.push(`${name} ran ${p.report.outcomes.length} cases; not run: ${un.join(", ")}.`);
      if (p.report.functionMismatches.length > 0) {
        lines.push(
          `${name}: f(x) differs from the TypeScript f(x) on ${p.report.functionMismatches.join(", ")}.`,
        );
      }
    }
  }
  const g = r.gradient;
  lines.push(
    "",
    `In-place f (gradient): ${g.filter((o) => o.pass).length}/${g.length} pass, ` +
      `${g.filter((o) => o.honest).length}/${g.length} honest` +
      ` (${g.map((o) => `${o.id}: max error ${num(o.maxTrueError)}`).join("; ")}).`,
    "",
    "numdiff's failing cases:",
    "",
    "| case | value | error | status | true error | err/E* | why |",
    "| --- | --: | --: | --- | --: | --: | --- |",
    ...r.numdiff.outcomes
      .filter((o) => !o.pass)
      .map(
        (o) =>
          `| ${o.id} | ${num(o.value)} | ${num(o.error)} | ${o.status} | ${num(o.trueError)} | ` +
          `${Number.isNaN(o.errorOverEStar) ? "" : num(o.errorOverEStar)} | ${o.reason} |`,
      ),
  );
  return lines.join("\n");
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const report = runHostile({ peers: !process.argv.includes("--no-peers") });
  writeFileSync(HOSTILE_RESULTS_PATH, JSON.stringify(report, null, 1) + "\n");
  console.log(hostileMarkdown(report));
}
