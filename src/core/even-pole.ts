/**
 * An even pole at x hidden under a large smooth term. A first derivative's central stencil never reads
 * f(x), and an even pole's c/h² is the same on both sides of x, so the odd part cancels it exactly: eᵗ
 * − 0.46/(t − c)² at c = 20.53 gave f′ = 8.26e8 ± 3e-5, ok, where f(c) = −∞ and there is no
 * derivative. The column's rows do not show it either: eᶜ·h² rules their even part E(h) = Σ|w|·f(x +
 * o·h) down to steps of 0.02. The noise check's stencil, at a step far below the rows', does: there
 * E(h_c) = Σ|w|·f(x) + c·Σ|w|/(o·h_c)², far from the rows' E.
 *
 * For a smooth f, E(h) = Σ|w|·f(x) + a·h² + …: from the newest row (step h) to the check the even part
 * moves by about a·h², less than it moved between the last two rows (a·h²·(r² − 1), r = 2 or 16). At a
 * kink at x, E moves like |h|: by about as much as between the rows. At an even pole at x it grows like
 * 1/h², by (h/h_c)² ≈ 2³⁰ times the rows' change, whichever way the rows moved (a large smooth term
 * may still rule them: 1e4·t³ + 1e-3/(t − 5)² at 5). {@link evenPartGrows} marks a move to the check
 * beyond EVEN_POLE_GROWTH times the rows' change and rounding; the pipeline then asks for f(x) (settle-singular.ts, COLUMN_FLAG.probePole): where it
 * is infinite, "not-finite". derivative(f, xs)'s common path makes the same test on the same values
 * (common-path.ts, noisyAt) and leaves the path where it holds, so both keep giving the same bits.
 */

import { COLUMN_FLAG } from "./column-state.js";
import { EPS, F_ROUNDING } from "./constants.js";
import { stencilArrays } from "./base-stencil.js";
import type { Estimate, ScalarEngine } from "./scalar-column.js";

/**
 * How many times the even part's change between the column's last two rows (plus the rounding of
 * both ends) the change from the newest row to the noise check must be to mark an even pole at x:
 * 2¹⁰. A smooth f moves it by at most a third of the rows' change, a kink at x by about as much, an
 * even pole at x by (h/h_c)² ≈ 2³⁰ times (eᵗ − 0.46/(t − c)² at c: 4e4 times, its rows' change ruled
 * by eᶜ·h²). Noise moves both by about its level: the rows' change falls below 2⁻¹⁰ of the check's
 * by chance about once in a thousand; a finite f(x) then costs that call and changes nothing else.
 *
 * @default 1024
 * @example
 * ```ts
 * EVEN_POLE_GROWTH; // => 1024
 * ```
 */
export const EVEN_POLE_GROWTH = 1024;

/**
 * The order the even-pole test runs at: 1. At order 3 the noise check's step is only 32 times below the
 * rows' (its rounding grows like 1/h³), too close for the test to tell a pole from the rows' own change,
 * and a jump of f beside x moved the even part enough to pass it (the honesty scan's order-3 jumps near
 * x: 61 more false flags, where f‴ exists). At even orders the stencil reads f(x) itself.
 *
 * @default 1
 * @example
 * ```ts
 * EVEN_POLE_ORDER; // => 1
 * ```
 */
export const EVEN_POLE_ORDER = 1;

/**
 * Whether the even part grew from the column's last two rows (`e1`, then `e0`, the newest) to the
 * noise check (`check`) as an even pole at x makes it grow (see the file comment); `rounding` is the
 * rounding of the check's even part and the newest row's together. False where any is not a number.
 *
 * @example
 * ```ts
 * const E = (h: number) => Math.exp(20) * (1 + h * h / 2) + 0.5 / (h * h); // eˣ + 0.5/(t − x)²
 * evenPartGrows(E(2 ** -21), E(2 ** -6), E(2 ** -5), 1e-6); // => true
 * const S = (h: number) => Math.exp(20) * (1 + h * h / 2); // eˣ alone
 * evenPartGrows(S(2 ** -21), S(2 ** -6), S(2 ** -5), 1e-6); // => false
 * ```
 */
export function evenPartGrows(check: number, e0: number, e1: number, rounding: number): boolean {
  return Math.abs(check - e0) > EVEN_POLE_GROWTH * (Math.abs(e0 - e1) + rounding);
}

/**
 * The even-pole test of a quiet central estimate of a first derivative (see the file comment;
 * EVEN_POLE_ORDER), from the
 * noise check's n values in the engine and the even parts of the last column's last two rows
 * (driver.ts, kinkTest): sets COLUMN_FLAG.probePole in `est.flags`, for the singular stage to ask for
 * f(x). Nothing for a noisy estimate (its stages read f(x) already), another order, or a check with a
 * value that is not finite.
 *
 * @example
 * ```ts
 * checkEvenPole(engine, n, est); // after checkNoise: est.flags has probePole where E grew like c/h²
 * ```
 */
export function checkEvenPole(engine: ScalarEngine, n: number, est: Estimate): void {
  const order = engine.o.order;
  if (order !== EVEN_POLE_ORDER || est.kind !== "central" || (est.flags & COLUMN_FLAG.noisy) !== 0) return;
  // (checkD is NaN unless the check got all n values, the last finite: checkValues may hold older ones.)
  if (Number.isNaN(engine.checkD)) return;
  const state = engine.state;
  const weights = stencilArrays("central", order).weights;
  if (n !== weights.length) return;
  // Σ|w|·f over the check's points in the stencil's order: the sums of the driver's sumRow.
  let even = 0;
  let size = 0;
  for (let q = 0; q < n; q++) {
    const v = engine.checkValues[q];
    if (!Number.isFinite(v)) return;
    const aw = Math.abs(weights[q]);
    even += aw * v;
    size += aw * Math.abs(v);
  }
  // (A known noise level's share too: 2·level·Σ|w|, the check's and the row's; none on the common path.)
  const noise = 2 * state.noise[0] * stencilArrays("central", order).weightSum;
  const rounding = F_ROUNDING * EPS * (size + state.evenAbs[0]) + noise;
  if (evenPartGrows(even, state.even0[0], state.even1[0], rounding)) est.flags |= COLUMN_FLAG.probePole;
}
