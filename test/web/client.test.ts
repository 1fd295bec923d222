/**
 * The page's side of the worker (web/src/client.ts) with a stand-in worker: the time budget stops a
 * runaway request and the next one gets a fresh worker; a drag's stale requests are dropped. Fake
 * timers: nothing here depends on the machine's speed.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { ComputeClient, WORK_BUDGET_MS, WorkTimeout } from "../../web/src/client.js";
import { compute, type ComputeRequest } from "../../web/src/compute.js";

/** A worker that answers with compute() when told to, or never. */
class FakeWorker {
  onmessage: ((ev: MessageEvent) => void) | null = null;
  onerror: ((ev: ErrorEvent) => void) | null = null;
  terminated = false;
  readonly received: { id: number; request: ComputeRequest }[] = [];
  postMessage(message: { id: number; request: ComputeRequest }): void {
    this.received.push(message);
  }
  answer(index = 0): void {
    const { id, request } = this.received[index];
    this.onmessage?.({ data: { id, reply: compute(request) } } as MessageEvent);
  }
  terminate(): void {
    this.terminated = true;
  }
}

afterEach(() => vi.useRealTimers());

describe("ComputeClient", () => {
  it("a request over its time budget stops the worker and is refused; the next one gets a new worker", async () => {
    vi.useFakeTimers();
    const workers: FakeWorker[] = [];
    const client = new ComputeClient(() => {
      const w = new FakeWorker();
      workers.push(w);
      return w as unknown as Worker;
    });
    const slow = client.run({ kind: "load", formula: "sin(x)" });
    const refused = expect(slow).rejects.toBeInstanceOf(WorkTimeout);
    vi.advanceTimersByTime(WORK_BUDGET_MS + 1);
    await refused;
    expect(workers[0].terminated).toBe(true);
    const next = client.run({ kind: "load", formula: "x0*x1" });
    expect(workers).toHaveLength(2);
    workers[1].answer();
    await expect(next).resolves.toEqual({ kind: "load", mode: "2d" });
  });

  it("while one request of a kind is computed, only the newest waiting one is sent; older ones resolve to null", async () => {
    const worker = new FakeWorker();
    const client = new ComputeClient(() => worker as unknown as Worker);
    const first = client.latest("load", { kind: "load", formula: "x" });
    const second = client.latest("load", { kind: "load", formula: "x0" });
    const third = client.latest("load", { kind: "load", formula: "x1 + x0" });
    await expect(second).resolves.toBeNull();
    expect(worker.received).toHaveLength(1);
    worker.answer(0);
    await expect(first).resolves.toEqual({ kind: "load", mode: "1d" });
    await vi.waitFor(() => expect(worker.received).toHaveLength(2));
    expect(worker.received[1].request).toEqual({ kind: "load", formula: "x1 + x0" });
    worker.answer(1);
    await expect(third).resolves.toEqual({ kind: "load", mode: "2d" });
  });

  it("where no worker can start, requests are computed on the page", async () => {
    const client = new ComputeClient(() => {
      throw new Error("no workers here");
    });
    await expect(client.run({ kind: "load", formula: "x^2" })).resolves.toEqual({ kind: "load", mode: "1d" });
    await expect(client.run({ kind: "load", formula: "import(1)" })).rejects.toThrow(/invalid formula/);
  });
});
