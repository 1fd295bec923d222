/**
 * A one-sided derivative from long steps that straddle a pole beside x. A forward or backward column
 * reads f(x) itself, but its rows' intercept is lost under the next power of h (docs/engine.md, "Poles
 * beside x"), so it has no mirror of the long-steps test on its own. The other side's column, run by
 * other-side.ts at the same steps, gives it one: f(x + h) + f(x − h) = 2f(x) + f″h² + f⁗h⁴/12 + … is
 * even in h wherever f is smooth on [x − h, x + h], so those sums at h, 2h, 4h extrapolate in h² to
 * 2f(x). A pole at distance d below h puts its term at x, P = a/dᵏ, into f(x) and next to nothing into
 * f(x ± h): the extrapolation misses f(x) by 2|P|. t³ − 2t + 0.033/(t − c) forward at −11394.5068, c
 * 0.001 behind x: f″ = −68367 ± 0.0084 from steps of 356, where it is 6.2e7; the sums miss 2f(x) by 64,
 * 1e5 times their rounding. The estimate is then confirmed only to what the unit probe's shorter steps
 * said (as long-steps.ts does for a central one).
 */

import { EPS, F_ROUNDING, NOISE_COVERAGE } from "./constants.js";
import { atZero } from "./long-steps.js";
import type { Sampler } from "./sampler.js";

/**
 * How many times its uncertainty (the three-step extrapolation against the two-step one, and the
 * rounding of the sums and of f(x)) the gap between the extrapolated sums and 2f(x) must be: 2, as
 * LONG_MISS_SIGNAL (where the bound is derived). A smooth f's gap is the extrapolation's h⁶ term, below
 * the two-step value's h⁴ error (which the uncertainty holds) by (h/s)² (s: the scale f varies on), plus
 * rounding within its F_ROUNDING bound: the honesty scan's smooth one-sided cases reach 1.27 at most over
 * 7,786 tests. A pole's term P at x puts 2|P| into the gap against about 11.6·EPS·|f| of rounding: R =
 * |P|/(EPS·|f(x)|) of 12 or more fires (it was 16 until round 16, R of about 90). A kink at x puts a term
 * J·h into the sums, whose extrapolations miss by 0.62·J·h against an uncertainty of 0.044·J·h (a ratio
 * of 14); the sides disagree there first (other-side.ts), and where they do not, f is asked whether it
 * jumps at x before the error is widened.
 *
 * @default 2
 * @example
 * ```ts
 * PAIRED_MISS_SIGNAL; // => 2
 * ```
 */
export const PAIRED_MISS_SIGNAL = 2;

const ROWS = new Float64Array(7);
const SUM = new Float64Array(1);

/**
 * Whether f(x + h) + f(x − h) at the steps `step`, 2·`step` and 4·`step` (made representable beside x,
 * as the columns' are) extrapolate in h² to a value more than PAIRED_MISS_SIGNAL times their uncertainty
 * away from 2f(x). Reads only values f was called at (Sampler.known, knownNear): false where one is
 * missing or not finite. No call of f.
 *
 * @example
 * ```ts
 * import { Sampler } from "./sampler.js";
 * const f = (t: number) => t ** 3 + (t === 0 ? 1 : 0); // f(0) off the cubic through its neighbours
 * const s = new Sampler(f);
 * for (const t of [0, 1, -1, 2, -2, 4, -4]) s.at(t);
 * pairedSidesMissed(s, 0, 1); // => true
 * const g = new Sampler((t: number) => t ** 3 + t * t);
 * for (const t of [0, 1, -1, 2, -2, 4, -4]) g.at(t);
 * pairedSidesMissed(g, 0, 1); // => false
 * ```
 */
export function pairedSidesMissed(sampler: Sampler, x: number, step: number, level = 0): boolean {
  const fx = sampler.known(x);
  if (!Number.isFinite(fx)) return false;
  let abs = 0;
  for (let r = 0; r < 3; r++) {
    if (!pairAt(sampler, x, step * 2 ** r)) return false;
    ROWS[r] = PAIR[0] + PAIR[1];
    ROWS[3 + r] = PAIR[2];
    abs = Math.max(abs, Math.abs(PAIR[0]) + Math.abs(PAIR[1]));
  }
  const three = atZero(ROWS, 3, SUM);
  const rounding =
    F_ROUNDING * EPS * (abs * SUM[0] + 2 * Math.abs(fx)) + NOISE_COVERAGE * level * (2 * SUM[0] + 2);
  const uncertainty = Math.abs(three - atZero(ROWS, 2, SUM)) + rounding;
  return Math.abs(three - 2 * fx) > PAIRED_MISS_SIGNAL * uncertainty;
}

const PAIR = new Float64Array(3);

/**
 * f(x + s₊) and f(x − s₋) into PAIR[0] and PAIR[1], and s₊ into PAIR[2], for the points nearest x ± h
 * that f was called at (within PAIR_OFFSET of them); false where there are none. The columns' points
 * at a step h lie at x ± hr (hr: representableStep of each column's own step, which may differ from h
 * in the last bits). The far one of the two is moved to the near one's distance along the pair's own
 * slope, (f(x + s₊) − f(x − s₋))/(s₊ + s₋), whose error (about f″·s·|s₊ − s₋|) is far below rounding
 * where s₊ and s₋ differ by a few units in the last place of x.
 */
function pairAt(sampler: Sampler, x: number, h: number): boolean {
  const within = PAIR_OFFSET * EPS * Math.max(Math.abs(x), h);
  const tUp = sampler.knownNear(x + h, within);
  const up = sampler.nearValue;
  const tDown = sampler.knownNear(x - h, within);
  const down = sampler.nearValue;
  if (!(Number.isFinite(tUp) && Number.isFinite(tDown) && Number.isFinite(up) && Number.isFinite(down)))
    return false;
  const sUp = tUp - x;
  const sDown = x - tDown;
  if (!(sUp > 0 && sDown > 0)) return false;
  PAIR[0] = up;
  PAIR[1] = down + ((up - down) / (sUp + sDown)) * (sDown - sUp);
  PAIR[2] = sUp;
  return true;
}

/**
 * How far from x ± h, in units of EPS·max(|x|, h), a point may lie and still count as the pair's
 * (pairAt): 8, a few units in the last place of x (the columns' representable steps differ from h
 * there), and far below the spacing of any two steps (h/2 apart).
 *
 * @default 8
 * @example
 * ```ts
 * PAIR_OFFSET; // => 8
 * ```
 */
export const PAIR_OFFSET = 8;

/**
 * The error of a one-sided estimate (`value`, `error`, from steps of `step`) whose paired sides missed
 * f(x) (pairedSidesMissed): its interval reaches past the probe's (`probeValue` ± `probeError` from
 * steps of `probeStep`), as unconfirmed-scale.ts's does, where the probe's steps were shorter; ∞ where
 * that probe has no error (its column never settled: no step the engine took resolves what lies
 * beside x).
 *
 * @example
 * ```ts
 * pairedError(290000, 1e-5, 1510, 290012, 546, 0.03125); // => 558
 * pairedError(-68367, 0.008, 356, -60287, NaN, 0.0625); // => Infinity
 * pairedError(2, 1e-9, 0.01, 5, 1, 0.1); // => 1e-9 (the probe's steps were longer)
 * ```
 */
export function pairedError(
  value: number,
  error: number,
  step: number,
  probeValue: number,
  probeError: number,
  probeStep: number,
): number {
  if (!(probeStep < step)) return error;
  if (!(probeError < Infinity)) return Infinity;
  return Math.max(error, Math.abs(probeValue - value) + probeError);
}
