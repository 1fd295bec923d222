/**
 * The async loop over rounds (rounds.ts): each round's points go to f with at most `concurrency`
 * calls in flight (or, batched, as at most `concurrency` batches), and the pipelines resume when all
 * are back. An AbortSignal rejects at once with its reason and stops further calls.
 */

import { roundBlock, scatterValues, writeVector, type PointSpace } from "../batch.js";
import type { Round } from "../rounds.js";
import { checkNumber, type PointRequest } from "../sampler.js";

/**
 * f of one point: a scalar t, or a fresh copy of x0 with x_i = t.
 *
 * @example
 * ```ts
 * const call: PointCall = (_task, t) => Promise.resolve(Math.sin(t));
 * ```
 */
export type PointCall = (task: number, t: number) => unknown;

/**
 * Runs every round of `rounds` through `evaluate`, in order.
 *
 * @example
 * ```ts
 * await runRounds(roundsOf(n, make, 64, results), (round) => evaluateEach(round, call, 8, undefined));
 * ```
 */
export async function runRounds(
  rounds: Generator<Round, void, void>,
  evaluate: (round: Round) => Promise<void>,
  signal: AbortSignal | undefined,
): Promise<void> {
  signal?.throwIfAborted();
  for (const round of rounds) await whileNotAborted(evaluate(round), signal);
}

/** The promise, or a rejection with the signal's reason as soon as it aborts. */
function whileNotAborted<T>(p: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (signal === undefined) return p;
  signal.throwIfAborted();
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    p.then(
      (v) => {
        signal.removeEventListener("abort", onAbort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(e);
      },
    );
  });
}

/**
 * Evaluates a round point by point with at most `limit` calls of f in flight; after the first error
 * or an abort no further call starts.
 *
 * @example
 * ```ts
 * await evaluateEach(round, (_task, t) => Promise.resolve(Math.sin(t)), 8, undefined);
 * ```
 */
export async function evaluateEach(
  round: Round,
  call: PointCall,
  limit: number,
  signal: AbortSignal | undefined,
): Promise<void> {
  const jobs: [PointRequest, number, number][] = [];
  round.requests.forEach((r, a) => {
    for (let j = 0; j < r.count; j++) jobs.push([r, j, round.tasks[a]]);
  });
  let next = 0;
  let failed = false;
  const worker = async (): Promise<void> => {
    while (next < jobs.length && !failed) {
      const [r, j, task] = jobs[next++];
      if (signal?.aborted === true) {
        failed = true;
        throw signal.reason;
      }
      try {
        const t = r.points[j];
        const v = await call(task, t);
        if (r.width === 1) r.values[j] = checkNumber(v, t);
        else writeVector(r, j, v, "F");
      } catch (e) {
        failed = true;
        throw e;
      }
    }
  };
  const workers: Promise<void>[] = [];
  for (let w = 0; w < Math.min(limit, jobs.length); w++) workers.push(worker());
  await Promise.all(workers);
  for (const r of round.requests) r.evaluated = r.count;
}

/**
 * Evaluates a round with a batched f: one call, or up to `limit` calls on parts of the round (whole
 * requests, near-equal numbers of points) in flight at once.
 *
 * @example
 * ```ts
 * await evaluateBatches(round, async (t) => t.map(Math.sin), { x0: null, coordinate: () => -1 }, 1);
 * ```
 */
export async function evaluateBatches(
  round: Round,
  f: (points: Float64Array) => unknown,
  space: PointSpace,
  limit: number,
): Promise<void> {
  const parts = splitRound(round, limit);
  await Promise.all(parts.map(async (part) => scatterValues(part, await f(roundBlock(part, space)))));
}

/** A round cut into at most `parts` rounds of whole requests with near-equal numbers of points. */
function splitRound(round: Round, parts: number): Round[] {
  if (parts <= 1 || round.requests.length <= 1) return [round];
  let total = 0;
  for (const r of round.requests) total += r.count;
  const target = total / Math.min(parts, round.requests.length);
  const out: Round[] = [];
  let cur: Round = { requests: [], tasks: [] };
  let size = 0;
  round.requests.forEach((r, a) => {
    cur.requests.push(r);
    cur.tasks.push(round.tasks[a]);
    size += r.count;
    if (size >= target && out.length < parts - 1) {
      out.push(cur);
      cur = { requests: [], tasks: [] };
      size = 0;
    }
  });
  if (cur.requests.length > 0) out.push(cur);
  return out;
}
