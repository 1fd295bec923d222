/**
 * The page's side of the worker: sends requests, gives each a time budget, and keeps only the
 * latest request of a kind waiting while one is being computed (a drag sends one per frame).
 */
import { compute, type ComputeReply, type ComputeRequest } from "./compute.js";

/**
 * Longest a request may take before the worker is stopped and a fresh one started: generous for a
 * busy phone (a figure of a heavy formula takes well under a second), short enough that a runaway
 * formula is reported while the person still waits for it.
 *
 * @default 8000 (ms)
 * @example
 * ```ts
 * WORK_BUDGET_MS; // 8000
 * ```
 */
export const WORK_BUDGET_MS = 8000;

/**
 * A request that ran out of its time budget.
 *
 * @example
 * ```ts
 * new WorkTimeout().message; // "this formula took more than 8 s to compute; it was stopped"
 * ```
 */
export class WorkTimeout extends Error {
  constructor() {
    super(`this formula took more than ${WORK_BUDGET_MS / 1000} s to compute; it was stopped`);
    this.name = "WorkTimeout";
  }
}

interface Waiting {
  resolve(reply: ComputeReply): void;
  reject(error: Error): void;
  timer: ReturnType<typeof setTimeout>;
}

interface Queued {
  request: ComputeRequest;
  resolve(reply: ComputeReply | null): void;
  reject(error: Error): void;
}

/**
 * Runs requests in a Web Worker (or, where none can start, on the page itself).
 *
 * @example
 * ```ts
 * const client = new ComputeClient(() => new ComputeWorker()); // ComputeWorker: "./worker.ts?worker&inline"
 * const reply = await client.latest("1d", { kind: "1d", formula: "sin(x)", x: 1, view: [0, 20], h: 1e-4, size });
 * // null when a newer "1d" request replaced it before it was sent
 * ```
 */
export class ComputeClient {
  private worker: Worker | null = null;
  private inline = false;
  private nextId = 1;
  private readonly waiting = new Map<number, Waiting>();
  private readonly channels = new Map<string, { busy: boolean; next: Queued | null }>();

  /** `start` makes a worker (main.ts passes Vite's inlined worker.ts); it may throw where none can run. */
  constructor(private readonly start: () => Worker) {}

  /** Runs one request now. */
  run(request: ComputeRequest): Promise<ComputeReply> {
    const worker = this.ensureWorker();
    if (worker === null) {
      try {
        return Promise.resolve(compute(request));
      } catch (e) {
        return Promise.reject(e instanceof Error ? e : new Error(String(e)));
      }
    }
    const id = this.nextId++;
    return new Promise<ComputeReply>((resolve, reject) => {
      const timer = setTimeout(() => this.stop(), WORK_BUDGET_MS);
      this.waiting.set(id, { resolve, reject, timer });
      worker.postMessage({ id, request });
    });
  }

  /**
   * Runs the latest request of a channel: while one is computed, a newer one waits and replaces any
   * older waiting one, which resolves to null.
   */
  latest(channel: string, request: ComputeRequest): Promise<ComputeReply | null> {
    let state = this.channels.get(channel);
    if (state === undefined) {
      state = { busy: false, next: null };
      this.channels.set(channel, state);
    }
    const slot = state;
    return new Promise<ComputeReply | null>((resolve, reject) => {
      slot.next?.resolve(null);
      slot.next = { request, resolve, reject };
      if (!slot.busy) this.pump(slot);
    });
  }

  private pump(slot: { busy: boolean; next: Queued | null }): void {
    const job = slot.next;
    if (job === null) return;
    slot.next = null;
    slot.busy = true;
    this.run(job.request).then(
      (reply) => {
        slot.busy = false;
        job.resolve(reply);
        this.pump(slot);
      },
      (error: Error) => {
        slot.busy = false;
        job.reject(error);
        this.pump(slot);
      },
    );
  }

  private ensureWorker(): Worker | null {
    if (this.worker !== null || this.inline) return this.worker;
    try {
      const worker = this.start();
      worker.onmessage = (ev: MessageEvent<{ id: number; reply?: ComputeReply; error?: string }>) => {
        const w = this.waiting.get(ev.data.id);
        if (w === undefined) return;
        this.waiting.delete(ev.data.id);
        clearTimeout(w.timer);
        if (ev.data.reply !== undefined) w.resolve(ev.data.reply);
        else w.reject(new Error(ev.data.error ?? "the worker failed"));
      };
      worker.onerror = (ev) => {
        ev.preventDefault();
        this.fail(new Error(ev.message || "the worker failed"));
      };
      this.worker = worker;
    } catch {
      // No worker here (an old browser, or a page policy): compute on the page itself.
      this.inline = true;
    }
    return this.worker;
  }

  /** The budget ran out: stop the worker (its runaway work with it) and fail what it had. */
  private stop(): void {
    this.fail(new WorkTimeout());
  }

  private fail(error: Error): void {
    this.worker?.terminate();
    this.worker = null;
    for (const w of this.waiting.values()) {
      clearTimeout(w.timer);
      w.reject(error);
    }
    this.waiting.clear();
  }
}
