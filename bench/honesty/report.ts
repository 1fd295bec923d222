/**
 * The honesty scan's report: incidents first, then honest / total per API and category, the false
 * flags and missing answers, and each dishonest entry as a one-line repro.
 */
import { CATEGORIES } from "./categories.js";
import type { Collector, Entry } from "./collect.js";
import { num } from "./verdict.js";

/** Counts of one cell (API × category). */
export interface Tally {
  total: number;
  honest: number;
  falseFlags: number;
  noAnswer: number;
  /** Dishonest and confident (verdict.ts). */
  confident: number;
}

/** Per-API and per-category tallies, and the totals. */
export interface Summary {
  apis: string[];
  cells: Record<string, Record<string, Tally>>;
  byCategory: Record<string, Tally>;
  total: Tally;
}

const empty = (): Tally => ({ total: 0, honest: 0, falseFlags: 0, noAnswer: 0, confident: 0 });

function add(t: Tally, e: Entry): void {
  t.total++;
  if (e.verdict.honest) t.honest++;
  if (e.verdict.kind === "false-flag") t.falseFlags++;
  if (e.verdict.kind === "no-answer") t.noAnswer++;
  if (e.verdict.confident) t.confident++;
}

/**
 * Tallies the entries.
 *
 * @example
 * ```ts
 * summarize(out.entries).total.honest;
 * ```
 */
export function summarize(entries: readonly Entry[]): Summary {
  const apis: string[] = [];
  const cells: Summary["cells"] = {};
  const byCategory: Summary["byCategory"] = {};
  const total = empty();
  for (const e of entries) {
    if (cells[e.api] === undefined) {
      apis.push(e.api);
      cells[e.api] = {};
    }
    add((cells[e.api][e.category] ??= empty()), e);
    add((byCategory[e.category] ??= empty()), e);
    add(total, e);
  }
  return { apis, cells, byCategory, total };
}

/** Sort key: NaN ratios (a NaN error) first. */
const rank = (e: Entry): number => (Number.isNaN(e.verdict.offBy) ? Infinity : e.verdict.offBy);

const cell = (t: Tally | undefined): string => (t === undefined ? "–" : `${t.honest}/${t.total}`);

/**
 * The report as markdown.
 *
 * @example
 * ```ts
 * console.log(scanMarkdown(out, { seed: 1, quick: true, list: 5, seconds: 12 }));
 * ```
 */
export function scanMarkdown(
  out: Collector,
  run: { seed: number; quick: boolean; list: number; seconds: number },
): string {
  const s = summarize(out.entries);
  const lines: string[] = [];
  lines.push(
    `## Honesty scan (seed ${run.seed}${run.quick ? ", --quick" : ""})`,
    "",
    `${s.total.total} numbers judged in ${run.seconds.toFixed(1)} s CPU: **${s.total.honest} honest, ` +
      `${s.total.total - s.total.honest} dishonest** (${s.total.confident} confident); ${s.total.falseFlags} false flags and ` +
      `${s.total.noAnswer} missing answers where a derivative exists; **${out.incidents.length} incidents**.`,
    "",
  );
  if (out.incidents.length > 0) {
    lines.push("### Incidents (throws, changed arrays, runaways, differing bits)", "");
    for (const i of out.incidents.slice(0, 40)) {
      lines.push(`- **${i.what}** [${i.category}] ${i.api}: ${i.detail}  \n  \`${i.repro}\``);
    }
    if (out.incidents.length > 40) lines.push(`- … and ${out.incidents.length - 40} more (JSON)`);
    lines.push("");
  }
  lines.push(
    "### Honest / judged, per API and category",
    "",
    `| API | ${CATEGORIES.join(" | ")} |`,
    `| --- | ${CATEGORIES.map(() => "--:").join(" | ")} |`,
    ...s.apis.map((api) => `| ${api} | ${CATEGORIES.map((c) => cell(s.cells[api][c])).join(" | ")} |`),
    `| **all** | ${CATEGORIES.map((c) => cell(s.byCategory[c])).join(" | ")} |`,
    "",
    "### Confident dishonest answers (true error ≥ 10× the estimate, or a NaN estimate; at a kink, a one-sided value 10 error bars out; where there is no derivative, an interval that excludes 0)",
    "",
    `| API | ${CATEGORIES.join(" | ")} |`,
    `| --- | ${CATEGORIES.map(() => "--:").join(" | ")} |`,
    ...s.apis.map(
      (api) => `| ${api} | ${CATEGORIES.map((c) => s.cells[api][c]?.confident ?? "–").join(" | ")} |`,
    ),
    `| **all** | ${CATEGORIES.map((c) => s.byCategory[c]?.confident ?? 0).join(" | ")} |`,
    "",
    `False flags (a no-derivative status where there is one): ${CATEGORIES.map((c) => `${c} ${s.byCategory[c]?.falseFlags ?? 0}`).join(", ")}.`,
    "",
    `No answer (no number where there is a derivative): ${CATEGORIES.map((c) => `${c} ${s.byCategory[c]?.noAnswer ?? 0}`).join(", ")}.`,
    "",
  );
  lines.push(...dishonestList(out.entries, run.list));
  return lines.join("\n");
}

/** Longest repro printed in markdown (the JSON has them whole). */
export const REPRO_CHARS = 400;

function short(repro: string): string {
  return repro.length <= REPRO_CHARS ? repro : `${repro.slice(0, REPRO_CHARS - 40)} … ${repro.slice(-39)}`;
}

/**
 * The dishonest entries grouped by category and API, each group confident first, then worst first,
 * cut to `keep` per group.
 *
 * @example
 * ```ts
 * worstPerGroup(out.entries.filter((e) => !e.verdict.honest), 10).length;
 * ```
 */
export function worstPerGroup(bad: readonly Entry[], keep: number): Entry[] {
  return [...groupsOf(bad).values()].flatMap((es) => es.slice(0, keep));
}

function groupsOf(bad: readonly Entry[]): Map<string, Entry[]> {
  const groups = new Map<string, Entry[]>();
  for (const e of bad) {
    const key = `${e.category} · ${e.api}`;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key)!.push(e);
  }
  for (const es of groups.values()) {
    es.sort((a, b) => Number(b.verdict.confident) - Number(a.verdict.confident) || rank(b) - rank(a));
  }
  return groups;
}

function dishonestList(entries: readonly Entry[], list: number): string[] {
  const bad = entries.filter((e) => !e.verdict.honest);
  if (bad.length === 0) return ["No dishonest entries."];
  const lines = ["### Dishonest entries (confident first, then worst first; --json lists all)", ""];
  for (const [key, es] of groupsOf(bad)) {
    const confident = es.filter((e) => e.verdict.confident).length;
    lines.push(`**${key}**: ${es.length} (${confident} confident)`, "");
    for (const e of es.slice(0, list)) {
      lines.push(`- \`${short(e.repro)}\` → ${e.answer}; ${e.spec}; off ${num(e.verdict.offBy)}× [${e.tag}]`);
    }
    if (es.length > list) lines.push(`- … ${es.length - list} more`);
    lines.push("");
  }
  return lines;
}
