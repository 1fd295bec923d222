/**
 * The plain stencil of a Jacobian column with `errors: false`: one stencil of the method and accuracy
 * (central, accuracy 2 by default) at a step chosen in advance, with no extrapolation and so no error
 * estimate, the way FiniteDiff.jl and scipy's `approx_derivative` difference a Jacobian: 2 calls of F
 * per column for a first derivative (central, or one-sided at a bound, sharing F(x)) against the
 * adaptive engine's 8 or so, for values within about EPS^(2/3) ≈ 4e-11 relative on a well-scaled F
 * (`accuracy: 4`: 4 calls, about EPS^(4/5) ≈ 3e-13).
 */

import { EPS } from "./constants.js";
import { checkInside, fixedStencil } from "./fixed-partial.js";
import type { Stencil } from "./stencil.js";
import type { StencilKind } from "./types.js";
import type { ResolvedMultivariate } from "./vector.js";

/**
 * The relative step of a plain stencil of derivative order d and accuracy p: EPS^(1/(d + p)). It
 * balances the truncation error, about h^p·|f^(d+p)|, against the rounding error, about EPS·|f|/h^d,
 * for f and its derivatives of size 1 at the scale max(|x|, 1) (Sauer, "Numerical Analysis", §5.1;
 * the step of scipy's `approx_derivative` for "3-point", EPS^(1/3), and FiniteDiff.jl's default
 * relstep cbrt(eps) for central differences). The error is then about EPS^(p/(d+p)): 4e-11 relative
 * for a central first derivative.
 *
 * @example
 * ```ts
 * plainRelativeStep(1, 2); // => 0.000006055454452393343 (EPS^(1/3))
 * plainRelativeStep(1, 4); // ≈ 7.4e-4 (EPS^(1/5))
 * plainRelativeStep(2, 2); // => 0.0001220703125 (EPS^(1/4))
 * ```
 */
export function plainRelativeStep(order: number, accuracy: number): number {
  return EPS ** (1 / (order + accuracy));
}

/**
 * A column's stencil and step (a column without a stencil is null: x_j not finite, no room).
 *
 * @example
 * ```ts
 * import { fixedStencil } from "./fixed-partial.js";
 * const c: PlainColumn = { stencil: fixedStencil("central", 1, 2), h: 1e-3, paired: true };
 * ```
 */
export interface PlainColumn {
  stencil: Stencil;
  h: number;
  /** Whether the stencil is antisymmetric (see {@link isAntisymmetric}): then summed by pairs. */
  paired: boolean;
}

/**
 * Whether a stencil is antisymmetric: offsets ±q with weights ±w and no offset 0 (a central stencil of
 * odd order). Its sum is then taken by pairs, Σ w_q·(f(x + q·h) − f(x − q·h)), outermost pair first:
 * a component that does not move along x_j then gives exactly 0 (the differences are 0), where the
 * sum term by term leaves the rounding of weights such as 1/12 and 2/3 (about 1e-16·|f| / h).
 *
 * @example
 * ```ts
 * import { fixedStencil } from "./fixed-partial.js";
 * isAntisymmetric(fixedStencil("central", 1, 4)); // => true
 * isAntisymmetric(fixedStencil("forward", 1, 2)); // => false
 * ```
 */
export function isAntisymmetric(st: Stencil): boolean {
  const { offsets, weights } = st;
  const len = offsets.length;
  if (len % 2 !== 0) return false;
  for (let i = 0; i < len / 2; i++) {
    if (offsets[i] !== -offsets[len - 1 - i] || weights[i] !== -weights[len - 1 - i]) return false;
  }
  return true;
}

/**
 * Σ_q w_q·f_q of a plain column's values, in the order every Jacobian path uses (bit for bit the same):
 * by pairs, outermost first, for an antisymmetric stencil; else term by term in the stencil's order;
 * in both cases from 0, so that terms of −0 give +0.
 *
 * @example
 * ```ts
 * const c = plainColumn(1, -Infinity, Infinity, 1, 2, "auto")!;
 * plainSum(c, (q) => [5, 5][q]); // => 0 (f does not move)
 * ```
 */
export function plainSum(c: PlainColumn, valueAt: (q: number) => number): number {
  const { weights } = c.stencil;
  const len = weights.length;
  let acc = 0;
  if (c.paired) {
    for (let i = 0; i < len / 2; i++) acc += weights[len - 1 - i] * (valueAt(len - 1 - i) - valueAt(i));
  } else for (let q = 0; q < len; q++) acc += weights[q] * valueAt(q);
  return acc;
}

/** Steps down by the spacing of x tried when a step rounded to it leaves the bounds (≤ offset ulps). */
const FIT_TRIES = 8;

const stencils = new Map<string, { stencil: Stencil; paired: boolean }>();

/**
 * The fixed stencil of a kind, order and accuracy, with whether it is antisymmetric (cached).
 *
 * @example
 * ```ts
 * plainStencil("forward", 1, 2).stencil.offsets; // => [0, 1, 2]
 * plainStencil("central", 1, 2).paired; // => true
 * ```
 */
