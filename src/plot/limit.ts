/**
 * The value a function tends to at a point where it is not finite itself: sin(x)/x at 0 tends to 1.
 * The tangent figure draws the hole there, and the command and the explorer differentiate the
 * filled-in function (a central difference never evaluates f at x itself).
 */
import type { Fn1 } from "numdiff";

/**
 * Distances from x at which f is sampled on both sides, relative to max(|x|, 1): three decades
 * apart, from 1e-4 (where a smooth f is still close to its limit, to about 1e-8 relatively) to 1e-8
 * (still far above rounding: x ± 1e-8 differ from x in 8 digits).
 *
 * @example
 * ```ts
 * LIMIT_OFFSETS; // [1e-4, 1e-6, 1e-8]
 * ```
 */
export const LIMIT_OFFSETS: readonly number[] = Object.freeze([1e-4, 1e-6, 1e-8]);

/**
 * Relative agreement asked of the samples: the two sides at the nearest offset, and the midpoints at
 * the two nearest offsets, must agree to this times 1 + |limit|. A jump (sign(x)), a pole (1/x) or an
 * oscillation (sin(1/x)) fails it by orders of magnitude; a removable singularity meets it with room
 * (sin(x)/x: 1e-16 at 1e-8).
 *
 * @default 1e-6
 * @example
 * ```ts
 * LIMIT_TOLERANCE; // 0.000001
 * ```
 */
export const LIMIT_TOLERANCE = 1e-6;

/**
 * The limit of f at x when f(x) itself is not finite but f tends to one value from both sides
 * (a removable singularity); null when f(x) is finite, or when there is no such limit.
 *
 * @example
 * ```ts
 * removableLimit((x) => Math.sin(x) / x, 0); // 1
 * removableLimit((x) => 1 / x, 0); // null (a pole)
 * removableLimit(Math.sin, 1); // null (f(1) is finite: nothing to fill in)
 * ```
 */
export function removableLimit(f: Fn1, x: number): number | null {
  if (Number.isFinite(f(x))) return null;
  const scale = Math.max(Math.abs(x), 1);
  const mids: number[] = [];
  let gap = Infinity;
  for (const offset of LIMIT_OFFSETS) {
    const a = f(x - offset * scale);
    const b = f(x + offset * scale);
    if (!(Number.isFinite(a) && Number.isFinite(b))) return null;
    mids.push(a / 2 + b / 2);
    gap = Math.abs(b - a);
  }
  const limit = mids[mids.length - 1];
  const drift = Math.abs(limit - mids[mids.length - 2]);
  const tol = LIMIT_TOLERANCE * (1 + Math.abs(limit));
  return gap <= tol && drift <= tol ? limit : null;
}
