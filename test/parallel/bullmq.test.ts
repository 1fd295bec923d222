import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jacobian as syncJacobian } from "../../src/core/index.js";
import { gradient, jacobian } from "../../src/core/async/index.js";
import { queueEvaluator, WorkerError } from "../../src/parallel/index.js";
// @ts-expect-error: a plain ES module without types (what the workers import)
import { vector } from "./fixtures/model.mjs";

const REDIS = "/usr/bin/redis-server";
const hasRedis = spawnSync(REDIS, ["--version"]).status === 0;
const WORKER = new URL("./fixtures/queue-worker.ts", import.meta.url).pathname;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** Resolves when the process prints a line matching `pattern` (rejects when it exits first). */
function waitFor(p: ChildProcess, pattern: RegExp): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = "";
    p.stdout?.on("data", (d: Buffer) => {
      seen += d.toString();
      if (pattern.test(seen)) resolve();
    });
    p.on("exit", (code) => reject(new Error(`process exited (${code}) before ${pattern}: ${seen}`)));
  });
}

// A real redis-server and two worker processes; on a busy 2-core machine they start slowly, so the
// guards are generous (minutes) and nothing is timed.
describe.skipIf(!hasRedis)("BullMQ on Redis", { timeout: 180_000 }, () => {
  let dir = "";
  let port = 0;
  let redis: ChildProcess;
  const workers: ChildProcess[] = [];
  const startWorker = async (queue: string, exportName: string): Promise<ChildProcess> => {
    const w = spawn(process.execPath, ["--import", "tsx", WORKER, String(port), queue, exportName], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    workers.push(w);
    await waitFor(w, /ready/);
    return w;
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "numdiff-redis-"));
    port = await freePort();
    redis = spawn(
      REDIS,
      ["--port", String(port), "--bind", "127.0.0.1", "--dir", dir, "--save", "", "--appendonly", "no"],
      {
        stdio: ["ignore", "pipe", "inherit"],
      },
    );
    await waitFor(redis, /Ready to accept connections/);
  }, 60_000);

  afterAll(() => {
    for (const w of workers) w.kill("SIGKILL");
    redis.kill("SIGKILL");
    rmSync(dir, { recursive: true, force: true });
  });

  it("a worker killed mid-run loses nothing: the Jacobian is complete and bit-identical to serial", async () => {
    const [a] = [await startWorker("jac", "slowVector"), await startWorker("jac", "slowVector")];
    const client = queueEvaluator({ port, queue: "jac" }, { dimension: 4, pointsPerJob: 2 });
    let jobsOfA = 0;
    a.stdout?.on("data", (d: Buffer) => {
      jobsOfA += (d.toString().match(/job/g) ?? []).length;
      if (jobsOfA === 3) a.kill("SIGKILL"); // in the middle of its third job (each takes ≥ 40 ms)
    });
    const x = [0.5, -1, 2, 3];
    const J = await jacobian(client.batch, x, { batch: true, concurrency: 2 });
    await client.close();
    expect(a.signalCode).toBe("SIGKILL");
    const serial = syncJacobian(vector as (x: Float64Array) => Float64Array, x);
    expect(J.value).toStrictEqual(serial.value);
    expect(J.error).toStrictEqual(serial.error);
    expect(J.value[0][0]).toBeCloseTo(2 - Math.sin(0.5), 12);
  });

  it("an error of f on a queue worker reaches the caller with the point that failed", async () => {
    await startWorker("fail", "failing");
    const client = queueEvaluator({ port, queue: "fail" }, { dimension: 2, pointsPerJob: 2 });
    const err = await gradient(client.batch, [1, 2], { batch: true, concurrency: 2 }).catch(
      (e: unknown) => e,
    );
    await client.close();
    expect(err).toBeInstanceOf(WorkerError);
    expect((err as WorkerError).message).toMatch(
      /^f threw at x = \[1, 2\.0\d+\] on a queue worker: model diverged$/,
    );
    expect((err as WorkerError).point[0]).toBe(1);
    expect((err as WorkerError).point[1]).toBeGreaterThan(2.0001); // where `failing` throws
  });

  it("a Redis that goes away rejects with a clear error, not a hang", async () => {
    const client = queueEvaluator({ port, queue: "gone" }, { dimension: 1 });
    redis.kill("SIGKILL");
    await expect(client.batch(Float64Array.of(1, 2))).rejects.toThrow(/^Redis at 127\.0\.0\.1:\d+ went away/);
    await client.close();
  });
});
