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
 * predicted by the polynomial through the k rows after it, and misses it by m_k(j) ≈ c_k·Π(t_j − tᵢ):
 * about (h_j/ρ)² times m_{k−1}(j), where ρ is the distance to f's nearest singularity. The regime test
 * (regime.ts) let these rows in as asymptotic, so h_j < ρ and each order taken shrinks the misfit. A
 * jump J at a distance d < h_j from x adds J/(2h) to every row that straddles it and nothing to the
 * others: no power of t fits it, and the misfit stops shrinking with the order (it tends to J/(2h_j)
 * once the rows fitted are clean) or grows (when they straddle it too). A misfit that grows
 * {@link MISFIT_GROWTH} times with one more order, both above the rounding they carry
 * ({@link MISFIT_SIGNAL}), from order {@link MISFIT_ORDER} on, is such a jump.
 *
 * No work of its own: the tableau (tableau.ts) has the misfits. The polynomials through rows j … i and
 * j + 1 … i differ by C·Π(t − t_a) (a = j + 1 … i), so its entries' difference T[i][k] − T[i][k − 1]
 * (at t = 0) is m_k(j)·Π t_a/Π(t_a − t_j), k = i − j; the row before has m_{k−1}(j) the same way, and
 * the two products differ by the factor (t_j − t_i)/t_i = q, the tableau's own. So the test reads
 * |Δ_k|·q > MISFIT_GROWTH·|Δ_{k−1}| ({@link misfitGrows}) where the tableau forms its entries, and
 * only an entry that passes it holds the misfit to its rounding and computes the level
 * ({@link misfitLevelAt}): the noise in rows j and j + 1
 * (at worst signs) that explains m_k(j), since growth needs a fitted row that straddles a jump too and
 * the next longest straddles it first. The pipeline then treats that level as f's noise
 * (settle-misfit.ts). The driver (driver.ts) and derivative()'s common column (common-column.ts) run it
 * on the rows after the column's last far row.
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
 * The lowest order k the test reads: m_2 against m_1 is the regime test's own ratio of changes, so the
 * rows a column reads first are the longest one fitted by the two and then the three after it (four
 * rows after the column's last far one).
 *
 * @default 3
 * @example
 * ```ts
 * MISFIT_ORDER; // => 3
 * ```
 */
export const MISFIT_ORDER = 3;

/**
 * Whether the tableau's entry of row i at column k ≥ MISFIT_ORDER may show row j = i − k misfitting
 * (see the file comment): `delta` = T[i][k] − T[i][k − 1], `before` = T[i − 1][k − 1] − T[i − 1][k − 2]
 * with the tableau's rounding bound of those two entries `beforeRounding`, q = t_j/t_i − 1. The misfit
 * grew MISFIT_GROWTH times, and the one before stood MISFIT_SIGNAL times above that bound (a loose one:
 * the two entries' rounding mostly cancels in their difference, so only a misfit of the truncation or
 * of a jump passes). Cheap enough for every entry; {@link misfitLevelAt} then holds the new misfit to
 * the rounding it carries.
 *
 * @example
 * ```ts
 * misfitGrows(1e-12, 1e-9, 1e-15, 63); // => false (the misfit shrank: 63e-12 vs 1e-9)
 * misfitGrows(1e-10, 1e-9, 1e-15, 63); // => true (6.3e-9, grown 6.3 times)
 * ```
 */
export function misfitGrows(delta: number, before: number, beforeRounding: number, q: number): boolean {
  const b = Math.abs(before);
  return Math.abs(delta) * q > MISFIT_GROWTH * b && b > MISFIT_SIGNAL * beforeRounding;
}

/**
 * The noise level behind a misfit that grew ({@link misfitGrows}) at tableau row i, column k = i − j,
 * or 0 where it is within MISFIT_SIGNAL times the rounding it carries. `t` holds the tableau's
 * tᵢ = (hᵢ/h₀)² of the rows and h0 the first row's step; the misfit is m = |delta|·Π(t_j/t_a − 1) over
 * a = j + 1 … i; it carries r_j + Σ|L_a|·r_a of the rows' rounding `rounding`, with L_a the weights of
 * the prediction of row j (Lagrange); its level is m over 1/h_j + |L_{j+1}|/h_{j+1}, the noise per unit
 * level of rows j and j + 1 in it.
 *
 * @example
 * ```ts
 * // Halving steps from 0.1, k = 3: m = |Δ|·(3·15·63), L = (21, −84, 64).
 * const t = new Float64Array([1, 1 / 4, 1 / 16, 1 / 64]);
 * const rounding = new Float64Array([1e-16, 2e-16, 4e-16, 8e-16]);
 * misfitLevelAt(t, 0.1, rounding, 0, 3, 1e-12); // => 6.593e-12 ± 1e-15 (2835e-12/(10 + 21·20))
 * misfitLevelAt(t, 0.1, rounding, 0, 3, 1e-18); // => 0 (m = 2.8e-15, within 8 times 8.9e-14)
 * ```
 */
export function misfitLevelAt(
  t: Float64Array,
  h0: number,
  rounding: Float64Array,
  j: number,
  i: number,
  delta: number,
): number {
  const tj = t[j];
  let m = Math.abs(delta);
  let carried = rounding[j];
  let first = NaN;
  for (let a = j + 1; a <= i; a++) {
    const ta = t[a];
    m *= tj / ta - 1;
    let weight = 1;
    for (let b = j + 1; b <= i; b++) {
      if (b !== a) weight *= (tj - t[b]) / (ta - t[b]);
    }
    carried += Math.abs(weight) * rounding[a];
    if (a === j + 1) first = weight;
  }
  if (!(m > MISFIT_SIGNAL * carried)) return 0;
  return m / ((1 / Math.sqrt(tj) + Math.abs(first) / Math.sqrt(t[j + 1])) / h0);
}
