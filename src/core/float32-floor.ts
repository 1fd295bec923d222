/**
 * The least error a derivative from a float32 f can honestly claim at its step: the float32 rounding
 * of the values its stencil differences, grown by the Richardson tableau, with the move of a float32
 * f's rounded argument. A float32 f's values carry up to FLOAT32_UNIT_ROUNDOFF of their size, 2²⁷
 * times what the engine's double model gives them; and a float32 f that rounds its argument too
 * (Math.fround(t) inside, a float32 tensor) is evaluated at f32(x + o·h), up to half a float32 step of
 * x away, which moves each value by about |f′| times that: at x = 30.39 the argument's rounding moves
 * f32(eᵗ) by 30 times its own rounding (f′ = 1.573e13 ± 4.7e7, noise-limited, from steps of 0.119,
 * where the points x ± h are no float32 numbers: the truth is 1.3e8 off). The noise stage measures the
 * values' grid (settle-noise.ts), and neither share is in its level where the tables step within one
 * float32 step of x; the float32 floor of float32.ts (order 2 and up) had the values' part only, and
 * no tableau gain. Where every point moves alike (x no float32 number, steps on x's float32 grid) the
 * moves cancel to first order: float32-input.ts gives what is left at order 1.
 */

import { MAX_ORDER, STEP_RATIO } from "./constants.js";
import { FLOAT32_UNIT_ROUNDOFF, float32Result } from "./float32.js";

/** Levels of the product taken: for r = 2 the levels past the 12th move it by less than 1e-7. */
const GAIN_LEVELS = 12;

/**
 * How much a Richardson tableau with steps h, h/r, h/r², … (r = STEP_RATIO) can grow the rounding of
 * an order-n difference, bounded by ε/hⁿ at each row's step h: the level that removes h^(p·l) (p = 2
 * central, 1 one-sided) takes (r^(p·l)·A(h/r) − A(h))/(r^(p·l) − 1), whose bound is
 * (r^(p·l) + r⁻ⁿ)/(r^(p·l) − 1) times its finer row's (the coarser row's rounding is r⁻ⁿ of the finer
 * one's), so its estimate at step h carries up to the product of these over l = 1, 2, … times the
 * rounding of one difference at h. Central, r = 2: 1.70 at order 1 (jacobian-float32.ts,
 * FLOAT32_TABLEAU_GAIN), 1.48 at order 4; one-sided: 5.50 at order 1, 3.68 at order 4.
 *
 * @example
 * ```ts
 * float32TableauGain(true, 1); // ≈ 1.7024
 * float32TableauGain(false, 1); // ≈ 5.50
 * ```
 */
export function float32TableauGain(central: boolean, order: number): number {
  const p = central ? 2 : 1;
  let gain = 1;
  for (let l = 1; l <= GAIN_LEVELS; l++) {
    const r = STEP_RATIO ** (p * l);
    gain *= (r + STEP_RATIO ** -order) / (r - 1);
  }
  return gain;
}

/** The gains of {@link float32TableauGain}, by [central ? 1 : 0][order], orders 0 to MAX_ORDER. */
const GAINS = [false, true].map((c) =>
  Array.from({ length: MAX_ORDER + 1 }, (_, n) => float32TableauGain(c, n)),
);

/**
 * Half the float32 step at |t| (FLOAT32_UNIT_ROUNDOFF·2^e, 2^e ≤ |t| < 2^(e+1)): the most that
 * rounding t to float32 moves it. 0 where t is 0 or not finite.
 *
 * @example
 * ```ts
 * float32HalfStep(30.39); // => 2 ** -20 (2⁻²⁴·16)
 * ```
 */
export function float32HalfStep(t: number): number {
  const a = Math.abs(t);
  if (!(a > 0) || a === Infinity) return 0;
  let e = Math.floor(Math.log2(a));
  if (2 ** e > a) e--;
  return FLOAT32_UNIT_ROUNDOFF * 2 ** e;
}

/**
 * A stencil as base-stencil.ts gives it: offsets and the sum of |weights|.
 *
 * @example
 * ```ts
 * const central: Float32Stencil = { offsets: [-1, 1], weightSum: 1 }; // f′ ≈ (f(x + h) − f(x − h))/2h
 * ```
 */
export interface Float32Stencil {
  offsets: ArrayLike<number>;
  weightSum: number;
}

/**
 * The error to give a derivative of order n (value `value`, error `error`) whose stencil (`st`,
 * central or not) at step h reads f's values already known (`known`): where all of them are float32
 * numbers and most are float32 results (float32.ts, float32Result; one alone can be a double f's value
 * near a root, or exact arithmetic at dyadic points), at least
 * gain·(FLOAT32_UNIT_ROUNDOFF·max|f| + |f′|·(half float32 step at the stencil's reach + |f32(x) − x|))
 * ·Σ|w| / hⁿ, gain from {@link float32TableauGain}; the argument's part only where a point x + o·h
 * rounds to float32 by another amount than x does (else the moves cancel, see the file comment).
 * f′ is bounded by {@link stencilSlope}; `readsDouble` (asked only then) says f is seen to read more of
 * its argument than its float32 rounding ({@link readsDoubleArgument}), and the move is left out.
 * Returns `error` where that is larger, or where the values are not a float32 f's.
 *
 * @example
 * ```ts
 * const f = (t: number) => Math.fround(Math.exp(Math.fround(t)));
 * const st = { offsets: [-1, 1], weightSum: 1 };
 * float32Floor(f, 30.386581420898438, 0.1187, st, true, 1, 1.573e13, 4.7e7); // ≈ 2.4e8
 * float32Floor(Math.exp, 30.386581420898438, 0.1187, st, true, 1, 1.573e13, 4.7e7); // => 4.7e7
 * ```
 */