export function plainStencil(
  kind: StencilKind,
  order: number,
  accuracy: number,
): { stencil: Stencil; paired: boolean } {
  const key = `${kind}/${order}/${accuracy}`;
  let st = stencils.get(key);
  if (st === undefined) {
    const stencil = fixedStencil(kind, order, accuracy);
    stencils.set(key, (st = { stencil, paired: isAntisymmetric(stencil) }));
  }
  return st;
}

/**
 * The plain stencil along a coordinate at x within [lo, hi]: of `kind`, or for "auto" central when it
 * fits and else one-sided towards the side with more room, at the step plainRelativeStep·max(|x|, 1)
 * shrunk to fit the bounds. The step is made exact (h = (x + h) − x), so the points x + offset·h are
 * as far apart as the step says. Null for a non-finite x or a step that vanishes against x.
 *
 * @example
 * ```ts
 * plainColumn(1, -Infinity, Infinity, 1, 2, "auto")?.h; // => 0.000006055454452313924 (made exact)
 * plainColumn(0, 0, 1, 1, 2, "auto")?.stencil.offsets; // => [0, 1, 2] (forward at the lower bound)
 * ```
 */
export function plainColumn(
  x: number,
  lo: number,
  hi: number,
  order: number,
  accuracy: number,
  kind: StencilKind | "auto",
): PlainColumn | null {
  if (!Number.isFinite(x)) return null;
  let h = plainRelativeStep(order, accuracy) * Math.max(Math.abs(x), 1);
  let k: StencilKind = kind === "auto" ? "central" : kind;
  if (kind === "auto" && (x - h < lo || x + h > hi)) k = hi - x >= x - lo ? "forward" : "backward";
  const { stencil: st, paired } = plainStencil(k, order, accuracy);
  const below = -st.offsets[0];
  const above = st.offsets[st.offsets.length - 1];
  if (below > 0 && x - below * h < lo) h = (x - lo) / below;
  if (above > 0 && x + above * h > hi) h = (hi - x) / above;
  const exact = (t: number): number => (k === "backward" ? x - (x - t) : x + t - x);
  const fits = (t: number): boolean => x + above * t <= hi && x - below * t >= lo;
  h = exact(h);
  // Rounding to the spacing of x may have pushed the last point out: step down by that spacing.
  for (let tries = 0; tries < FIT_TRIES && h > 0 && !fits(h); tries++) h = exact(h - EPS * Math.abs(x));
  return h > 0 && fits(h) ? { stencil: st, h, paired } : null;
}

/**
 * Whether a Jacobian takes plain columns: with `errors: false` and none of the options that steer the
 * adaptive engine (`noise`, `rtol`, `atol`, `maxEvaluations`), or with a fixed `step`.
 *
 * @example
 * ```ts
 * import { resolveMultivariate } from "./vector.js";
 * const x = Float64Array.of(1, 2);
 * plainColumns(resolveMultivariate(undefined, x), false); // => true
 * plainColumns(resolveMultivariate({ rtol: 1e-8 }, x), false); // => false (rtol steers the adaptive engine)
 * plainColumns(resolveMultivariate(undefined, x), true); // => false
 * ```
 */
export function plainColumns(o: ResolvedMultivariate, withErrors: boolean): boolean {
  if (o.step !== undefined) return true;
  const e = o.engine;
  return (
    !withErrors &&
    e.noise === undefined &&
    e.rtol === undefined &&
    e.atol === undefined &&
    e.maxEvaluations === undefined
  );
}

/**
 * The stencil and step of each column of a plain Jacobian: with `step`, the method's fixed stencil at
 * that step (every column checked against its bounds first: INVALID_STEP, as in `derivative`);
 * without, {@link plainColumn}. Null for a column without a stencil (x_j not finite).
 *
 * @example
 * ```ts
 * import { resolveMultivariate } from "./vector.js";
 * const x = Float64Array.of(2, NaN);
 * const of = columnStencils(resolveMultivariate({ step: 1e-3 }, x), x);
 * of(0)?.h; // => 0.001
 * of(1); // => null
 * ```
 */
export function columnStencils(o: ResolvedMultivariate, x0: Float64Array): (j: number) => PlainColumn | null {
  if (o.step === undefined) {
    return (j) => plainColumn(x0[j], o.lo[j], o.hi[j], o.order, o.accuracy, o.method);
  }
  const { stencil: st, paired } = plainStencil(
    o.method === "auto" ? "central" : o.method,
    o.order,
    o.accuracy,
  );
  const h = o.step;
  for (let j = 0; j < x0.length; j++) checkInside(st, x0[j], h, o.lo[j], o.hi[j], j);
  const column: PlainColumn = { stencil: st, h, paired };
  return (j) => (Number.isFinite(x0[j]) ? column : null);
}
