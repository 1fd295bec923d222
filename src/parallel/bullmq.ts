/**
 * Evaluation of f across machines on BullMQ (Redis): the client cuts each batch of points into jobs
 * of `pointsPerJob` points; workers on any number of machines (startWorker) import f from a module,
 * evaluate the points of a job, and return the values. A worker that dies mid-job loses nothing: its
 * job's lock expires and another worker runs it again (a job is a pure function of its points, so the
 * values are the same bits). A Redis that goes away rejects the pending batches with a clear error
 * after REDIS_RETRIES reconnection attempts, never a hang.
 */

import { randomUUID } from "node:crypto";
import { Queue, QueueEvents, Worker, type Job } from "bullmq";
import { Redis } from "ioredis";
import { invalid } from "numdiff";
import evaluateTask, { describePoint, moduleUrl, type WorkerTask } from "./worker.js";
import { WorkerError } from "./thread-pool.js";

/**
 * Points per job by default: a job costs a few Redis round trips (about a millisecond on a LAN), so
 * a job should carry at least that much work; 16 points of a 1 ms f keep that overhead near 5%.
 *
 * @default 16
 * @example
 * ```ts
 * POINTS_PER_JOB; // 16
 * ```
 */
export const POINTS_PER_JOB = 16;

/**
 * How long a worker's lock on a job lasts without renewal (BullMQ `lockDuration`), in ms: a worker
 * that dies holds its jobs at most this long before they are run again elsewhere. A live worker
 * renews its lock every half of it, so it only bounds how long a job waits for a dead worker.
 *
 * @default 5000
 * @example
 * ```ts
 * JOB_LOCK_MS; // 5000
 * ```
 */
export const JOB_LOCK_MS = 5000;

/**
 * How often a worker looks for stalled jobs (the locks of dead workers), in ms.
 *
 * @default 2000
 * @example
 * ```ts
 * STALLED_CHECK_MS; // 2000
 * ```
 */
export const STALLED_CHECK_MS = 2000;

/**
 * Times a job is tried: a job whose worker died (stalled) or whose f threw is tried again up to this
 * many times; after that the batch rejects with the job's error.
 *
 * @default 5
 * @example
 * ```ts
 * JOB_ATTEMPTS; // 5
 * ```
 */
export const JOB_ATTEMPTS = 5;

/**
 * Seconds a finished job (and its values) stays in Redis: long enough for the client to read it
 * (removing it at once races with the client's check that it finished), short enough not to pile up.
 *
 * @default 3600
 * @example
 * ```ts
 * JOB_KEEP_S; // 3600
 * ```
 */
export const JOB_KEEP_S = 3600;

/**
 * Reconnection attempts to a Redis that went away, REDIS_RETRY_MS apart, before the pending batches
 * reject (and the client stops trying): 10 × 200 ms, two seconds.
 *
 * @default 10
 * @example
 * ```ts
 * REDIS_RETRIES; // 10
 * ```
 */
export const REDIS_RETRIES = 10;

/**
 * Milliseconds between reconnection attempts to Redis.
 *
 * @default 200
 * @example
 * ```ts
 * REDIS_RETRY_MS; // 200
 * ```
 */
export const REDIS_RETRY_MS = 200;

/**
 * Where Redis is, and the queue's name.
 *
 * @example
 * ```ts
 * const c: QueueConnection = { host: "127.0.0.1", port: 6379, queue: "numdiff" };
 * ```
 */
export interface QueueConnection {
  /** Redis's host; default "127.0.0.1". */
  host?: string;
  /** Redis's port. */
  port: number;
  /** The queue's name; client and workers must agree. Default "numdiff". */
  queue?: string;
}

/** An ioredis client that gives up on a Redis that went away instead of retrying forever. */
function redisOptions(c: QueueConnection, onGone: (e: Error) => void): Redis {
  const client = new Redis({
    host: c.host ?? "127.0.0.1",
    port: c.port,
    maxRetriesPerRequest: null,
    enableOfflineQueue: true,
    retryStrategy: (times: number) => {
      if (times > REDIS_RETRIES) {
        onGone(
          new Error(
            `Redis at ${c.host ?? "127.0.0.1"}:${c.port} went away (no answer after ${REDIS_RETRIES} reconnection attempts ${REDIS_RETRY_MS} ms apart)`,
          ),
        );
        return null;
      }
      return REDIS_RETRY_MS;
    },
  });
  client.on("error", () => undefined); // a lost connection is retried, then reported through onGone
  return client;
}

/**
 * The client side: evaluates batches of points on the workers of a queue.
 *
 * @example
 * ```ts
 * const q = queueEvaluator({ port: 6379 });
 * const J = await jacobian(q.batch, x, { batch: true, concurrency: 4 });
 * await q.close();
 * ```
 */
export interface QueueEvaluator {
  /** The values of every point of a block (row-major, `dimension` numbers per point; m per point). */
  batch(points: Float64Array): Promise<Float64Array>;
  /** Closes the client's queue and Redis connections. */
  close(): Promise<void>;
}

