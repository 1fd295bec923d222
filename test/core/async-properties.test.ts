/**
 * numdiff/async and `batch: true` against the sync entry: every function that takes f, across
 * functions, points and options, gives the sync results bit for bit, whatever the order in which
 * the values come back. Only `evaluations` may differ: a runner evaluates a stencil row whole, where
 * the sync loop stops at its first value that is not finite.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as sync from "../../src/core/index.js";
import * as async from "../../src/core/async/index.js";
import { later } from "./out-of-order.js";

type FnN = (x: Float64Array) => number;

/** Functions of 3 variables: smooth, a kink, a domain edge, a pole, noise. */
const FUNCTIONS: [string, FnN][] = [
  ["smooth", (x) => Math.sin(x[0]) * x[1] + Math.exp(0.3 * x[2]) * x[0] ** 2],
  ["kink", (x) => Math.abs(x[0] - 0.5) * x[1] + x[2] ** 3],
  ["log", (x) => Math.log(x[0]) + x[1] * Math.sqrt(x[2])],
  ["pole", (x) => 1 / (x[0] - x[1]) + x[2]],
  ["noisy", (x) => Math.cos(x[0] + x[1] * x[2]) + 1e-11 * Math.sin(1e8 * x[0] * x[1])],
];
const VECTOR = (x: Float64Array): number[] => [
  Math.sin(x[0]) * x[1],
  x[1] ** 2 + Math.log(x[0]),
  Math.abs(x[2]) * x[0],
  // float32 and noisy components: their entries are rechecked by derivative()'s pipeline
  Math.fround(Math.exp(Math.fround(0.5 * x[0] - x[2]))),
  Math.cos(x[0] + x[1] * x[2]) + 1e-11 * Math.sin(1e8 * x[0] * x[1]),
];

const point = fc.tuple(
  fc.constantFrom(0.5, 1, 2, 1e-9, 0),
  fc.double({ min: -3, max: 3, noNaN: true }),
  fc.constantFrom(0, 0.25, 3, 100, NaN),
);
const options = fc.oneof(
  fc.constant({}),
  fc.record({ rtol: fc.constantFrom(1e-4, 1e-8) }),
  fc.record({ method: fc.constantFrom("central" as const), step: fc.constantFrom(1e-3, 1e-5) }),
  fc.record({ bounds: fc.constant([0, 10] as [number, number]) }),
  fc.record({ maxEvaluations: fc.constantFrom(20, 40) }),
  fc.record({ method: fc.constantFrom("forward" as const, "backward" as const) }),
);
const runner = fc.record({
  batch: fc.boolean(),
  concurrency: fc.integer({ min: 1, max: 5 }),
  seed: fc.integer({ min: 0, max: 1000 }),
});

/** The batched form of f of 3 variables. */
function batchOf<R>(f: (x: Float64Array) => R): (b: Float64Array) => R[] {
  return (b) => Array.from({ length: b.length / 3 }, (_, r) => f(b.slice(3 * r, 3 * r + 3)));
}

/** The async f for a runner: batched or per point, answering out of order. */
function asyncF<R>(
  f: (x: Float64Array) => R,
  run: { batch: boolean; seed: number },
): (x: Float64Array) => unknown {
  return run.batch ? later(batchOf(f), run.seed) : later(f, run.seed);
}

/** The same thing, or the same NumdiffError code. */
async function same<T>(expected: () => T, actual: () => Promise<T> | T, compare: (a: T, b: T) => void) {
  let want: T;
  try {
    want = expected();
  } catch (e) {
    await expect(Promise.resolve().then(actual)).rejects.toMatchObject({
      code: (e as sync.NumdiffError).code,
    });
    return;
  }
  compare(want, await actual());
}

const scalar = (a: sync.DerivativeResult, b: sync.DerivativeResult): void => {
  for (const k of ["value", "error", "step", "status", "method", "noise", "left", "right"] as const)
    expect(b[k]).toStrictEqual(a[k]);
};
const arrays = (a: object, b: object): void => {
  for (const k of ["value", "error", "statuses", "status"]) {
    expect((b as Record<string, unknown>)[k]).toStrictEqual((a as Record<string, unknown>)[k]);
  }
};

const RUNS = { numRuns: 25, seed: 20261129 };

describe("numdiff/async and batch: true give the sync results bit for bit", { timeout: 120_000 }, () => {
  it("partial, gradient and directionalDerivative", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...FUNCTIONS), point, options, runner, async ([, f], x, o, run) => {
        const ao = { ...o, batch: run.batch, concurrency: run.concurrency };
        const g = asyncF(f, run);
        await same(
          () => sync.partial(f, x, 1, o),
          () => async.partial(g as FnN, x, 1, ao),
          scalar,
        );
        await same(
          () => sync.gradient(f, x, o),
          () => async.gradient(g as FnN, x, ao),
          arrays,
        );
        const v = [1, -2, 0.5];
        await same(
          () => sync.directionalDerivative(f, x, v, o),
          () => async.directionalDerivative(g as FnN, x, v, ao),
          scalar,
        );
        if (run.batch) {
          const b = batchOf(f) as sync.BatchFn;
          await same(
            () => sync.directionalDerivative(f, x, v, o),
            () => sync.directionalDerivative(b, x, v, { ...o, batch: true }),
            scalar,
          );
        }
      }),
      RUNS,
    );
  });

  it("hessian, in the async entry and with batch: true", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...FUNCTIONS), point, options, runner, async ([, f], x, o, run) => {
        const ao = { ...o, batch: run.batch, concurrency: run.concurrency };
        await same(
          () => sync.hessian(f, x, o),
          () => async.hessian(asyncF(f, run) as FnN, x, ao),
          arrays,
        );
        const b = batchOf(f) as sync.BatchFn;
        await same(
          () => sync.hessian(f, x, o),
          () => sync.hessian(b, x, { ...o, batch: true }),
          arrays,
        );
      }),
      { ...RUNS, numRuns: 15 },
    );
  });

  it("jacobian and checkGradient", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...FUNCTIONS), point, options, runner, async ([, f], x, o, run) => {
        const ao = { ...o, batch: run.batch, concurrency: run.concurrency };
        await same(
          () => sync.jacobian(VECTOR, x, o),
          () => async.jacobian(asyncF(VECTOR, run), x, ao),
          arrays,
        );
        const grad = (p: Float64Array): number[] => Array.from(sync.gradient(f, p).value);
        await same(
          () => sync.checkGradient(f, grad, x, o),
          () => async.checkGradient(asyncF(f, run) as FnN, later(grad, run.seed), x, ao),
          (a, b) => expect({ ...b, evaluations: 0 }).toStrictEqual({ ...a, evaluations: 0 }),
        );
      }),
      RUNS,
    );
  });

  it("derivative at many points", async () => {
    const f1 = (t: number): number => (t < 0.3 ? Math.sin(t) : Math.log(t));
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.double({ min: -2, max: 2 }), { minLength: 1, maxLength: 8 }),
        runner,
        async (xs, run) => {
          const s = sync.derivative(f1, xs);
          const g = run.batch ? later((t: Float64Array) => t.map(f1), run.seed) : later(f1, run.seed);
          const a = await async.derivative(g as unknown as (t: number) => number, xs, {
            batch: run.batch,
            concurrency: run.concurrency,
          });
          s.results.forEach((r, i) => scalar(r, (a as sync.DerivativesResult).results[i]));
        },
      ),
      RUNS,
    );
  });
});
