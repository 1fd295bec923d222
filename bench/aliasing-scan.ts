/**
 * The aliasing scan of issue 10: sin and cos at |x| from 10 to 1e5 (log-spaced, both signs), orders 1
 * to 4, with default options: 2 functions × 4 orders × 2 signs × 1000 points = 16,000 cases. A case is
 * **aliased** when its value is off by more than 1e-3 (absolute; every derivative of sin and cos is at
 * most 1 in size) and by more than 100 times its own error estimate: a confident wrong answer, as when
 * the first steps (about |x|/64, then half that) span whole periods and the differences cancel. The
 * issue counted 439 of 16,000 with numdiff 0.1.0. Truth analytic: the n-th derivative of sin is
 * sin, cos, −sin, −cos in turn (n = 0..3 mod 4), of cos likewise shifted by one.
 *
 * Writes bench/aliasing-results.json and prints a markdown section.
 *
 * ```sh
 * npx tsx bench/aliasing-scan.ts [pointsPerSign]
 * ```
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { derivative } from "../src/core/index.js";

/** Where the results are written. */
export const ALIASING_RESULTS_PATH = fileURLToPath(new URL("./aliasing-results.json", import.meta.url));

/** Points per sign and function and order: 1000, so 16,000 cases in all (issue 10). */
export const ALIASING_POINTS = 1000;

/** Smallest and largest |x|. */
export const ALIASING_RANGE: readonly [number, number] = [10, 1e5];

/** Absolute error above which a value is wrong (the derivatives are at most 1 in size). */
export const ALIASING_ABS_LIMIT = 1e-3;

/** A wrong value counts as aliased when its true error exceeds this times its error estimate. */
export const ALIASING_ESTIMATE_FACTOR = 100;

/**
 * The n-th derivative of sin (shift 0) or cos (shift 1) at x: ±sin or ±cos by (n + shift) mod 4.
 *
 * @example
 * ```ts
 * trigDerivative(0, 2, 0.5); // -Math.sin(0.5)
 * ```
 */
export function trigDerivative(shift: number, order: number, x: number): number {
  switch ((order + shift) % 4) {
    case 0:
      return Math.sin(x);
    case 1:
      return Math.cos(x);
    case 2:
      return -Math.sin(x);
    default:
      return -Math.cos(x);
  }
}

/**
 * The log-spaced magnitudes 10^(1 + 4k/(n−1)), k = 0..n−1.
 *
 * @example
 * ```ts
 * scanMagnitudes(3); // [10, 1000, 100000]
 * ```
 */
export function scanMagnitudes(n: number): number[] {
  const [lo, hi] = ALIASING_RANGE.map(Math.log10);
  return Array.from({ length: n }, (_, k) => 10 ** (lo + ((hi - lo) * k) / Math.max(1, n - 1)));
}

/** One aliased case. */
export interface AliasedCase {
  fn: "sin" | "cos";
  order: number;
  x: number;
  value: number;
  error: number;
  truth: number;
  status: string;
}

/** The scan's figures. */
export interface AliasingReport {
  cases: number;
  /** Off by > 1e-3 and by > 100× the estimate. */
  aliased: number;
  /** Off by > 1e-3 (whatever the estimate says). */
  offBy1e3: number;
  /** Error estimate below the true error (any size). */
  underEstimated: number;
  byOrder: { order: number; cases: number; aliased: number; offBy1e3: number }[];
  /** Aliased cases per decade of |x| ("1e1".."1e4"). */
  byDecade: Record<string, number>;
  /** The 20 largest true errors among the aliased cases. */
  worst: AliasedCase[];
}

/**
 * Runs the scan with `points` magnitudes per sign (1000 gives the issue's 16,000 cases).
 *
 * @example
 * ```ts
 * runAliasingScan(10).cases; // 160
 * ```
 */
