/**
 * Many pipelines in lockstep: every round gathers the points that all live pipelines need next (one
 * stencil row, a noise table, f at x), so a batched f sees them in one call and an async f gets them
 * all in flight at once. Written as a generator of rounds, so that the sync batched loop and the async
 * loop share it: the runner evaluates each round it is given, however it likes.
 */

import type { Pipeline, PointRequest } from "./sampler.js";

/**
 * One round: the requests of the live pipelines, and which task each belongs to.
 *
 * @example
 * ```ts
 * const round: Round = { requests: [], tasks: [] };
 * ```
 */
export interface Round {
  readonly requests: PointRequest[];
  readonly tasks: number[];
}

/**
 * Runs `count` pipelines made by `make(i)`, at most `inFlight` at a time (a finished one makes room
 * for the next), yielding one {@link Round} per step; result i goes to `results[i]`, and `onDone(i)`
 * is called as soon as pipeline i has finished (so progress is reported after each round).
 *
 * @example
 * ```ts
 * const results: number[] = [];
 * for (const round of roundsOf(2, (i) => pipelineOf(i), 64, results)) evaluate(round);
 * ```
 */
export function* roundsOf<R>(
  count: number,
  make: (i: number) => Pipeline<R>,
  inFlight: number,
  results: R[],
  onDone?: (i: number) => void,
): Generator<Round, void, void> {
  let live: { i: number; p: Pipeline<R> }[] = [];
  let next = 0;
  const requests: PointRequest[] = [];
  const tasks: number[] = [];
  const step = (i: number, p: Pipeline<R>): void => {
    const r = p.next();
    if (r.done === true) {
      results[i] = r.value;
      onDone?.(i);
    } else {
      live.push({ i, p });
      requests.push(r.value);
      tasks.push(i);
    }
  };
  while (true) {
    while (live.length < inFlight && next < count) {
      const i = next++;
      step(i, make(i));
    }
    if (live.length === 0) return;
    yield { requests: requests.slice(), tasks: tasks.slice() };
    const now = live;
    live = [];
    requests.length = 0;
    tasks.length = 0;
    for (const { i, p } of now) step(i, p);
  }
}

/**
 * The number of points of a round.
 *
 * @example
 * ```ts
 * roundSize({ requests: [], tasks: [] }); // 0
 * ```
 */
export function roundSize(round: Round): number {
  let total = 0;
  for (const r of round.requests) total += r.count;
  return total;
}