export function float32Floor(
  known: (t: number) => number,
  x: number,
  h: number,
  st: Float32Stencil,
  central: boolean,
  order: number,
  value: number,
  error: number,
  readsDouble: () => boolean = () => false,
): number {
  const { offsets } = st;
  let size = 0;
  let values = 0;
  let results = 0;
  let reach = 0;
  let moved = false;
  const dx = Math.fround(x) - x;
  for (let q = 0; q < offsets.length; q++) {
    const t = x + offsets[q] * h;
    const v = known(t);
    if (!Number.isFinite(v)) continue;
    if (Math.fround(v) !== v) return error;
    size = Math.max(size, Math.abs(v));
    values++;
    if (float32Result(v)) results++;
    reach = Math.max(reach, Math.abs(t));
    if (Math.fround(t) - t !== dx) moved = true;
  }
  if (!(2 * results > values) || !(h > 0)) return error;
  // (Not where f is seen to read more of its argument than its float32 rounding: readsDoubleArgument.)
  const rounds = moved && !readsDouble();
  const slope = rounds ? stencilSlope(known, x, h, offsets, order === 1 ? Math.abs(value) : 0) : 0;
  const move = Number.isFinite(slope) ? slope * (float32HalfStep(reach) + Math.abs(dx)) : 0;
  const gain = GAINS[central ? 1 : 0][order];
  const floor = (gain * (FLOAT32_UNIT_ROUNDOFF * size + move) * st.weightSum) / h ** order;
  return floor > error ? floor : error;
}

/**
 * A bound on |f′| over the stencil's points: the largest slope between neighbouring points of the
 * stencil and x (those whose values are known), plus the spread of those slopes (f′ at the outer
 * points lies up to about that beyond the slopes between them), and at least `atLeast` (f′ itself at
 * order 1). f32(sin) at −58.07 has f′ = 0.047 but f′(x ± h) = 0.047 ∓ 0.23 at steps of 0.23: its
 * moved points shifted f′ by 2.2e-6 where f′·δ/h gave 1.3e-7.
 *
 * @example
 * ```ts
 * stencilSlope((t) => t * t, 1, 0.5, [-1, 1], 2); // => 3.5 (slopes 1.5 and 2.5, spread 1)
 * ```
 */
export function stencilSlope(
  known: (t: number) => number,
  x: number,
  h: number,
  offsets: ArrayLike<number>,
  atLeast: number,
): number {
  let prevO = NaN;
  let prevV = NaN;
  let most = 0;
  let least = Infinity;
  let largest = -Infinity;
  const step = (o: number): void => {
    const v = known(x + o * h);
    if (!Number.isFinite(v)) return;
    if (Number.isFinite(prevV)) {
      const s = (v - prevV) / ((o - prevO) * h);
      most = Math.max(most, Math.abs(s));
      least = Math.min(least, s);
      largest = Math.max(largest, s);
    }
    prevO = o;
    prevV = v;
  };
  let zero = false;
  for (let q = 0; q < offsets.length; q++) {
    if (!zero && offsets[q] >= 0) {
      zero = true;
      if (offsets[q] !== 0) step(0);
    }
    step(offsets[q]);
  }
  if (!zero) step(0);
  const spread = largest >= least ? largest - least : 0;
  return Math.max(atLeast, most + spread);
}

/**
 * Whether f is seen to use more of its argument than its float32 rounding: two points of `points`
 * that round to the same float32 number where f's values (`values`, alike indexed) differ. A float32 f
 * that rounds its argument (f(t) = g(f32(t))) is constant on each such cell, so this is never true of
 * one; f32(sin t) at 33.3 takes two values within 33.3's float32 step at the noise check's points.
 * {@link float32Floor} then leaves out the argument's move.
 *
 * @example
 * ```ts
 * const t = Float64Array.of(33.3, 33.3 + 1e-7, 40);
 * readsDoubleArgument(t, t.map((u) => Math.fround(Math.sin(u)))); // => true
 * readsDoubleArgument(t, t.map((u) => Math.fround(Math.sin(Math.fround(u))))); // => false
 * ```
 */
export function readsDoubleArgument(points: Float64Array, values: Float64Array): boolean {
  const n = Math.min(points.length, values.length);
  for (let i = 0; i < n; i++) {
    const ci = Math.fround(points[i]);
    for (let j = i + 1; j < n; j++) {
      if (Math.fround(points[j]) === ci && values[j] !== values[i] && values[j] === values[j]) {
        if (values[i] === values[i]) return true;
      }
    }
  }
  return false;
}