/**
 * Starts a client of the queue (see the file comment).
 *
 * @example
 * ```ts
 * const q = queueEvaluator({ port: 6379, queue: "numdiff" }, { dimension: 200, pointsPerJob: 16 });
 * ```
 */
export function queueEvaluator(
  connection: QueueConnection,
  options: { dimension?: number; pointsPerJob?: number } = {},
): QueueEvaluator {
  const dimension = options.dimension ?? 0;
  const perJob = options.pointsPerJob ?? POINTS_PER_JOB;
  if (!(Number.isInteger(perJob) && perJob >= 1))
    throw invalid("INVALID_OPTION", "pointsPerJob", "a positive integer", perJob);
  const name = connection.queue ?? "numdiff";
  const pending = new Set<(e: Error) => void>();
  let gone: Error | null = null;
  const onGone = (e: Error): void => {
    gone ??= e;
    for (const reject of pending) reject(e);
    pending.clear();
  };
  const queue = new Queue(name, { connection: redisOptions(connection, onGone) });
  const events = new QueueEvents(name, { connection: redisOptions(connection, onGone) });
  queue.on("error", () => undefined); // reported through onGone
  events.on("error", () => undefined);
  const width = dimension === 0 ? 1 : dimension;
  const run = async (points: Float64Array): Promise<{ values: Float64Array; m: number }[]> => {
    const count = points.length / width;
    const jobs: Promise<{ values: Float64Array; m: number }>[] = [];
    for (let start = 0; start < count; start += perJob) {
      const part = Array.from(points.subarray(start * width, Math.min(count, start + perJob) * width));
      jobs.push(
        queue
          .add(
            "points",
            { points: part, dimension },
            {
              jobId: randomUUID(),
              attempts: JOB_ATTEMPTS,
              removeOnComplete: { age: JOB_KEEP_S },
              removeOnFail: { age: JOB_KEEP_S },
            },
          )
          .then((job: Job) => job.waitUntilFinished(events))
          .then((r: { values: number[]; m: number }) => ({ values: Float64Array.from(r.values), m: r.m })),
      );
    }
    return Promise.all(jobs);
  };
  return {
    async batch(points) {
      if (gone !== null) throw gone;
      const parts = await new Promise<{ values: Float64Array; m: number }[]>((resolve, reject) => {
        pending.add(reject);
        run(points).then(resolve, (e: unknown) => reject(jobError(e)));
      });
      const m = parts.length > 0 ? parts[0].m : 1;
      const out = new Float64Array((points.length / width) * m);
      let at = 0;
      for (const p of parts) {
        out.set(p.values, at);
        at += p.values.length;
      }
      return out;
    },
    async close() {
      await Promise.allSettled([events.close(), queue.close()]);
    },
  };
}

/** A failed job's error (its message carries the point, see startWorker) as a WorkerError. */
function jobError(e: unknown): Error {
  const message = e instanceof Error ? e.message : String(e);
  const m = /^f threw at x = \[?([^\]]*?)\]? on a queue worker/.exec(message);
  return m === null ? (e as Error) : new WorkerError(message, m[1].split(", ").map(Number));
}

/**
 * A worker: takes jobs from the queue and evaluates f, the `exportName` export of `module`, at their
 * points (`concurrency` jobs at once). Run it on any machine that reaches Redis.
 *
 * @example
 * ```ts
 * const w = startWorker({ host: "redis.lan", port: 6379 }, "/srv/model.mjs", { exportName: "loss" });
 * // ... later
 * await w.close();
 * ```
 */
export function startWorker(
  connection: QueueConnection,
  module: string | URL,
  options: { exportName?: string; concurrency?: number } = {},
): {
  /** Stops taking jobs, finishes the running ones and disconnects. */
  close(): Promise<void>;
  /** BullMQ's worker, for its events. */
  worker: Worker;
} {
  const url = moduleUrl(module);
  const name = options.exportName ?? "default";
  const worker = new Worker(
    connection.queue ?? "numdiff",
    async (job: Job) => {
      const data = job.data as { points: number[]; dimension: number };
      const task: WorkerTask = {
        module: url,
        name,
        dimension: data.dimension,
        points: Float64Array.from(data.points),
      };
      const reply = await evaluateTask(task);
      if ("error" in reply) {
        const at = describePoint(reply.point);
        throw new Error(`f threw at ${at} on a queue worker: ${reply.error}`);
      }
      return { values: Array.from(reply.values), m: reply.width };
    },
    {
      connection: redisOptions(connection, () => undefined),
      concurrency: options.concurrency ?? 1,
      lockDuration: JOB_LOCK_MS,
      stalledInterval: STALLED_CHECK_MS,
      maxStalledCount: JOB_ATTEMPTS,
    },
  );
  worker.on("error", () => undefined);
  return { worker, close: () => worker.close() };
}
