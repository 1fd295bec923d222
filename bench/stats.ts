/**
 * Small statistics helpers for the benchmarks.
 */

/**
 * The median of the numbers (mean of the two middle ones for an even count); NaN for none. NaN entries
 * are dropped; ±Infinity count as the largest/smallest values. The input is not changed.
 *
 * @example
 * ```ts
 * median([3, 1, 2]); // 2
 * median([1, 2, 3, Infinity]); // 2.5
 * median([]); // NaN
 * ```
 */
export function median(values: readonly number[]): number {
  const sorted = values.filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
  const n = sorted.length;
  if (n === 0) return NaN;
  const mid = n >> 1;
  return n % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
