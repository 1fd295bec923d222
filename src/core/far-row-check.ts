/**
 * The odd-part check of a second derivative against the column's own far row. After settled rows the
 * column may take a row at a step far shorter than the last (driver.ts, troubleEnds), and stop there on
 * what it reads as noise; the pairs' history then starts again from that row (pair-parts.ts), so the
 * odd-part check (odd-part-check.ts), which needs three rows at halving steps, never runs, nor does the
 * noise check. Where f″ jumps at a join δ beside x (0 < δ ≪ h), the even stencil gives the midpoint of
 * the two sides' f″ at every step above δ, moved by a term in δ/h that the column takes for noise
 * (t³ − 2t − 0.00124·max(0, t − x − 1e-8)² at x = −1 gave f″ = −6.00123 ± 9.5e-6, ok, where f″ is −6
 * at x and −6.00247 past the join). The odd part O(s) = (f(x + s) − f(x − s))/s carries J·s/2 there,
 * J the jump of f″: the rows before the far row and the far row's odd part, at u = its step over the
 * newest of theirs, are the odd-part check's rows and tiny step (oddPartFlags), and the anchor of the
 * jump read from the rows (anchored-jump.ts, as the odd-part check's anchoredSignal reads it; sin t −
 * 0.00197·huber with its join 7.6e-6 beside x = 0 gave f″ = −0.00098 ± 1.6e-5 where it is 0 at x: the
 * rows at 1/16 … 1/4 carry f⁽⁵⁾'s s⁴ term, which the three-term kink model cannot fit; anchored, J =
 * 0.0019673 ± 5.3e-5), with no call of its own. A kink flag sends the pipeline to the one-sided comparison (side-checks.ts), as the odd-part
 * check's would; a smooth f gets none and pays nothing.
 */

import { COLUMN_FLAG } from "./column-state.js";
import { anchoredJump } from "./anchored-jump.js";
import {
  ANCHORED_JUMP_SIGNAL,
  MODEL_POWERS,
  modelAt,
  ODD_CHECK_SIGNAL,
  oddPartFlags,
  ROW_AMPLIFICATION,
} from "./odd-part-check.js";
import type { Estimate, ScalarEngine } from "./scalar-column.js";

/**
 * How many times better than the smooth model the kink model must fit the far row for the anchored
 * jump to count: 2. The far row is 1/16 of the rows' newest step, not the noise check's 1e-5 or so, so
 * the kink model's missing s⁴ term (f⁽⁵⁾ at the rows' wide steps) stays in its miss: sin t − 0.00197·huber
 * 7.6e-6 beside x = 0 fitted 2.7 times better, short of ODD_CHECK_RATIO (16). Smooth f fit worse with
 * the kink model; a float32 f's rounding moves both misses alike.
 *
 * @default 2
 * @example
 * ```ts
 * FAR_KINK_RATIO; // => 2
 * ```
 */
export const FAR_KINK_RATIO = 2;

/**
 * Sets COLUMN_FLAG.kink in `est.flags` where the order-2 central column's far row (see the file
 * comment) shows f″ jumping at x against the rows before it; else nothing.
 *
 * @example
 * ```ts
 * import { ScalarEngine, type Estimate } from "./scalar-column.js";
 * import { resolveOptions } from "./validate.js";
 * const engine = new ScalarEngine().begin(1, resolveOptions({ order: 2 }, 1));
 * const est: Estimate = { value: 6, error: 1e-12, step: 0.5, kind: "central", flags: 0, noisyStep: NaN };
 * checkFarRow(engine, est); // no column has run: no far row
 * est.flags; // => 0
 * ```
 */
export function checkFarRow(engine: ScalarEngine, est: Estimate): void {
  if (engine.o.order !== 2 || est.kind !== "central") return;
  const pairs = engine.driver.pairParts;
  if (pairs === null || pairs.count[0] !== 1) return;
  const before = pairs.before;
  if (before === null || before.count < 3 || !(pairs.step[0] < before.step)) return;
  const rounding = pairs.rounding[0] + ROW_AMPLIFICATION * before.rounding;
  const u = pairs.step[0] / before.step;
  const far = pairs.part[0];
  if ((oddPartFlags(before.part, before.count, far, u, rounding) & COLUMN_FLAG.kink) !== 0) {
    est.flags |= COLUMN_FLAG.kink;
    return;
  }
  // The jump of f″ read from the rows anchored at the far row (anchored-jump.ts), where f⁽⁵⁾'s s⁴ term
  // at the rows' wide steps spoils the three-term kink model.
  const a = anchoredJump(before.part, before.count, before.step, before.rounding, far, u, pairs.rounding[0]);
  if (!(Math.abs(a.jump) > ANCHORED_JUMP_SIGNAL * a.uncertainty)) return;
  // Only where the far row leaves the smooth model (beyond ODD_CHECK_SIGNAL times the rounding) and the
  // kink model fits it FAR_KINK_RATIO times better: noise or rounding that the model does not carry (a
  // float32 f) moves the anchor with no kink.
  const powers = MODEL_POWERS[before.count >= 4 ? 4 : 3];
  const missSmooth = Math.abs(far - modelAt(before.part, powers.smooth, u));
  const missKink = Math.abs(far - modelAt(before.part, powers.kink, u));
  if (!(missSmooth > ODD_CHECK_SIGNAL * rounding && FAR_KINK_RATIO * missKink <= missSmooth)) return;
  // Where the estimate's error already covers both sides' f″ (midpoint ± J/2), it stands.
  if (!(Math.abs(a.jump) / 2 <= est.error)) est.flags |= COLUMN_FLAG.kink;
}
