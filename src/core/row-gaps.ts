/**
 * The small Jacobian's row check (small-row-noise.ts, checkRows), each row's change between x − δ and x + δ
 * against its columns', read as derivative()'s noise check reads its gap (noise-check.ts, checkNoise). A
 * miss beyond NOISE_CHECK_SIGNAL times the change's rounding model sends the job to measure its rows' noise.
 * Below that, a miss beyond a quarter of the model is more than correctly rounded values allow
 * (CHECK_EXCESS_SCALE's derivation): F_k's values carry more error than the columns' rounding model
 * F_ROUNDING·EPS·Σ|w·F_k|/h, which sees only F_k, not the larger terms it is the difference of (cos(t) −
 * 0.96693253 + atan(x₃) at t = −0.258: 0.2553590986634648 ± 2.0e-15, 1.7e-14 off, now ± 4.6e-14; atan(x₀) +
 * atan(x₁) at (−24.9, 33454), whose terms nearly cancel), and the entries' carried rounding shares it. So,
 * as derivative() does with its estimate's error, each such row's errors are multiplied by
 * CHECK_EXCESS_SCALE times its miss over the model (no call of F more). derivative() takes a second check
 * where the first miss could be small by chance (NOISE_RECHECK_GAP); here one F's rows would ask for it
 * together, and a third of the honesty scan's smooth small Jacobians took it (sums of two rounded terms), 2
 * calls each, for 2 of its dishonest entries: not taken.
 */

import { CHECK_EXCESS_SCALE, EPS, F_ROUNDING, NOISE_CHECK_SIGNAL } from "./constants.js";
import type { JacobianJob } from "./jacobian-job.js";

/**
 * The relative slack for truncation in the row check (small-row-noise.ts, checkRows): a central difference
 * at δ_j = ROW_NOISE_SPACING·s_j (s_j the smaller scale of x_j, small-row-noise.ts, checkDirection) misses
 * the slope by about (δ_j/s_j)²/6·|f‴|·s_j²/|f′| = 2⁻⁴²/6·|f‴|·s_j²/|f′|; 2⁻³⁶ of Σ_j |J_kj|·δ_j allows an f
 * whose third derivative reaches 384/s_j² times its first (sin(x₀) + atan(x₁) at 0 misses 2 by δ²/2 =
 * 1.1e-13 relative, far above its rounding, EPS-relative at a root). Noise the check is for is far above it:
 * the rounding of terms of size c gives EPS·c/δ, 4.6e-10·c at s_j = 1.
 *
 * @default 1.4551915228366852e-11
 * @example
 * ```ts
 * CHECK_TRUNCATION; // => 1.4551915228366852e-11
 * ```
 */
export const CHECK_TRUNCATION = 2 ** -36;

const along = { change: 0, slack: 0, size: 0 };

/**
 * A row's change along d as its columns give it: change = Σ_j J_kj·d_j, slack = Σ_j e_kj·d_j (the
 * entries' errors) and size = Σ_j |J_kj|·d_j, over the j with d_j ≠ 0 (`value` and `errors`: row k's
 * entries and errors). The object returned is reused by the next call.
 *
 * @example
 * ```ts
 * columnsChange(Float64Array.of(2, 3), Float64Array.of(1e-3, 0), Float64Array.of(0.5, 0)); // => { change: 1, slack: 0.0005, size: 1 }
 * ```
 */
export function columnsChange(
  value: Float64Array,
  errors: Float64Array,
  d: Float64Array,
): { change: number; slack: number; size: number } {
  let change = 0;
  let slack = 0;
  let size = 0;
  for (let j = 0; j < d.length; j++) {
    const dj = d[j];
    if (dj === 0) continue;
    change += value[j] * dj;
    slack += errors[j] * dj;
    size += Math.abs(value[j]) * dj;
  }
  along.change = change;
  along.slack = slack;
  along.size = size;
  return along;
}

/**
 * What {@link rowGaps} returns where some row misses its columns beyond NOISE_CHECK_SIGNAL (a miss
 * within it is 0 or more).
 *
 * @default -1
 * @example
 * ```ts
 * ROW_MISSED; // => -1
 * ```
 */
export const ROW_MISSED = -1;

/**
 * Each row's miss in one check (F_k at values[k] at x − δ, values[m + k] at x + δ, δ = `d`; see the file
 * comment): ROW_MISSED where some row's half difference misses the columns' change ({@link columnsChange})
 * by more than NOISE_CHECK_SIGNAL times its rounding model plus the columns' errors and CHECK_TRUNCATION;
 * else the largest miss beyond those over the model (0 at least), and CHECK_EXCESS_SCALE times row k's in
 * excess[k]. Rows with a non-finite value or entry count for nothing (comparisons false for NaN).
 *
 * @example
 * ```ts
 * import { resolveMultivariate } from "./vector.js";
 * import { jacobianJob } from "./jacobian-job.js";
 * const x0 = Float64Array.of(1);
 * const job = jacobianJob(x0, resolveMultivariate(undefined, x0), [2], true);
 * job.value[0][0] = 2; // F(x) = 2x, and its column says so
 * const excess = new Float64Array(1);
 * rowGaps(job, Float64Array.of(2 ** -21), Float64Array.of(2 - 2 ** -20, 2 + 2 ** -20), excess); // => 0
 * ```
 */
export function rowGaps(
  job: JacobianJob,
  d: Float64Array,
  values: Float64Array,
  excess: Float64Array,
): number {
  const m = job.centre.length;
  const error = job.error as Float64Array[];
  let worst = 0;
  for (let k = 0; k < m; k++) {
    const fm = values[k];
    const fp = values[m + k];
    const { change, slack, size } = columnsChange(job.value[k], error[k], d);
    const gap = Math.abs(0.5 * (fp - fm) - change);
    const rounding = F_ROUNDING * EPS * (0.5 * Math.abs(fp) + 0.5 * Math.abs(fm));
    const allowed = slack + CHECK_TRUNCATION * size;
    if (gap > NOISE_CHECK_SIGNAL * rounding + allowed) return ROW_MISSED;
    const miss = (gap - allowed) / rounding;
    excess[k] = CHECK_EXCESS_SCALE * miss;
    if (miss > worst) worst = miss;
  }
  return worst;
}

/**
 * Each row k with excess[k] > 1 has its entries' errors multiplied by it (see the file comment).
 *
 * @example
 * ```ts
 * import { resolveMultivariate } from "./vector.js";
 * import { jacobianJob } from "./jacobian-job.js";
 * const x0 = Float64Array.of(1);
 * const job = jacobianJob(x0, resolveMultivariate(undefined, x0), [2, 3], true);
 * job.error[0][0] = 0.25;
 * job.error[1][0] = 0.25;
 * scaleRowErrors(job, Float64Array.of(0.5, 3));
 * job.error; // => [Float64Array [0.25], Float64Array [0.75]]
 * ```
 */
export function scaleRowErrors(job: JacobianJob, excess: Float64Array): void {
  const error = job.error as Float64Array[];
  for (let k = 0; k < job.centre.length; k++) {
    const e = excess[k];
    if (!(e > 1)) continue;
    const row = error[k];
    for (let j = 0; j < row.length; j++) row[j] *= e;
  }
}
