/**
 * The honesty scan's judgement of one answer against its spec (issue 10's "every result is honest"):
 *
 * - a derivative exists (spec "truth"): honest when the answer claims no number (value not finite,
 *   or error +Infinity) or its error covers the true error: error ≥ |value − truth| − slack, with
 *   slack = TRUTH_SLACK·|truth| for the truth's own rounding (bases.ts). An honest answer that still
 *   says "not-differentiable", "discontinuous" or "not-finite" is a **false flag**; one that claims no
 *   number is **no answer**: both are counted, neither is dishonest;
 * - a kink of this derivative (spec "kink"): honest when the status is "not-differentiable",
 *   "discontinuous", "not-finite" or "max-evaluations", or no number is claimed, or
 *   [value − error, value + error] holds both one-sided values;
 * - no derivative (spec "none": f or a lower derivative jumps at x, or a pole): honest when the status
 *   is one of those four, or no number is claimed.
 *
 * A finite value with a NaN error is a claim, and a dishonest one. Where there is no derivative,
 * `offBy` is |value| / error: below 1, the interval holds 0 and claims little.
 */
import { claimsNumber } from "../../test/fixtures/hostile-score.js";
import { TRUTH_SLACK } from "./bases.js";
import type { Spec } from "./spec.js";

/** What one entry of a result says (a DerivativeResult fits). */
export interface Answer {
  value: number;
  error: number;
  status?: string;
}

/** Statuses that say there is no derivative to give. */
export const NO_DERIVATIVE: readonly string[] = Object.freeze([
  "not-differentiable",
  "discontinuous",
  "not-finite",
]);

/** Statuses that excuse an answer at a kink or where there is no derivative (issue 10's list). */
export const EXCUSES: readonly string[] = Object.freeze([...NO_DERIVATIVE, "max-evaluations"]);

/** How many times its estimate a true error must be for a dishonest answer to count as confident. */
export const CONFIDENT_FACTOR = 10;

/** The verdict's class. */
export type VerdictKind = "good" | "false-flag" | "no-answer" | "dishonest";

/** The judgement of one answer. */
export interface Verdict {
  kind: VerdictKind;
  honest: boolean;
  /** The true error over the estimate (Infinity where a number is claimed without a derivative). */
  offBy: number;
  /**
   * A dishonest answer that is also confident: where there is a derivative, a true error at least
   * {@link CONFIDENT_FACTOR} times the estimate (or a NaN estimate); at a kink of this order, a
   * one-sided value that far outside the interval; where there is no derivative, a definite number
   * (its interval excludes 0, or its error is NaN) that does not hold both one-sided values either.
   * Issue 10 counts every dishonest answer as a failure; these are the "confident wrong answers"
   * (4e9 ± 1e10 where f′ jumps is dishonest, not confident; 1 ± 1e-15 for 0.99998 is both).
   */
  confident: boolean;
}

function covers(a: Answer, v: number): boolean {
  return Math.abs(a.value - v) <= a.error + TRUTH_SLACK * Math.abs(v);
}

/**
 * Judges one answer (rules in the module comment).
 *
 * @example
 * ```ts
 * judge({ kind: "truth", truth: 1 }, { value: 1.1, error: 1e-3 }).kind; // "dishonest"
 * judge({ kind: "kink", left: 0, right: 1 }, { value: 0.5, error: 0.5, status: "not-differentiable" }).honest; // true
 * ```
 */
export function judge(spec: Spec, a: Answer): Verdict {
  const status = a.status ?? "ok";
  const definite = !(a.error >= Math.abs(a.value));
  if (spec.kind === "truth") {
    const trueError = Number.isFinite(a.value) ? Math.abs(a.value - spec.truth) : Infinity;
    const offBy = trueError / a.error;
    const flag = NO_DERIVATIVE.includes(status);
    if (!claimsNumber(a))
      return { kind: flag ? "false-flag" : "no-answer", honest: true, offBy, confident: false };
    if (!covers(a, spec.truth)) {
      return { kind: "dishonest", honest: false, offBy, confident: !(offBy < CONFIDENT_FACTOR) };
    }
    return { kind: flag ? "false-flag" : "good", honest: true, offBy, confident: false };
  }
  if (EXCUSES.includes(status) || !claimsNumber(a))
    return { kind: "good", honest: true, offBy: 0, confident: false };
  const sides =
    spec.left !== undefined && spec.right !== undefined && covers(a, spec.left) && covers(a, spec.right);
  if (spec.kind === "kink") {
    const offBy = Math.max(Math.abs(a.value - spec.left), Math.abs(a.value - spec.right)) / a.error;
    return {
      kind: sides ? "good" : "dishonest",
      honest: sides,
      offBy,
      confident: !sides && !(offBy < CONFIDENT_FACTOR),
    };
  }
  return {
    kind: "dishonest",
    honest: false,
    offBy: Math.abs(a.value) / a.error,
    confident: definite && !sides,
  };
}

/**
 * The spec in words, for repro lines.
 *
 * @example
 * ```ts
 * specText({ kind: "kink", left: 0, right: 1 }); // "kink: left 0, right 1"
 * ```
 */
export function specText(spec: Spec): string {
  if (spec.kind === "truth") return `truth ${num(spec.truth)}`;
  if (spec.kind === "kink") return `kink: left ${num(spec.left)}, right ${num(spec.right)}`;
  return `no derivative (${spec.why})`;
}

/**
 * A number for repro lines: 6 significant digits, or as it is when not finite.
 *
 * @example
 * ```ts
 * num(Math.PI); // "3.14159"
 * ```
 */
export function num(v: number): string {
  return Number.isFinite(v) ? String(Number(v.toPrecision(6))) : String(v);
}
