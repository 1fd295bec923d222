/**
 * Accuracy and cost of `gradient`, `hessian`, `jacobian` and `directionalDerivative` on the
 * multivariate reference set (test/fixtures/multivariate-cases.json, mpmath at 40 digits), default
 * options: issue 3's figures.
 *
 * ```sh
 * npx tsx bench/multivariate.ts   # failures and the summary per kind
 * ```
 */
import { readFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { directionalDerivative, gradient, hessian, jacobian } from "../src/core/index.js";
import { functionsNd, vectorFunctions } from "../test/fixtures/functions.js";
import { median } from "./stats.js";

/** Path of the committed multivariate reference set. */
export const MULTIVARIATE_CASES_PATH = fileURLToPath(
  new URL("../test/fixtures/multivariate-cases.json", import.meta.url),
);

/**
 * Tolerance per kind, on the largest entry error divided by the largest exact entry (issue 3:
 * "gradients within 1e-10 of the largest component, Hessians within 1e-7 of the largest entry,
 * Jacobians within 1e-10"). Directional derivatives are not set by the issue; they are a gradient
 * contracted with v, so we hold them to the gradient's 1e-10 relative to |exact| (absolute against
 * max(1, |f(x)|) when the exact value is 0).
 *
 * @example
 * ```ts
 * MULTIVARIATE_TOLERANCE.hessian; // 1e-7
 * ```
 */
export const MULTIVARIATE_TOLERANCE = Object.freeze({
  gradient: 1e-10,
  hessian: 1e-7,
  jacobian: 1e-10,
  directional: 1e-10,
});

/** The kinds of multivariate cases. */
export type MultivariateKind = keyof typeof MULTIVARIATE_TOLERANCE;

interface RawCase {
  id: string;
  fn: string;
  x: number[];
  exact: number | number[] | number[][];
  fx: number | number[];
  direction?: number[];
}

/** The multivariate reference set as stored. */
export type MultivariateCases = Record<MultivariateKind, RawCase[]>;

/**
 * Reads the multivariate reference cases.
 *
 * @example
 * ```ts
 * loadMultivariateCases().gradient.length; // e.g. 26
 * ```
 */
export function loadMultivariateCases(path: string = MULTIVARIATE_CASES_PATH): MultivariateCases {
  return JSON.parse(readFileSync(path, "utf8")) as MultivariateCases;
}

/** One multivariate case's outcome. */
export interface MultivariateOutcome {
  kind: MultivariateKind;
  id: string;
  /** max |computed - exact| over the entries, divided by max |exact| (or max(1, |f(x)|) when that is 0). */
  error: number;
  tolerance: number;
  withinTolerance: boolean;
  /** Calls of f counted by wrapping f. */
  evaluations: number;
  /** `result.evaluations`. */
  reportedEvaluations: number;
}

/** Per-kind figures. */
export interface MultivariateSummary {
  kind: MultivariateKind;
  tolerance: number;
  cases: number;
  withinTolerance: number;
  medianError: number;
  worst: { id: string; error: number } | null;
  medianEvaluations: number;
  evaluationMismatches: number;
  failures: string[];
}

function flat(v: number | ArrayLike<number> | ArrayLike<ArrayLike<number>>): number[] {
  if (typeof v === "number") return [v];
  return Array.from(v as ArrayLike<unknown>).flatMap((e) =>
    typeof e === "number" ? [e] : Array.from(e as ArrayLike<number>),
  );
}

/**
 * The error of a computed array against the exact one: max entry error / max |exact entry|, or against
 * max(1, max |f(x)|) when every exact entry is 0; Infinity when any entry is not finite.
 *
 * @example
 * ```ts
 * scaledError([1, 2.000000000002], [1, 2], 0); // ≈ 1e-12
 * ```
 */
export function scaledError(
  computed: readonly number[],
  exact: readonly number[],
  fx: number | number[],
): number {
  let err = 0;
  let scale = 0;
  for (let i = 0; i < exact.length; i++) {
    if (!Number.isFinite(computed[i])) return Infinity;
    err = Math.max(err, Math.abs(computed[i] - exact[i]));
    scale = Math.max(scale, Math.abs(exact[i]));
  }
  if (scale === 0) scale = Math.max(1, ...flat(fx).map(Math.abs));
  return err / scale;
}

function runOne(kind: MultivariateKind, c: RawCase): MultivariateOutcome | null {
  let calls = 0;
  let computed: number[];
  let reported: number;
  if (kind === "jacobian") {
    const F = vectorFunctions[c.fn];
    if (F === undefined) return null;
    const r = jacobian((x) => (calls++, F(x)), c.x);
    computed = flat(r.value);
    reported = r.evaluations;
  } else {
    const f = functionsNd[c.fn];
    if (f === undefined) return null;
    const counted = (x: Float64Array): number => (calls++, f(x));
    if (kind === "gradient") {
      const r = gradient(counted, c.x);
      computed = flat(r.value);
      reported = r.evaluations;
    } else if (kind === "hessian") {
      const r = hessian(counted, c.x);
      computed = flat(r.value);
      reported = r.evaluations;
    } else {
      const r = directionalDerivative(counted, c.x, c.direction ?? []);
      computed = [r.value];
      reported = r.evaluations;
    }
  }
  const error = scaledError(computed, flat(c.exact), c.fx);
  const tolerance = MULTIVARIATE_TOLERANCE[kind];
  return {
    kind,
    id: c.id,
    error,
    tolerance,
    withinTolerance: error <= tolerance,
    evaluations: calls,
    reportedEvaluations: reported,
  };
}

function summarizeKind(kind: MultivariateKind, outcomes: MultivariateOutcome[]): MultivariateSummary {
  const worst = outcomes.reduce<MultivariateOutcome | null>(
    (w, o) => (w === null || !(o.error <= w.error) ? o : w),
    null,
  );
  return {
    kind,
    tolerance: MULTIVARIATE_TOLERANCE[kind],
    cases: outcomes.length,
    withinTolerance: outcomes.filter((o) => o.withinTolerance).length,
    medianError: median(outcomes.map((o) => o.error)),
    worst: worst === null ? null : { id: worst.id, error: worst.error },
    medianEvaluations: median(outcomes.map((o) => o.evaluations)),
    evaluationMismatches: outcomes.filter((o) => o.evaluations !== o.reportedEvaluations).length,
    failures: outcomes.filter((o) => !o.withinTolerance).map((o) => o.id),
  };
}

/**
 * Runs every multivariate case with default options and summarises per kind. Cases whose `fn` has no
 * JavaScript function are skipped.
 *
 * @example
 * ```ts
 * multivariateReport(loadMultivariateCases()).find((s) => s.kind === "gradient")?.withinTolerance;
 * ```
 */
export function multivariateReport(cases: MultivariateCases): MultivariateSummary[] {
  return (Object.keys(MULTIVARIATE_TOLERANCE) as MultivariateKind[]).map((kind) =>
    summarizeKind(
      kind,
      (cases[kind] ?? []).map((c) => runOne(kind, c)).filter((o): o is MultivariateOutcome => o !== null),
    ),
  );
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const s of multivariateReport(loadMultivariateCases())) {
    console.log(
      `${s.kind.padEnd(12)} ${s.withinTolerance}/${s.cases} within ${s.tolerance}  median error ` +
        `${s.medianError.toExponential(2)}  worst ${s.worst?.id ?? "-"} ${s.worst?.error.toExponential(2) ?? ""}  ` +
        `median evaluations ${s.medianEvaluations}  count mismatches ${s.evaluationMismatches}` +
        (s.failures.length > 0 ? `\n  failures: ${s.failures.join(", ")}` : ""),
    );
  }
}
