/**
 * An even pole at x under a large smooth term (eᵗ − 0.46/(t − c)² at c: f′ = 8.26e8 ± 3e-5, ok): the
 * central stencil cancels c/h², but the noise check's even part moves by (h/h_c)² times the rows' change.
 * Then f(x) is asked; infinite, "not-finite". docs/engine.md, "Poles beside x".
 */

import { COLUMN_FLAG } from "./column-state.js";
import { EPS, F_ROUNDING } from "./constants.js";
import { stencilArrays } from "./base-stencil.js";
import type { Estimate, ScalarEngine } from "./scalar-column.js";

/**
 * How many times the rows' change of the even part (plus rounding) its move from the newest row to the
 * noise check must be to mark an even pole at x: 2¹⁰. A smooth f moves it by a third of that change at
 * most, a kink by about as much, an even pole at x by (h/h_c)² ≈ 2³⁰ times (eᵗ − 0.46/(t − c)² at c:
 * 4e4, its rows ruled by eᶜ·h²); noise passes about once in 10³, and a finite f(x) then changes nothing.
 *
 * @default 1024
 * @example
 * ```ts
 * EVEN_POLE_GROWTH; // => 1024
 * ```
 */
export const EVEN_POLE_GROWTH = 1024;

/**
 * The order the even-pole test runs at: 1. At order 3 the check's step is only 32 times below the rows'
 * (too close to tell), and jumps beside x passed the test (61 more false flags in the scan).
 *
 * @default 1
 * @example
 * ```ts
 * EVEN_POLE_ORDER; // => 1
 * ```
 */
export const EVEN_POLE_ORDER = 1;

/**
 * Whether the even part moved from the column's last two rows (`e1`, then `e0`) to the noise check
 * (`check`) as an even pole at x moves it; `rounding` is that of the check's and the newest row's.
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
 * The even-pole test of a quiet central first derivative, from the noise check's values and the last
 * column's rows (driver.ts, kinkTest): sets COLUMN_FLAG.probePole, for settle-singular.ts to ask f(x).
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
