/**
 * The async runner of pipelines (sampler.ts): every pipeline advances as soon as the values of its
 * own request are back, not when a whole round is (rounds.ts is the lockstep of the sync batched
 * loop). Free evaluation slots take the waiting points at once, so with a slow f (worker threads, a
 * service) no slot idles while another finishes the last points of a round.
 *
 * Each pipeline sees exactly the values its points have, whatever the order they come back in, so
 * the results are those of the sync loop bit for bit.
 */

import type { Slice } from "../batch.js";
import type { Pipeline, PointRequest } from "../sampler.js";

/**
 * How the points of waiting requests are evaluated.
 *
 * @example
 * ```ts
 * const ev: Evaluator = { batched: false, concurrency: 8, evaluate: async (slices) => { ... } };
 * ```
 */
export interface Evaluator {
  /**
   * false: one point per call (per-point f). true: a call takes its share of the waiting points,
   * (waiting points) / (free slots), rounded up.
   */
  readonly batched: boolean;
  /** Calls in flight at most. */
  readonly concurrency: number;
  /** Evaluates the slices' points into their requests' values (rejects on an error of f). */
  evaluate(slices: Slice[]): Promise<void>;
}

/** A live pipeline and its current request: `next` is its first point not yet sent, `left` the points not back. */
interface Live<R> {
  readonly i: number;
  readonly p: Pipeline<R>;
  r: PointRequest;
  next: number;
  left: number;
}

/**
 * Runs `count` pipelines made by `make(i)`, at most `inFlight` alive at once, their points evaluated
 * by `ev`; result i goes to `results[i]` and `onDone(i)` is called as pipeline i finishes. Resolves
 * with the number of points evaluated. Rejects with the first error (of f, or of a check), or with
 * the signal's reason as soon as it aborts; after either no further call of f starts.
 *
 * @example
 * ```ts
 * const results: DerivativeResult[] = [];
 * await runPipelines(n, make, 256, results, perPoint(f, space, "f", 8), undefined);
 * ```
 */
export function runPipelines<R>(
  count: number,
  make: (i: number) => Pipeline<R>,
  inFlight: number,
  results: R[],
  ev: Evaluator,
  signal: AbortSignal | undefined,
  onDone?: (i: number) => void,
): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    const waiting: Live<R>[] = [];
    let head = 0; // waiting[head..] have points not yet sent
    let unsent = 0;
    let started = 0;
    let live = 0;
    let calls = 0;
    let evaluated = 0;
    let over = false;
    const finish = (error: unknown, ok: boolean): void => {
      if (over) return;
      over = true;
      signal?.removeEventListener("abort", onAbort);
      if (ok) resolve(evaluated);
      else reject(error);
    };
    const onAbort = (): void => finish((signal as AbortSignal).reason, false);

    /** Steps pipeline i until it asks for points or ends. */
    const advance = (i: number, p: Pipeline<R>, l: Live<R> | null): void => {
      for (;;) {
        const s = p.next();
        if (s.done === true) {
          results[i] = s.value;
          live--;
          onDone?.(i);
          return;
        }
        const r = s.value;
        if (r.count === 0) continue;
        r.evaluated = r.count;
        if (l === null) l = { i, p, r, next: 0, left: r.count };
        else [l.r, l.next, l.left] = [r, 0, r.count];
        waiting.push(l);
        unsent += r.count;
        return;
      }
    };

    /** The next call's share of the waiting points, as slices. */
    const take = (): { slices: Slice[]; owners: Live<R>[] } => {
      let want = ev.batched ? Math.ceil(unsent / (ev.concurrency - calls)) : 1;
      const slices: Slice[] = [];
      const owners: Live<R>[] = [];
      while (want > 0 && head < waiting.length) {
        const l = waiting[head];
        const k = Math.min(want, l.r.count - l.next);
        slices.push({ request: l.r, task: l.i, from: l.next, to: l.next + k });
        owners.push(l);
        l.next += k;
        want -= k;
        unsent -= k;
        if (l.next === l.r.count) head++;
      }
      if (head > 1024 && head * 2 > waiting.length) {
        waiting.splice(0, head);
        head = 0;
      }
      return { slices, owners };
    };

    const returned = (slices: Slice[], owners: Live<R>[]): void => {
      calls--;
      if (over) return;
      try {
        for (let a = 0; a < slices.length; a++) {
          const n = slices[a].to - slices[a].from;
          evaluated += n;
          const l = owners[a];
          if ((l.left -= n) === 0) advance(l.i, l.p, l);
        }
        pump();
      } catch (e) {
        finish(e, false);
      }
    };

    const pump = (): void => {
      while (live < inFlight && started < count && !over) {
        const i = started++;
        live++;
        advance(i, make(i), null);
      }
      while (calls < ev.concurrency && unsent > 0 && !over) {
        if (signal?.aborted === true) return finish(signal.reason, false);
        const { slices, owners } = take();
        calls++;
        ev.evaluate(slices).then(
          () => returned(slices, owners),
          (e: unknown) => {
            calls--;
            finish(e, false);
          },
        );
      }
      if (live === 0 && calls === 0 && started === count) finish(undefined, true);
    };

    if (signal?.aborted === true) return finish(signal.reason, false);
    signal?.addEventListener("abort", onAbort, { once: true });
    try {
      pump();
    } catch (e) {
      finish(e, false);
    }
  });
}
