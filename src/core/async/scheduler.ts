/**
 * The async runner of pipelines (sampler.ts): every pipeline advances as soon as the values of its
 * own request are back, not when a whole round is (rounds.ts is the lockstep of the sync batched
 * loop). Free evaluation slots take the points waiting at that moment, instead of idling until a
 * whole round is back.
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
    const run = new Run(count, make, inFlight, results, ev, signal, onDone, resolve, reject);
    if (signal?.aborted === true) return run.finish(signal.reason, false);
    signal?.addEventListener("abort", run.onAbort, { once: true });
    run.pump();
  });
}

/** The state of one {@link runPipelines}. */
class Run<R> {
  private readonly waiting: Live<R>[] = [];
  private head = 0; // waiting[head..] have points not yet sent
  private unsent = 0;
  private started = 0;
  private live = 0;
  private calls = 0;
  private evaluated = 0;
  private over = false;

  constructor(
    private readonly count: number,
    private readonly make: (i: number) => Pipeline<R>,
    private readonly inFlight: number,
    private readonly results: R[],
    private readonly ev: Evaluator,
    private readonly signal: AbortSignal | undefined,
    private readonly onDone: ((i: number) => void) | undefined,
    private readonly resolve: (evaluated: number) => void,
    private readonly reject: (e: unknown) => void,
  ) {}

  readonly onAbort = (): void => this.finish((this.signal as AbortSignal).reason, false);

  /** Settles the run once: with the points evaluated, or with an error. */
  finish(error: unknown, ok: boolean): void {
    if (this.over) return;
    this.over = true;
    this.signal?.removeEventListener("abort", this.onAbort);
    if (ok) this.resolve(this.evaluated);
    else this.reject(error);
  }

  /** Starts pipelines while there is room, sends calls while there are free slots, ends when all are done. */
  pump(): void {
    try {
      while (this.live < this.inFlight && this.started < this.count && !this.over) {
        const i = this.started++;
        this.live++;
        this.advance(i, this.make(i), null);
      }
      while (this.calls < this.ev.concurrency && this.unsent > 0 && !this.over) {
        if (this.signal?.aborted === true) return this.finish(this.signal.reason, false);
        this.send();
      }
      if (this.live === 0 && this.calls === 0 && this.started === this.count) this.finish(undefined, true);
    } catch (e) {
      this.finish(e, false);
    }
  }

  /** Steps pipeline i until it asks for points (then they wait to be sent) or ends. */
  private advance(i: number, p: Pipeline<R>, l: Live<R> | null): void {
    for (;;) {
      const s = p.next();
      if (s.done === true) {
        this.results[i] = s.value;
        this.live--;
        this.onDone?.(i);
        return;
      }
      const r = s.value;
      if (r.count === 0) continue;
      r.evaluated = r.count;
      if (l === null) l = { i, p, r, next: 0, left: r.count };
      else [l.r, l.next, l.left] = [r, 0, r.count];
      this.waiting.push(l);
      this.unsent += r.count;
      return;
    }
  }

  /** One call with its share of the waiting points. */
  private send(): void {
    const { slices, owners } = this.take();
    this.calls++;
    this.ev.evaluate(slices).then(
      () => this.returned(slices, owners),
      (e: unknown) => {
        this.calls--;
        this.finish(e, false);
      },
    );
  }

  /** The next call's share of the waiting points, as slices: one point, or waiting over free slots. */
  private take(): { slices: Slice[]; owners: Live<R>[] } {
    const waiting = this.waiting;
    let want = this.ev.batched ? Math.ceil(this.unsent / (this.ev.concurrency - this.calls)) : 1;
    const slices: Slice[] = [];
    const owners: Live<R>[] = [];
    while (want > 0 && this.head < waiting.length) {
      const l = waiting[this.head];
      const k = Math.min(want, l.r.count - l.next);
      slices.push({ request: l.r, task: l.i, from: l.next, to: l.next + k });
      owners.push(l);
      l.next += k;
      want -= k;
      this.unsent -= k;
      if (l.next === l.r.count) this.head++;
    }
    if (this.head > 1024 && this.head * 2 > waiting.length) {
      waiting.splice(0, this.head);
      this.head = 0;
    }
    return { slices, owners };
  }

  /** A call's values are in: pipelines whose request is complete go on. */
  private returned(slices: Slice[], owners: Live<R>[]): void {
    this.calls--;
    if (this.over) return;
    try {
      for (let a = 0; a < slices.length; a++) {
        const n = slices[a].to - slices[a].from;
        this.evaluated += n;
        const l = owners[a];
        if ((l.left -= n) === 0) this.advance(l.i, l.p, l);
      }
    } catch (e) {
      return this.finish(e, false);
    }
    this.pump();
  }
}
