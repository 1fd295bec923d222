import { afterAll, describe, expect, it } from "vitest";
import {
  gradient as syncGradient,
  jacobian as syncJacobian,
  derivative as syncDerivative,
} from "../../src/core/index.js";
import {
  derivative,
  directionalDerivative,
  gradient,
  hessian,
  jacobian,
} from "../../src/core/async/index.js";
import { threadPool, WorkerError } from "../../src/parallel/index.js";
// @ts-expect-error: a plain ES module without types (it is what the workers import)
import { chain, noisyRows, vector } from "./fixtures/model.mjs";

const MODEL = new URL("./fixtures/model.mjs", import.meta.url);
const x = [0.5, 2, -1, 3, 0.25];
const pools: { close(): Promise<void> }[] = [];
afterAll(async () => {
  for (const p of pools) await p.close();
});

// Worker threads start slowly on a busy machine: generous timeouts, no timing assertions.
describe("worker threads (piscina)", { timeout: 120_000 }, () => {
  it("a gradient computed in worker threads equals the serial one bit for bit", async () => {
    const pool = threadPool(MODEL, { threads: 2, dimension: x.length, exportName: "chain" });
    pools.push(pool);
    const serial = syncGradient(chain as (x: Float64Array) => number, x);
    const perPoint = await gradient((p) => pool.f(p) as Promise<number>, x, { concurrency: 2 });
    const batched = await gradient(pool.batch, x, { batch: true, concurrency: pool.concurrency });
    for (const g of [perPoint, batched]) {
      expect(g.value).toStrictEqual(serial.value);
      expect(g.error).toStrictEqual(serial.error);
    }
    expect(serial.value[0]).toBeCloseTo(1 + Math.cos(0.5) * 2, 12);
  });

  it("a scalar f and a vector F run in workers too", async () => {
    const sin = threadPool(MODEL, { threads: 2 });
    const vec = threadPool(MODEL, { threads: 2, dimension: 3, exportName: "vector" });
    pools.push(sin, vec);
    const d = await derivative(sin.batch, [0, 1, 2], { batch: true, concurrency: 2 });
    expect(d.value).toStrictEqual(syncDerivative(Math.sin, [0, 1, 2]).value);
    const J = await jacobian(vec.batch, [1, 2, 3], { batch: true, concurrency: 2 });
    expect(J.value).toStrictEqual(syncJacobian(vector as (x: Float64Array) => Float64Array, [1, 2, 3]).value);
  });

  it("a Jacobian of 18 noisy rows (its rows' noise measured first) equals the serial one bit for bit", async () => {
    const pool = threadPool(MODEL, { threads: 2, dimension: 3, exportName: "noisyRows" });
    pools.push(pool);
    const y = [0.4, -1.3, 2.5];
    const serial = syncJacobian(noisyRows as (x: Float64Array) => Float64Array, y);
    const J = await jacobian(pool.batch, y, { batch: true, concurrency: pool.concurrency });
    for (const key of ["value", "error", "statuses", "status", "evaluations"] as const)
      expect(J[key]).toStrictEqual(serial[key]);
    // Rows 0, 3, … carry noise 1e-10: their errors hold it, as the smooth rows' do not need to.
    expect(serial.error[0][0]).toBeGreaterThan(1e-9);
    expect(serial.error[1][1]).toBeLessThan(1e-11);
  });

  it("an error of f in a worker reaches the caller with the point that failed", async () => {
    const pool = threadPool(MODEL, { threads: 2, dimension: 2, exportName: "failing" });
    pools.push(pool);
    const err = await gradient(pool.batch, [1, 2], { batch: true }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WorkerError);
    expect((err as WorkerError).message).toMatch(
      /^f threw at x = \[1, 2\.0\d+\] in a worker thread: model diverged$/,
    );
    expect((err as WorkerError).point[1]).toBeGreaterThan(2.0001);
  });

  it("an error of f reaches the caller with its point, one point per task too, for every function", async () => {
    const pool = threadPool(MODEL, { threads: 2, dimension: 2, exportName: "failing" });
    pools.push(pool);
    const perPoint = (p: Float64Array): Promise<number> => pool.f(p) as Promise<number>;
    const runs: (() => Promise<unknown>)[] = [
      () => gradient(perPoint, [1, 2], { concurrency: pool.concurrency }),
      () => hessian(pool.batch, [1, 2], { batch: true, concurrency: pool.concurrency }),
      () => directionalDerivative(perPoint, [1, 2], [0, 1]),
    ];
    for (const run of runs) {
      const err = await run().catch((e: unknown) => e);
      expect(err).toBeInstanceOf(WorkerError);
      expect((err as WorkerError).message).toMatch(
        /^f threw at x = \[[-\d.e]+, [-\d.e]+\] in a worker thread: model diverged$/,
      );
      expect((err as WorkerError).point).toHaveLength(2);
      expect((err as WorkerError).point[1]).toBeGreaterThan(2.0001); // where `failing` throws
    }
  });

  it("a module without the export throws INVALID_FUNCTION; threads must be a positive integer", async () => {
    const pool = threadPool(MODEL, { threads: 1, exportName: "nothing" });
    pools.push(pool);
    await expect(pool.f(1)).rejects.toMatchObject({ code: "INVALID_FUNCTION" });
    expect(() => threadPool(MODEL, { threads: 0 })).toThrow(/invalid threads/);
  });
});
