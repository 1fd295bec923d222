export { threadPool, WorkerError, type ThreadPool, type ThreadPoolOptions } from "./thread-pool.js";
