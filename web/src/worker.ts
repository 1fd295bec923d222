/**
 * The explorer's Web Worker: answers {@link compute} requests off the page's thread, so that a
 * formula that takes long (or forever) never freezes the page; the page stops the worker when its
 * time budget runs out (see client.ts).
 */
import { compute, type ComputeRequest } from "./compute.js";

/**
 * A message to the worker: a request and its id.
 *
 * @example
 * ```ts
 * const m: WorkerMessage = { id: 1, request: { kind: "load", formula: "sin(x)" } };
 * worker.postMessage(m);
 * ```
 */
export interface WorkerMessage {
  id: number;
  request: ComputeRequest;
}

const scope = self as unknown as {
  onmessage: ((ev: MessageEvent<WorkerMessage>) => void) | null;
  postMessage(message: unknown): void;
};

scope.onmessage = (ev) => {
  const { id, request } = ev.data;
  try {
    scope.postMessage({ id, reply: compute(request) });
  } catch (e) {
    scope.postMessage({ id, error: e instanceof Error ? e.message : String(e) });
  }
};
