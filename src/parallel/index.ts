export {
  threadPool,
  WorkerError,
  TASKS_PER_THREAD,
  type ThreadPool,
  type ThreadPoolOptions,
} from "./thread-pool.js";
export {
  queueEvaluator,
  startWorker,
  POINTS_PER_JOB,
  JOB_LOCK_MS,
  STALLED_CHECK_MS,
  JOB_ATTEMPTS,
  REDIS_RETRIES,
  REDIS_RETRY_MS,
  type QueueConnection,
  type QueueEvaluator,
} from "./bullmq.js";
