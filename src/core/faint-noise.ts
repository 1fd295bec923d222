/**
 * Noise in a Jacobian column's rows too faint for the noise rules (even-noise.ts, noiseRules: σ above
 * NOISE_SIGNAL·F_ROUNDING·EPS·|f|, 16 units of EPS·|f|), yet beyond what rounding can put in the rows'
 * even parts. Rounding moves each even part by at most EPS/2·|f| and σ by at most EVEN_ROUNDING_REACH·
 * EPS·|f| (through Σ|α|/√(Σα²/2) ≤ 2.2, even-noise.ts, EVEN_DROP_SIGNAL); the noise the row tables
 * carry per value (`level`, row-noise.ts, and the values' grid) is in the rounding model already. A σ beyond
 * FAINT_SIGNAL times that reach, which shrank no faster than like h since the row before (even-noise.ts,
 * shrankLikeNoise: truncation shrinks it like h⁴), is noise of F itself: relative noise in a term that
 * vanishes at x beside terms that do not (tanh t·(1 + 6e-13·noise) + atan(−1.06) at 0: σ 16 times
 * EPS·|f|, just under the rule's signal, gave 1 ± 1.6e-13 for an error of 4.8e-13), or the rounding of
 * terms far larger than F (eᵗ − 0.99999998 + atan(0.064) at 0: eᵗ's rounding, 8 units of EPS·|f|, gave
 * 1 ± 1.2e-14 for 2.7e-14). Its σ/h per central first difference is then a floor under the entry's
 * error, as derivative() puts the quiet share (quiet-noise.ts): the column's `quietShare`.
 */

import { ALIAS_STEP, EPS } from "./constants.js";
import { EVEN_NOISE_SMALL, shrankLikeNoise } from "./even-noise.js";

/**
 * How far noise of a given size per value can move a row's σ, in units of that size: Σ|α|/√(Σα²/2)
 * for steps that halve, 30/16 over 0.859, rounded up (even-noise.ts, evenNoise). Rounding, EPS/2·|f|
 * per value, moves σ by at most half of it in units of EPS·|f|: EVEN_ROUNDING_REACH.
 *
 * @default 2.2
 * @example
 * ```ts
 * EVEN_LEVEL_REACH; // => 2.2
 * ```
 */
export const EVEN_LEVEL_REACH = 2.2;

/**
 * How far rounding alone can move a row's σ, in units of EPS·|f|: EVEN_LEVEL_REACH/2 (see the file
 * comment and even-noise.ts, EVEN_DROP_SIGNAL).
 *
 * @default 1.1
 * @example
 * ```ts
 * EVEN_ROUNDING_REACH; // => 1.1
 * ```
 */
export const EVEN_ROUNDING_REACH = EVEN_LEVEL_REACH / 2;

/**
 * How far beyond its reach a σ must be to count as faint noise: 2, so rounding (and the noise the
 * rounding model carries) at its worst is half of it.
 *
 * @default 2
 * @example
 * ```ts
 * FAINT_SIGNAL; // => 2
 * ```
 */
export const FAINT_SIGNAL = 2;

/**
 * Whether a settled row's σ at step h is faint noise (see the file comment): beyond FAINT_SIGNAL times
 * the reach of rounding over `size` (the row's mean |f|) and of `level` (the noise per value the rows'
 * rounding model carries: the row tables' and the values' grid), at most EVEN_NOISE_SMALL·`size` (a
 * larger σ is a smooth part not yet resolved: pre-asymptotic rows' even parts shrink at any rate), and
 * shrunk no faster than like h since `previous` at `previousStep` (from steps no longer than ALIAS_STEP).
 *
 * @example
 * ```ts
 * faintNoise(2.8e-15, 7e-15, 0.0039, 0.0078, 0.81, 0, true); // => true
 * faintNoise(2.8e-16, 7e-16, 0.0039, 0.0078, 0.81, 0, true); // => false (within rounding's reach)
 * faintNoise(2.8e-15, 7e-14, 0.0039, 0.0078, 0.81, 0, true); // => false (shrank like truncation)
 * faintNoise(2.8e-15, 7e-15, 0.0039, 0.0078, 0.81, 1e-15, true); // => false (the tables' noise)
 * ```
 */
