/**
 * Options of the async functions: the sync ones plus `concurrency` and `signal`.
 */

import { ASYNC_CONCURRENCY } from "../constants.js";
import { invalid } from "../errors.js";

/**
 * What the async functions add to the sync options.
 *
 * @example
 * ```ts
 * const controller = new AbortController();
 * const o: AsyncOptions = { concurrency: 4, signal: controller.signal };
 * ```
 */
export interface AsyncOptions {
  /**
   * The most calls of f in flight at once: a positive integer, default {@link ASYNC_CONCURRENCY}
   * (1 with `batch: true`: a round is then split into this many batches evaluated at once).
   */
  concurrency?: number;
  /** Aborts the computation: the Promise rejects with the signal's reason and f is not called again. */
  signal?: AbortSignal;
}

/**
 * Validated async options.
 *
 * @example
 * ```ts
 * asyncOptions({ concurrency: 2 }, false); // { concurrency: 2, signal: undefined }
 * asyncOptions({ concurrency: 0 }, false); // throws NumdiffError [INVALID_OPTION]
 * ```
 */
export function asyncOptions(
  o: AsyncOptions | undefined,
  batch: boolean,
): { concurrency: number; signal: AbortSignal | undefined } {
  const concurrency = o?.concurrency ?? (batch ? 1 : ASYNC_CONCURRENCY);
  if (!(typeof concurrency === "number" && Number.isInteger(concurrency) && concurrency >= 1)) {
    throw invalid("INVALID_OPTION", "concurrency", "a positive integer", concurrency);
  }
  const signal = o?.signal;
  if (signal !== undefined && !(typeof signal === "object" && signal !== null && "aborted" in signal)) {
    throw invalid("INVALID_OPTION", "signal", "an AbortSignal", signal);
  }
  return { concurrency, signal };
}
