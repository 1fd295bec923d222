/**
 * The float32 rounding a large Jacobian's float32 rows carry (jacobian-job.ts float32), which their
 * columns' double rounding model does not: the size of the values it scales with, and the share of it,
 * with that of float32 inputs, that a column's estimate must at least claim (else derivative()'s
 * pipeline computes it again, jacobian-recheck.ts).
 */

import { FLOAT32_UNIT_ROUNDOFF } from "./float32.js";
import { float32TableauGain } from "./float32-floor.js";

/**
 * How much a Richardson tableau with steps h, h/r, h/r², … (r = STEP_RATIO) can grow a rounding of its
 * differences, bounded by ε/h at each row's step h (float32-floor.ts, float32TableauGain, central, first
 * order): the product over the levels l = 1, 2, … of (r^(2l) + 1/r)/(r^(2l) − 1), 1.5 · 1.1 · 1.024 · …
 * ≈ 1.70 for r = 2.
 *
 * @default 1.7024 (r = 2)
 * @example
 * ```ts
 * FLOAT32_TABLEAU_GAIN; // ≈ 1.7024
 * ```
 */
export const FLOAT32_TABLEAU_GAIN = float32TableauGain(true, 1);

/**
 * Whether entry (k, j) of a float32 row of a large F (jacobian-job.ts float32; SCREEN_COMPONENTS
 * components or more) claims less error than float32 rounding leaves it: each value is rounded by up to
 * FLOAT32_UNIT_ROUNDOFF of its size (float32Size: |F_k(x)|, or the move |J_kj|·h beside it), and a
 * float32 input x_j by up to half its float32 step, which moves the value by |J_kj|·FLOAT32_UNIT_ROUNDOFF·2^e
 * (2^e ≤ |x_j| < 2^(e+1): a float32 computation rounds its inputs too, TensorFlow.js's tensors); a first difference at step h carries their sum over
 * h, and the column's tableau up to FLOAT32_TABLEAU_GAIN times that. An error below (or not a number)
 * is rechecked by derivative()'s pipeline, which measures the rounding as noise:
 * f32(sin(f32(t)) + atan(y)) at t = −48.71 gave 0.0177067 ± 7.1e-7, noise-limited, from steps of 0.19,
 * where the truth is 1.4e-6 off: the two roundings' share at h is 5.0e-7, the tableau's 8.5e-7. The
 * rows' noise tables move x_j by 4·ROW_NOISE_SPACING ≈ 1.9e-6 at most, within one float32 step of any
 * |x_j| above 16, so they do not see the inputs' rounding (f32(cos(f32(t)) + atan(y)) at t = −97.96:
 * −0.537775 ± 1.1e-6, ok, 2.8 times short; the recheck gives ± 6.0e-5). `terms`: the grid of a
 * float32 term that a larger part cancels (difference-grid.ts, termGrid; 0 if none), whose values
 * carry half of it each rather than F_k's own rounding. First derivatives only.
 *
 * @example
 * ```ts
 * const kept = { value: Float64Array.of(0.0177), error: Float64Array.of(7.1e-7), step: Float64Array.of(0.19) };
 * float32Hidden(kept, 0, -48.71, 0.9988, 1); // => true (1.70·2⁻²⁴·(0.9988 + 0.0177·32)/0.19 ≈ 8.4e-7)
 * ```
 */
export function float32Hidden(
  kept: { value: Float64Array; error: Float64Array; step: Float64Array },
  k: number,
  xj: number,
  centre: number,
  order: number,
  terms = 0,
): boolean {
  if (order !== 1) return false;
  const h = kept.step[k];
  const slope = Math.abs(kept.value[k]);
  const own = Math.max(
    Math.abs(float32Size(centre, kept.value[k], h, 1)),
    terms / (2 * FLOAT32_UNIT_ROUNDOFF),
  );
  const size = own + slope * inputHalf(xj);
  return !(kept.error[k] >= (FLOAT32_TABLEAU_GAIN * FLOAT32_UNIT_ROUNDOFF * size) / h);
}

/** 2^e where 2^e ≤ |t| < 2^(e+1); 0 where t is 0 or not finite (no float32 input step to read). */
function inputHalf(t: number): number {
  const a = Math.abs(t);
  if (!(a > 0) || a === Infinity) return 0;
  const half = 2 ** Math.floor(Math.log2(a));
  return half > a ? half / 2 : half;
}

/**
 * The size of a float32 component's values on its column's stencil at step h, whose float32 rounding
 * a difference carries: |F_k(x)|, or |value|·hⁿ where that is larger, since F_k(x ± h) moves from F_k(x)
 * by about the derivative times hⁿ. f32(1/(1 + x₀²) + atan(t)) at x₀ = −11560, t = 0 is 7.5e-9 at x but
 * 0.0039 at the column's step 0.0039, where its float32 steps of 2.3e-10 gave 1.00000002 ± 1.1e-11 for
 * a truth of 1: an error 2.5e5 times below the rounding of its values.
 *
 * @example
 * ```ts
 * float32Size(7.5e-9, 1, 0.0039, 1); // => 0.0039
 * float32Size(-0.5, 1, 0.0039, 1); // => -0.5
 * ```
 */
export function float32Size(centre: number, value: number, step: number, order: number): number {
  const beside = Math.abs(value) * step ** order;
  return beside > Math.abs(centre) ? beside : centre;
}
