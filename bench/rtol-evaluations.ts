/**
 * Evaluation counts with `rtol: 1e-6` on the reference set (test/fixtures/derivative-cases.json),
 * issue 10: "a smooth first derivative should usually cost one or two central stencils: median at most
 * 4 evaluations on the reference set, all still within 1e-6". Per case the calls of f (counted by
 * wrapping f) and the error measure of bench/accuracy.ts (relative, or absolute against max(1, |f(x)|)
 * for a zero derivative); beside them the same with default options.
 *
 * An engine without the option is detected and reported, not failed: one that throws INVALID_OPTION
 * for it is "rejected"; one that accepts `rtol: -1` (which issue 10 makes a NumdiffError) is taken to
 * ignore the option ("ignored").
 *
 * Writes bench/rtol-results.json and prints a markdown section.
 *
 * ```sh
 * npx tsx bench/rtol-evaluations.ts
 * ```
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { derivative, NumdiffError, type DerivativeOptions } from "../src/core/index.js";
import { functions1d } from "../test/fixtures/functions.js";
import { runCase, type CaseOutcome } from "./accuracy.js";
import { loadDerivativeCases } from "./fixtures.js";
import { median } from "./stats.js";

/** Where the results are written. */
export const RTOL_RESULTS_PATH = fileURLToPath(new URL("./rtol-results.json", import.meta.url));

/** The tolerance asked for, and the error measure each case must stay within (issue 10). */
export const RTOL = 1e-6;

/** Issue 10's target for the median calls of f over the first-derivative cases. */
export const RTOL_MEDIAN_TARGET = 4;

/** Options with the tolerance fields issue 10 adds (absent from 0.1.0's DerivativeOptions). */
type WithTolerances = DerivativeOptions & { rtol?: number; atol?: number };

/** Whether the engine honours `rtol`: "supported", "rejected" (throws for it) or "ignored". */
export type RtolSupport = "supported" | "rejected" | "ignored";

/**
 * Probes the engine: `rtol: 1e-6` must be accepted and `rtol: -1` rejected.
 *
 * @example
 * ```ts
 * rtolSupport(); // "ignored" with numdiff 0.1.0
 * ```
 */
export function rtolSupport(): RtolSupport {
  try {
    derivative(Math.exp, 1, { rtol: RTOL } as WithTolerances);
  } catch (e) {
    if (e instanceof NumdiffError) return "rejected";
    throw e;
  }
  try {
    derivative(Math.exp, 1, { rtol: -1 } as WithTolerances);
  } catch (e) {
    if (e instanceof NumdiffError) return "supported";
    throw e;
  }
  return "ignored";
}

/** Figures of one setting (defaults, or with rtol) over the reference set. */
export interface RtolFigures {
  cases: number;
  /** Median calls of f over the first-derivative cases. */
  medianEvaluationsFirst: number;
  /** Median calls of f over all cases. */
  medianEvaluations: number;
  /** First-derivative cases within {@link RTOL}, and all cases within it. */
  firstWithin: number;
  firstCases: number;
  allWithin: number;
}

/** The whole measurement. */
export interface RtolReport {
  date: string;
  rtol: number;
  support: RtolSupport;
  defaults: RtolFigures;
  /** null when the option is rejected. */
  withRtol: RtolFigures | null;
  /** First-derivative cases outside 1e-6 with rtol (id, error measure, evaluations). */
  misses: { id: string; relativeError: number; evaluations: number }[];
}

function figures(outcomes: readonly CaseOutcome[]): RtolFigures {
  const first = outcomes.filter((o) => o.order === 1);
  return {
    cases: outcomes.length,
    medianEvaluationsFirst: median(first.map((o) => o.evaluations)),
    medianEvaluations: median(outcomes.map((o) => o.evaluations)),
    firstWithin: first.filter((o) => o.relativeError <= RTOL).length,
    firstCases: first.length,
    allWithin: outcomes.filter((o) => o.relativeError <= RTOL).length,
  };
}

function runAll(options: WithTolerances): CaseOutcome[] {
  const derive = (f: (x: number) => number, x: number, o: DerivativeOptions) =>
    derivative(f, x, { ...o, ...options });
  return loadDerivativeCases()
    .filter((c) => functions1d[c.fn] !== undefined)
    .map((c) => runCase(c, functions1d[c.fn], derive));
}

/**
 * Runs the reference set with default options and with `rtol: 1e-6`.
 *
 * @example
 * ```ts
 * runRtol().withRtol?.medianEvaluationsFirst; // issue 10: ≤ 4
 * ```
 */
export function runRtol(): RtolReport {
  const support = rtolSupport();
  const withRtol = support === "rejected" ? null : runAll({ rtol: RTOL });
  return {
    date: new Date().toISOString(),
    rtol: RTOL,
    support,
    defaults: figures(runAll({})),
    withRtol: withRtol === null ? null : figures(withRtol),
    misses: (withRtol ?? [])
      .filter((o) => o.order === 1 && !(o.relativeError <= RTOL))
      .map((o) => ({ id: o.id, relativeError: o.relativeError, evaluations: o.evaluations })),
  };
}

/**
 * The report as a markdown section.
 *
 * @example
 * ```ts
 * console.log(rtolMarkdown(runRtol()));
 * ```
 */
export function rtolMarkdown(r: RtolReport): string {
  const row = (name: string, f: RtolFigures | null): string =>
    f === null
      ? `| ${name} | – | – | – | – |`
      : `| ${name} | ${f.medianEvaluationsFirst} | ${f.medianEvaluations} | ${f.firstWithin}/${f.firstCases} | ` +
        `${f.allWithin}/${f.cases} |`;
  const tol = r.rtol.toExponential();
  const note =
    r.support === "supported"
      ? ""
      : ` **rtol is not supported yet** by this engine (${r.support === "rejected" ? "it throws for the option" : "it accepts rtol: -1, so it ignores the option"}).`;
  return [
    "## Evaluations with rtol: 1e-6 (issue 10)",
    "",
    `The reference set (${r.defaults.cases} cases), \`{ rtol: ${tol} }\` beside the defaults; target: ` +
      `median ≤ ${RTOL_MEDIAN_TARGET} calls of f for f′, every f′ within ${tol}.${note}`,
    "",
    "| options | median calls (f′) | median calls (all) | f′ within 1e-6 | all within 1e-6 |",
    "| --- | --: | --: | --: | --: |",
    row("defaults", r.defaults),
    row(`rtol: ${tol}`, r.withRtol),
    ...(r.misses.length > 0
      ? [
          "",
          `f′ cases outside 1e-6 with rtol: ${r.misses.map((m) => `${m.id} (${m.relativeError.toPrecision(3)})`).join(", ")}.`,
        ]
      : []),
  ].join("\n");
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const report = runRtol();
  writeFileSync(RTOL_RESULTS_PATH, JSON.stringify(report, null, 1) + "\n");
  console.log(rtolMarkdown(report));
}