export function faintNoise(
  sigma: number,
  previous: number,
  h: number,
  previousStep: number,
  size: number,
  level: number,
  settled: boolean,
): boolean {
  const reach = EVEN_ROUNDING_REACH * EPS * size + EVEN_LEVEL_REACH * level;
  return (
    settled &&
    sigma > FAINT_SIGNAL * reach &&
    sigma <= EVEN_NOISE_SMALL * size &&
    shrankLikeNoise(sigma, previous, h, previousStep)
  );
}

/**
 * The fall of σ per halving of the step below which the row before's σ was noise (see
 * {@link faintDrop}): half of (1/2)⁶, the h⁶ law. Truncation shrinks σ like h⁴ (1/16), and like h⁶ where
 * f's fourth derivative vanishes at x (atan at 1: σ fell 64 times per row, which the h⁴ law's drop test,
 * even-noise.ts, droppedBelowLaw, takes for noise); noise relative to a term that vanishes at x can
 * fall by any factor by chance.
 *
 * @default 0.0078125
 * @example
 * ```ts
 * FAINT_DROP; // => 0.0078125
 * ```
 */
export const FAINT_DROP = 2 ** -7;

/**
 * Whether the σ `previous` of the row before (at larger `previousStep`) was noise: beyond FAINT_SIGNAL
 * times the reach of rounding and of `level` (as {@link faintNoise}), at most EVEN_NOISE_SMALL·`size`,
 * and the newest σ at step h fell below FAINT_DROP·(2h/h′)⁶ of it, from steps no longer than
 * ALIAS_STEP (tanh t·(1 + 9.3e-12·noise) + atan(−0.98) at 0: σ fell 166 times, and the entry gave
 * 1 + 2.9e-12 ± 1.5e-13, ok). Not to a σ of 0: the newest rows' values lie on their grid, a smooth
 * row's that hardly moves (tanh t + atan(3.5) at 14.1, its σ 4e-15 from steps of 0.11, pre-asymptotic,
 * then 0).
 *
 * @example
 * ```ts
 * faintDrop(3.9e-16, 6.5e-14, 0.0039, 0.0078, 0.77, 0); // => true (σ fell 166 times)
 * faintDrop(1e-15, 6.5e-14, 0.0039, 0.0078, 0.77, 0); // => false (65 times: the h⁶ law)
 * faintDrop(0, 4.3e-15, 0.055, 0.11, 2.29, 0); // => false (σ 0: values on their grid)
 * ```
 */
export function faintDrop(
  sigma: number,
  previous: number,
  h: number,
  previousStep: number,
  size: number,
  level: number,
): boolean {
  const reach = EVEN_ROUNDING_REACH * EPS * size + EVEN_LEVEL_REACH * level;
  return (
    h <= ALIAS_STEP &&
    sigma > 0 &&
    previous > FAINT_SIGNAL * reach &&
    previous <= EVEN_NOISE_SMALL * size &&
    belowHalfSixthLaw(sigma, previous, h, previousStep)
  );
}

/**
 * Whether σ at step h fell below FAINT_DROP·(2h/h′)⁶ of the σ `previous` at `previousStep`: below half
 * the h⁶ law per halving, faster than truncation falls even where f⁗ vanishes at x (see
 * {@link FAINT_DROP}). Shared by {@link faintDrop} and quiet-noise.ts's belowSixthLaw.
 *
 * @example
 * ```ts
 * belowHalfSixthLaw(3.9e-16, 6.5e-14, 0.0039, 0.0078); // => true (σ fell 166 times)
 * belowHalfSixthLaw(1e-15, 6.5e-14, 0.0039, 0.0078); // => false (65 times: the h⁶ law)
 * ```
 */
export function belowHalfSixthLaw(sigma: number, previous: number, h: number, previousStep: number): boolean {
  return sigma < FAINT_DROP * ((2 * h) / previousStep) ** 6 * previous;
}
