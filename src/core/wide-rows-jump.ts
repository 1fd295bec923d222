/**
 * A jump of f″ at x that the order-2 column's rows show only one step wider. The odd-part check's
 * rowsJump (odd-part-check.ts) reads J = f″₊ − f″₋ from the odd parts O(s) = (f(x + s) − f(x − s))/s
 * of the column's last four rows, s … 8s, and marks a kink where J stands ROWS_JUMP_SIGNAL times above
 * its uncertainty: the s³ term it removed plus the rounding the weights carry, 8·r/s, r the newest
 * row's rounding. Beside a large term (a Hessian's diagonal: the other coordinates' terms of 1e7 to 1e9
 * lie on the line through x) that rounding bound rules the uncertainty, and a jump of the size it
 * bounds is neither told nor ruled out: exp t + 0.0043·huber at its join beside 2.6e8 read J =
 * −0.0043 ± 0.0038 (the truth −0.00427; the s³ term 6e-6) and gave f″ = 0.120439 ± 1.6e-4, ok, the
 * mean of the sides 0.122573 and 0.118308. J·s/2 grows like s and the rounding of O(s) shrinks like
 * 1/s, so the same read one row wider, from O(2s) … O(16s), has a quarter of the rounding: there the
 * jump stands 4.5 times above its uncertainty. Where the rows' J reaches its uncertainty without
 * passing ROWS_JUMP_SIGNAL, its rounding is most of that uncertainty and half of it is beyond the
 * estimate's error, the pair x ± 16s is asked for (two calls) and the wider read decides, with the same
 * signal and the same sign; the shape stage then compares the sides (side-checks.ts). A smooth f's J
 * is its rounding, below the bound, and asks nothing.
 */

import { EPS, F_ROUNDING } from "./constants.js";
import { ROWS_JUMP_SIGNAL, ROWS_ROUNDING, rowsJump } from "./odd-part-check.js";
import type { Pipeline, Sampler } from "./sampler.js";
import type { Estimate, ScalarEngine } from "./scalar-column.js";
import { representableStep } from "./step.js";

/**
 * How far beyond the newest row the wider pair lies, in its steps: 16, one more halving of the rows'
 * ladder past its oldest row (8s), so that the four rows 2s … 16s are a halving ladder again.
 *
 * @default 16
 * @example
 * ```ts
 * WIDE_ROW_RATIO; // => 16
 * ```
 */
export const WIDE_ROW_RATIO = 16;

/**
 * Whether the jump of f″ read from the rows 2s … 16s (see the file comment) marks a kink, for a
 * central order-2 estimate `est` whose own rows' read was undecided by rounding. False, at no call,
 * wherever the rows' read decided (either way), f carries a given noise level, or x ± 16s leaves the
 * bounds or gives a value that is not finite.
 *
 * @example
 * ```ts
 * const yes = yield* wideRowsJump(engine, sampler, est); // then the sides are compared
 * ```
 */
export function* wideRowsJump(engine: ScalarEngine, sampler: Sampler, est: Estimate): Pipeline<boolean> {
  const { x, o } = engine;
  const pairs = engine.driver.pairParts;
  if (o.order !== 2 || o.noise !== 0 || est.kind !== "central" || pairs === null || pairs.count[0] < 4)
    return false;
  const s = pairs.step[0];
  const r = pairs.rounding[0];
  const rows = rowsJump(pairs.part, s, r);
  const size = Math.abs(rows.jump);
  const rounding = (ROWS_ROUNDING * r) / s;
  if (!(size >= rows.uncertainty) || size > ROWS_JUMP_SIGNAL * rows.uncertainty) return false;
  if (!(rounding > rows.uncertainty - rounding) || !(size / 2 > est.error)) return false;
  const wide = representableStep(x, WIDE_ROW_RATIO * s);
  if (!(x - wide >= o.lo && x + wide <= o.hi)) return false;
  const hi = yield* sampler.one(x + wide);
  const lo = yield* sampler.one(x - wide);
  if (!Number.isFinite(hi) || !Number.isFinite(lo)) return false;
  const parts = [pairs.part[1], pairs.part[2], pairs.part[3], (hi - lo) / wide];
  // The newest of these, O(2s), carries about half the rounding of O(s) (r is ∝ 1/s at one |f|), and
  // at least what the wide pair's values would give it at 2s (the driver's model, pushPairs).
  const size16 = Math.abs(lo) + 2 * Math.abs(sampler.known(x)) + Math.abs(hi);
  const r2 = Math.max(r / 2, (F_ROUNDING * EPS * size16) / (2 * s));
  const w = rowsJump(parts, 2 * s, r2);
  return (
    Math.abs(w.jump) > ROWS_JUMP_SIGNAL * w.uncertainty &&
    Math.abs(w.jump) / 2 > est.error &&
    w.jump * rows.jump > 0
  );
}
