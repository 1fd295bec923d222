/**
 * Jumps of f beside x that only the long rows of a central f′ column straddle, read from how those
 * rows fit the short ones: an f computed by an algorithm that stops at a tolerance (fixed-point
 * iteration, adaptive quadrature, a series summed until a term is small) is smooth between the x where
 * its discrete decisions change, and jumps by about the tolerance there. Its smooth pieces' slopes are
 * off the ideal f′ by about the jump over the piece's width, which the column, converging within one
 * piece, cannot see: y = cos(x·y) by fixed-point iteration to 1e-10 at 0.6 gave −0.33230877584 ±
 * 6.7e-13, ok, where f′ = −0.33230877501.
 *
 * Derivation. On a smooth f the central rows are D(hᵢ) = f′ + Σ c_k tᵢᵏ with t = h², so row j is
 * predicted by the polynomial through the k rows after it, P_k, and misses it by m_k(j) = D(h_j) −
 * P_k(t_j) ≈ c_k·Π(t_j − tᵢ): about (h_j/ρ)² times m_{k−1}(j), where ρ is the distance to f's nearest
 * singularity. The regime test (regime.ts) let these rows in as asymptotic, so h_j < ρ and each order
 * taken shrinks the misfit. A jump J at a distance d < h_j from x adds J/(2h) to every row that straddles
 * it and nothing to the others: no power of t fits it, and the misfit stops shrinking with the order
 * (it tends to J/(2h_j) once the rows fitted are clean) or grows (when they straddle it too). A misfit
 * that grows {@link MISFIT_GROWTH} times with one more order, both above the rounding the fit carries
 * ({@link MISFIT_SIGNAL}), is such a jump: f carries value-level noise of about |m|·h_j there, which
 * the pipeline then treats as a noise level (scalar-engine.ts, settleMisfit).
 *
 * Only where the column ran four settled rows or more: most smooth f′ end after four, where the test
 * has one pair (k = 2, 3) at the longest row; solver output whose rows straddle its jumps takes more
 * rows (the jumps slow the tableau's convergence) and gives the test more pairs. No call of f is added.
 */

/**
 * How many times the misfit of a row may grow with one more order of the fit before the rows are no
 * smooth function's. A smooth f in the asymptotic regime shrinks it by about (h/ρ)² < 1 per order; the
 * regime test admits changes shrinking by up to NON_ASYMPTOTIC_RATIO (0.7), and 3000 random smooth
 * bases of the honesty scan (sin, exp, log, √, 1/(1 + t²), …, at |x| up to 1e5) grew it by 0.71 at
 * most. Twice leaves room for one coefficient that vanishes by chance at x.
 *
 * @default 2
 * @example
 * ```ts
 * MISFIT_GROWTH; // => 2
 * ```
 */
export const MISFIT_GROWTH = 2;

/**
 * How many times the rounding of the rows, carried through the fit's weights, a misfit must exceed to
 * count: the rounding model bounds each row's error, and outward extrapolation multiplies it by the
 * sum of the absolute Lagrange weights, which the bound already holds; 8 as the engine's other signal
 * tests (NOISE_SIGNAL).
 *
 * @default 8
 * @example
 * ```ts
 * MISFIT_SIGNAL; // => 8
 * ```
 */
export const MISFIT_SIGNAL = 8;

/**
 * The fewest settled rows the test reads: the longest row fitted by the two and then the three after it.
 *
 * @default 4
 * @example
 * ```ts
 * MISFIT_ROWS; // => 4
 * ```
 */
export const MISFIT_ROWS = 4;

// Scratch for one misfit: the residual, the rounding it carries and the weight of row j + 1.
const OUT = new Float64Array(3);

/**
 * The misfit m_k(j) of row j against the polynomial in t = h² through rows j + 1 … j + k (Lagrange's
 * form), into OUT[0], and the rows' rounding carried through its weights into OUT[1].
 */
function misfit(steps: ArrayLike<number>, d: ArrayLike<number>, rounding: ArrayLike<number>, j: number, k: number): void {
  const t0 = steps[j] * steps[j];
  let predicted = 0;
  let carried = rounding[j];
  for (let a = j + 1; a <= j + k; a++) {
    const ta = steps[a] * steps[a];
    let weight = 1;
    for (let b = j + 1; b <= j + k; b++) {
      if (b === a) continue;
      const tb = steps[b] * steps[b];
      weight *= (t0 - tb) / (ta - tb);
    }
    predicted += weight * d[a];
    carried += Math.abs(weight) * rounding[a];
    if (a === j + 1) OUT[2] = weight;
  }
  OUT[0] = d[j] - predicted;
  OUT[1] = carried;
}

/**
 * The noise level the settled rows `from` … `to − 1` of a central f′ column imply (see the file
 * comment): the smallest |m_k(j)|·h_j over the rows j and orders k whose misfit grew MISFIT_GROWTH
 * times from order k − 1, both above MISFIT_SIGNAL times their rounding; 0 when none did (a smooth f),
 * or when the run has fewer than MISFIT_ROWS rows. `steps`, `d` and `rounding` hold each row's step,
 * central difference and rounding error (the driver's model, noise and grid included).
 *
 * @example
 * ```ts
 * // Rows of a smooth f (D(h) = 1 + h² + h⁴): no level.
 * const h = [0.1, 0.05, 0.025, 0.0125];
 * const d = h.map((s) => 1 + s * s + s ** 4);
 * misfitLevel(h, d, [1e-15, 2e-15, 4e-15, 8e-15], 0, 4); // => 0
 * // The longest row straddles a jump of 1e-9 (adds 1e-9/(2·0.1)) and the next one of 1e-9 the other
 * // way: the misfits grow with the order, a level of about 1e-9.
 * const j = d.map((v, i) => v + (i === 0 ? 5e-9 : i === 1 ? -1e-8 : 0));
 * misfitLevel(h, j, [1e-15, 2e-15, 4e-15, 8e-15], 0, 4) > 0; // => true
 * ```
 */
export function misfitLevel(
  steps: ArrayLike<number>,
  d: ArrayLike<number>,
  rounding: ArrayLike<number>,
  from: number,
  to: number,
): number {
  if (to - from < MISFIT_ROWS) return 0;
  let level = Infinity;
  for (let j = from; j + 3 < to; j++) {
    misfit(steps, d, rounding, j, 2);
    let before = OUT[0];
    let beforeRounding = OUT[1];
    for (let k = 3; j + k < to; k++) {
      misfit(steps, d, rounding, j, k);
      const m = Math.abs(OUT[0]);
      const significant = m > MISFIT_SIGNAL * OUT[1] && Math.abs(before) > MISFIT_SIGNAL * beforeRounding;
      if (significant && m > MISFIT_GROWTH * Math.abs(before)) {
        // The level of noise in rows j and j + 1 alone (at worst signs) that explains the misfit: growth
        // needs a fitted row that straddles a jump too, and the next longest row straddles it first.
        const perLevel = 1 / steps[j] + Math.abs(OUT[2]) / steps[j + 1];
        level = Math.min(level, m / perLevel);
      }
      before = OUT[0];
      beforeRounding = OUT[1];
    }
  }
  return level < Infinity ? level : 0;
}