export function runAliasingScan(points: number = ALIASING_POINTS): AliasingReport {
  const xs = scanMagnitudes(points).flatMap((m) => [m, -m]);
  const aliased: AliasedCase[] = [];
  const byOrder = [1, 2, 3, 4].map((order) => ({ order, cases: 0, aliased: 0, offBy1e3: 0 }));
  const byDecade: Record<string, number> = {};
  let cases = 0;
  let offBy1e3 = 0;
  let underEstimated = 0;
  for (const [fn, f, shift] of [
    ["sin", Math.sin, 0],
    ["cos", Math.cos, 1],
  ] as const) {
    for (const row of byOrder) {
      for (const x of xs) {
        const r = derivative(f, x, { order: row.order });
        const truth = trigDerivative(shift, row.order, x);
        const trueError = Number.isFinite(r.value) ? Math.abs(r.value - truth) : Infinity;
        cases++;
        row.cases++;
        if (!(r.error >= trueError)) underEstimated++;
        if (!(trueError > ALIASING_ABS_LIMIT)) continue;
        offBy1e3++;
        row.offBy1e3++;
        if (!(trueError > ALIASING_ESTIMATE_FACTOR * r.error) && !Number.isNaN(r.error)) continue;
        row.aliased++;
        const decade = `1e${Math.min(4, Math.floor(Math.log10(Math.abs(x))))}`;
        byDecade[decade] = (byDecade[decade] ?? 0) + 1;
        aliased.push({
          fn,
          order: row.order,
          x,
          value: r.value,
          error: r.error,
          truth,
          status: r.status ?? "ok",
        });
      }
    }
  }
  const worst = [...aliased]
    .sort((a, b) => Math.abs(b.value - b.truth) - Math.abs(a.value - a.truth))
    .slice(0, 20);
  return { cases, aliased: aliased.length, offBy1e3, underEstimated, byOrder, byDecade, worst };
}

/**
 * The report as a markdown section.
 *
 * @example
 * ```ts
 * console.log(aliasingMarkdown(runAliasingScan()));
 * ```
 */
export function aliasingMarkdown(r: AliasingReport): string {
  const p = (v: number): string => (Number.isFinite(v) ? v.toPrecision(4) : String(v));
  return [
    "## Aliasing scan (issue 10)",
    "",
    `sin and cos, orders 1–4, |x| log-spaced from 10 to 1e5, both signs, default options: **${r.aliased} of ` +
      `${r.cases}** off by more than ${ALIASING_ABS_LIMIT} and by more than ${ALIASING_ESTIMATE_FACTOR}× ` +
      `the estimate (${r.offBy1e3} off by more than ${ALIASING_ABS_LIMIT} in all; ${r.underEstimated} ` +
      `estimates below the true error, of any size).`,
    "",
    "| order | cases | aliased | off by > 1e-3 |",
    "| --: | --: | --: | --: |",
    ...r.byOrder.map((o) => `| ${o.order} | ${o.cases} | ${o.aliased} | ${o.offBy1e3} |`),
    "",
    `Aliased by decade of |x|: ${
      Object.entries(r.byDecade)
        .sort()
        .map(([d, n]) => `${d}: ${n}`)
        .join(", ") || "none"
    }.`,
    "",
    ...(r.worst.length > 0
      ? [
          "Worst cases:",
          "",
          "| f | order | x | value | error | truth | status |",
          "| --- | --: | --: | --: | --: | --: | --- |",
          ...r.worst.map(
            (w) =>
              `| ${w.fn} | ${w.order} | ${p(w.x)} | ${p(w.value)} | ${p(w.error)} | ${p(w.truth)} | ${w.status} |`,
          ),
        ]
      : []),
  ].join("\n");
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const arg = Number(process.argv[2]);
  const report = runAliasingScan(Number.isInteger(arg) && arg > 0 ? arg : ALIASING_POINTS);
  writeFileSync(ALIASING_RESULTS_PATH, JSON.stringify(report, null, 1) + "\n");
  console.log(aliasingMarkdown(report));
}
