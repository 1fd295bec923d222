/**
 * The fixed-step group loop (fixed-groups.ts) for the batched and async runners. Its points do not
 * depend on F's values, so it runs twice over a {@link DeferredPoints}: first recording every point
 * it asks for (answering with placeholders), then, once a runner has evaluated them all, replaying
 * the same requests with F's values, rescaled as the sync loop's GroupPoints rescales them.
 */

import { PointRequest } from "../sampler.js";
import type { PointWriter } from "./chunks.js";
import { GroupFrame, type GroupSource } from "./group-points.js";

/**
 * A {@link GroupSource} that records (`at` before {@link DeferredPoints.replay}) or answers from the
 * runner's values (after). Replaying asks for exactly the recorded points, in order, or throws.
 *
 * @example
 * ```ts
 * const points = new DeferredPoints(x, lo, hi, mid);
 * fixedGroups({ ...work, points }); // records
 * runner(points.request(m)); // F at each recorded point (points.writePoint), m values each
 * points.replay();
 * fixedGroups({ ...work, points }); // the values
 * ```
 */
export class DeferredPoints extends GroupFrame implements GroupSource, PointWriter {
  private readonly ts: number[] = [];
  private readonly groups: Int32Array[] = [];
  /** Per call of `at`: its point's index in the request, or −1 (refused). */
  private readonly calls: number[] = [];
  private replaying = false;
  private next = 0;
  private readonly req = new PointRequest();

  /** Writes recorded point q, x + t·d (n numbers), at out[at..]. */
  writePoint(q: number, out: Float64Array, at: number): void {
    const { x, direction } = this;
    const t = this.ts[q];
    out.set(x, at);
    for (const j of this.groups[q]) out[at + j] = x[j] + t * direction[j];
  }

  /** The recorded points' t, with room for m values each (written by the runner's chunks). */
  request(m: number): PointRequest {
    const r = this.req;
    r.reserve(this.ts.length, m);
    r.points.set(this.ts);
    r.count = r.evaluated = this.ts.length;
    r.prefix = false;
    return r;
  }

  /** From now on, `at` answers from the request's values. */
  replay(): void {
    this.replaying = true;
    this.next = 0;
  }

  at(t: number): Float64Array | null {
    if (!this.replaying) {
      if (!this.prepare(t)) {
        this.calls.push(-1);
        return null;
      }
      this.calls.push(this.ts.length);
      this.ts.push(t);
      this.groups.push(this.cols.slice(0, this.count));
      return this.mid;
    }
    const q = this.calls[this.next++];
    if (q === undefined || (q >= 0 && this.ts[q] !== t)) {
      throw new Error("internal: the replayed group loop asked for points it had not recorded");
    }
    if (q < 0 || !this.prepare(t)) return null;
    return this.rescale(this.req.values, q * this.mid.length);
  }
}
