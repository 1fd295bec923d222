/**
 * A request of many whole points (detection's probes, the fixed-step points of every group) cut
 * into calls whose block of points stays within BATCH_BLOCK_NUMBERS, as the lockstep pipelines of
 * the dense functions do: at n = 10⁴, 419 points per call.
 */

import { BATCH_BLOCK_NUMBERS } from "../constants.js";
import { PointRequest, type Pipeline } from "../sampler.js";

/**
 * A request that writes its own points (n numbers each) at out[at..].
 *
 * @example
 * ```ts
 * const writer: PointWriter = { writePoint: (q, out, at) => out.set(points[q], at) };
 * ```
 */
export interface PointWriter {
  writePoint(q: number, out: Float64Array, at: number): void;
}

/**
 * The most points of n numbers in one call: ⌊BATCH_BLOCK_NUMBERS / n⌋, at least 1.
 *
 * @example
 * ```ts
 * pointsPerCall(10_000); // => 419
 * ```
 */
export function pointsPerCall(n: number): number {
  return Math.max(1, Math.floor(BATCH_BLOCK_NUMBERS / Math.max(n, 1)));
}

/**
 * Points [from, from + count) of a parent request: its own point q is the parent's point from + q.
 * Its values are its own (`take` reads them) or, for {@link chunkOf} without `take`, a view of the
 * parent's.
 *
 * @example
 * ```ts
 * const c = new ChunkRequest(parent, 419);
 * c.writePoint(0, out, 0); // the parent's point 419
 * ```
 */
export class ChunkRequest extends PointRequest implements PointWriter {
  constructor(
    private readonly parent: PointWriter,
    readonly from: number,
  ) {
    super();
  }

  writePoint(q: number, out: Float64Array, at: number): void {
    this.parent.writePoint(this.from + q, out, at);
  }
}

/**
 * Chunk i (of `size` points) of the `total` points of a parent of m values per point, as a pipeline:
 * with `into` a function, the chunk has its own values, handed to it once they are in (so the
 * points' values are never all held at once); with `into` a request reserved for all the points, the
 * chunk's values are a view of its values.
 *
 * @example
 * ```ts
 * const size = pointsPerCall(n);
 * for (let i = 0; i * size < total; i++) runner(chunkOf(parent, total, m, size, i, take)); // each one call
 * ```
 */
export function* chunkOf(
  parent: PointWriter,
  total: number,
  m: number,
  size: number,
  i: number,
  into: PointRequest | ((chunk: ChunkRequest) => void),
): Pipeline<void> {
  const from = i * size;
  const count = Math.min(total, from + size) - from;
  const c = new ChunkRequest(parent, from);
  if (typeof into === "function") {
    c.reserve(count, m);
    for (let q = 0; q < count; q++) c.points[q] = from + q;
  } else {
    c.points = into.points.subarray(from, from + count);
    c.values = into.values.subarray(from * m, (from + count) * m);
    [c.width, c.arrays] = [m, true];
  }
  [c.count, c.evaluated, c.prefix] = [count, count, false];
  yield c;
  if (typeof into === "function") into(c);
}
