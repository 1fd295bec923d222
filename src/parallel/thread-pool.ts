/**
 * Evaluation of f in worker threads on one machine (Node only), with piscina: f lives in a module
 * that each thread imports. The pool gives an async f, per point or batched, for `numdiff/async`:
 *
 * ```ts
 * const pool = threadPool(new URL("./model.js", import.meta.url), { dimension: 200 });
 * const g = await gradient(pool.batch, x, { batch: true, concurrency: pool.concurrency });
 * await pool.close();
 * ```
 */

import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Piscina } from "piscina";
import { NumdiffError, invalid } from "numdiff";
import { describePoint, moduleUrl, type WorkerReply, type WorkerTask } from "./worker.js";

/**
 * Options of {@link threadPool}.
 *
 * @example
 * ```ts
 * const o: ThreadPoolOptions = { threads: 2, dimension: 3, exportName: "f" };
 * ```
 */
export interface ThreadPoolOptions {
  /** Worker threads; default the machine's available parallelism. */
  threads?: number;
  /** The module's export to call; default `"default"`. */
  exportName?: string;
  /** Numbers per point: omit (or 0) for f of one number, n for f of a Float64Array of n. */
  dimension?: number;
}

/**
 * Tasks to keep in flight per thread (the pool's `concurrency`): with two, a thread that finishes a
 * task starts the next one queued at once, while the main thread hands the values back to the
 * pipelines and sends it the next task; with one, it would idle for that round trip, and at the end
 * of every run of points one thread would wait for the other's last task.
 *
 * @default 2
 * @example
 * ```ts
 * TASKS_PER_THREAD; // 2
 * ```
 */
export const TASKS_PER_THREAD = 2;

/**
 * An error of f in a worker thread, with the point where it happened.
 *
 * @example
 * ```ts
 * try { await pool.batch(points); } catch (e) { if (e instanceof WorkerError) e.point; }
 * ```
 */
export class WorkerError extends Error {
  constructor(
    message: string,
    /** The point at which f failed (a one-number point for f of a number). */
    readonly point: number[],
  ) {
    super(message);
    this.name = "WorkerError";
  }
}

/**
 * A pool of worker threads running f.
 *
 * @example
 * ```ts
 * const pool = threadPool("/abs/path/f.mjs");
 * await pool.f(1); // f(1), computed in a worker
 * await pool.close();
 * ```
 */
export interface ThreadPool {
  /** f at one point (a number, or a Float64Array of `dimension` numbers), in a worker. */
  f(x: number | Float64Array): Promise<number | Float64Array>;
  /** f at every point of a block (row-major for `dimension` > 0), in one worker: m values per point. */
  batch(points: Float64Array): Promise<Float64Array>;
  /** How many worker threads the pool runs. */
  readonly threads: number;
  /** Calls to keep in flight, the `concurrency` to give numdiff/async: threads × {@link TASKS_PER_THREAD}. */
  readonly concurrency: number;
  /** Stops the threads once their work is done. */
  close(): Promise<void>;
}

/** The worker module: the .js beside this file once built, the .ts under tsx (loaded through tsx). */
const WORKER = new URL(import.meta.url.endsWith(".ts") ? "./worker.ts" : "./worker.js", import.meta.url);

/**
 * Starts a pool of worker threads that evaluate the function exported by `module` (a path or file
 * URL of an ES module).
 *
 * @example
 * ```ts
 * import { gradient } from "numdiff/async";
 * const pool = threadPool(new URL("./model.mjs", import.meta.url), { dimension: 200, threads: 2 });
 * const g = await gradient(pool.batch, x, { batch: true, concurrency: pool.concurrency });
 * await pool.close();
 * ```
 */
export function threadPool(module: string | URL, options: ThreadPoolOptions = {}): ThreadPool {
  const threads = options.threads ?? availableParallelism();
  if (!(Number.isInteger(threads) && threads >= 1))
    throw invalid("INVALID_OPTION", "threads", "a positive integer", threads);
  const dimension = options.dimension ?? 0;
  if (!(Number.isInteger(dimension) && dimension >= 0)) {
    throw invalid("INVALID_OPTION", "dimension", "a non-negative integer", dimension);
  }
  const url = moduleUrl(module);
  const name = options.exportName ?? "default";
  const pool = new Piscina({
    filename: fileURLToPath(WORKER),
    minThreads: threads,
    maxThreads: threads,
    execArgv: WORKER.pathname.endsWith(".ts") ? ["--import", "tsx"] : [],
  });
  const run = async (points: Float64Array): Promise<{ values: Float64Array; width: number }> => {
    const task: WorkerTask = { module: url, name, dimension, points };
    const reply = (await pool.run(task)) as WorkerReply;
    if ("error" in reply) {
      if (reply.point.length === 0)
        throw new NumdiffError("INVALID_FUNCTION", "module", `invalid module; ${reply.error}`);
      const at = describePoint(reply.point);
      throw new WorkerError(`f threw at ${at} in a worker thread: ${reply.error}`, reply.point);
    }
    return reply;
  };
  return {
    threads,
    concurrency: threads * TASKS_PER_THREAD,
    async f(x) {
      const points = typeof x === "number" ? Float64Array.of(x) : Float64Array.from(x);
      const { values, width } = await run(points);
      return width === 1 ? values[0] : values;
    },
    async batch(points) {
      return (await run(points)).values;
    },
    close: () => pool.destroy(),
  };
}
