/** Vite's inline worker import: the worker bundled into the page and started from a blob: URL. */
declare module "*?worker&inline" {
  const WorkerConstructor: new () => Worker;
  export default WorkerConstructor;
}
