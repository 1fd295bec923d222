/**
 * Sparse Jacobians and Hessians with `batch: true` and in numdiff/async against the sync sparse ones:
 * values, errors, statuses, status, pattern and groups bit for bit, across patterns (tridiagonal,
 * banded, random, detected), options (bounds, fixed steps, one-sided methods, order 2, errors: false)
 * and F with non-finite values; the async runner with any concurrency and calls answered out of order.
 * Only `evaluations` may differ from the sync loop's: a runner evaluates a stencil row whole, where the
 * sync loop stops at its first point that is not finite; batched and async count the same points.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as sync from "../../../src/core/index.js";
import * as async from "../../../src/core/async/index.js";
import { BATCH_BLOCK_NUMBERS } from "../../../src/core/all-constants.js";
import { band, xorshift } from "./helpers.js";
import { later } from "../out-of-order.js";

type Vec = (x: Float64Array) => ArrayLike<number>;
type Options = sync.JacobianOptions & { sparsity: sync.SparsityInput | "detect" };

/** The batched form of F of n variables: a row-major block in, an array of results out. */
function batchOf<R>(F: (x: Float64Array) => R, n: number): (b: Float64Array) => R[] {
  return (b) => Array.from({ length: b.length / n }, (_, r) => F(b.slice(n * r, n * r + n)));
}

/** The same fields, bit for bit (toStrictEqual on typed arrays compares NaN and ±0 exactly). */
function same(a: object, b: object, fields: string[]): void {
  for (const k of fields) {
    expect((b as Record<string, unknown>)[k], k).toStrictEqual((a as Record<string, unknown>)[k]);
  }
}
const JACOBIAN_FIELDS = ["m", "n", "rowPtr", "colIdx", "value", "error", "statuses", "status", "groups"];
const HESSIAN_FIELDS = ["m", "n", "rowPtr", "colIdx", "value", "error", "statuses", "status"];

/** The sync result, or the code of the NumdiffError it throws. */
function resultOrCode<T extends object>(run: () => T): T | string {
  try {
    return run();
  } catch (e) {
    if (e instanceof sync.NumdiffError) return e.code;
    throw e;
  }
}

/**
 * The sync sparse result of `syncCall`, its batched form, and the async one (per point or batched,
 * answering out of order) agree bit for bit on `fields` (or throw the same code); the batched and
 * async runs count the same points.
 */
async function runnersAgree<R>(
  F: (x: Float64Array) => R,
  n: number,
  o: object,
  run: { concurrency: number; seed: number; asyncBatch: boolean },
  fields: string[],
  syncCall: (f: unknown, o: object) => { evaluations: number },
  asyncCall: (f: unknown, o: object) => Promise<{ evaluations: number }>,
): Promise<void> {
  const want = resultOrCode(() => syncCall(F, o));
  const ao = { ...o, batch: run.asyncBatch, concurrency: run.concurrency };
  const G = run.asyncBatch ? later(batchOf(F, n), run.seed) : later(F, run.seed);
  if (typeof want === "string") {
    expect(() => syncCall(batchOf(F, n), { ...o, batch: true })).toThrow(
      expect.objectContaining({ code: want }) as Error,
    );
    await expect(asyncCall(G, ao)).rejects.toMatchObject({ code: want });
    return;
  }
  const batched = syncCall(batchOf(F, n), { ...o, batch: true });
  same(want, batched, fields);
  const a = await asyncCall(G, ao);
  same(want, a, fields);
  expect(a.evaluations).toBe(batched.evaluations);
}

/** {@link runnersAgree} for sparse Jacobians. */
function jacobianRunners(
  F: Vec,
  x: Float64Array,
  o: Options,
  run: { concurrency: number; seed: number; asyncBatch: boolean },
): Promise<void> {
  return runnersAgree(
    F,
    x.length,
    o,
    run,
    JACOBIAN_FIELDS,
    (f, p) => sync.jacobian(f as sync.VecFn, x, p as Options),
    (f, p) => async.jacobian(f as async.AsyncVecFn, x, p as Options),
  );
}

/** A random m × n pattern and F depending on exactly it, with a log (a domain edge) in some rows. */
const problems = fc
  .record({
    m: fc.integer({ min: 1, max: 9 }),
    n: fc.integer({ min: 1, max: 9 }),
    density: fc.double({ min: 0.1, max: 0.6, noNaN: true }),
    seed: fc.integer(),
    x: fc.array(fc.constantFrom(-1.5, -0.3, 0, 1e-9, 0.4, 1, 2.5, 30, NaN), { minLength: 9, maxLength: 9 }),
  })
  .map(({ m, n, density, seed, x }) => {
    const rand = xorshift(seed);
    const pairs: [number, number][] = [];
    const a: number[] = [];
    for (let i = 0; i < m; i++)
      for (let j = 0; j < n; j++)
        if (rand() < density) {
          pairs.push([i, j]);
          a.push(2 * rand() - 1);
        }
    const p = sync.toSparsityPattern(pairs, m, n);
    const F = (v: Float64Array): Float64Array => {
      const out = new Float64Array(m);
      for (let i = 0; i < m; i++) {
        let s = 0;
        for (let k = p.rowPtr[i]; k < p.rowPtr[i + 1]; k++) s += a[k] * v[p.colIdx[k]];
        // Rows of three kinds: smooth, a log with a domain edge near x, a kink.
        out[i] = i % 3 === 0 ? Math.sin(s) + s * s : i % 3 === 1 ? Math.log(s + 0.5) : Math.abs(s) + s;
      }
      return out;
    };
    return { pairs, F, x: Float64Array.from(x.slice(0, n)) };
  });

const jacobianOptions = fc.oneof(
  fc.constant({}),
  fc.record({ bounds: fc.constant([-0.2, 3] as [number, number]) }),
  fc.record({ method: fc.constantFrom("forward" as const, "backward" as const) }),
  fc.record({
    step: fc.constantFrom(1e-3, 1e-6),
    method: fc.constantFrom("central" as const, "forward" as const),
  }),
  fc.record({ order: fc.constant(2) }),
  fc.record({ errors: fc.constant(false) }),
  fc.record({ rtol: fc.constant(1e-6) }),
);
const runner = fc.record({
  concurrency: fc.integer({ min: 1, max: 5 }),
  seed: fc.integer({ min: 0, max: 1000 }),
  asyncBatch: fc.boolean(),
});
const RUNS = { numRuns: 40, seed: 20261130 };

/** F_i = 3x_i + cos x_i − x_{i−1}² − sin x_{i+1}, with a log of x_i (NaN for x_i ≤ −1) every 7th row. */
function tridiagonal(v: Float64Array): Float64Array {
  const n = v.length;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const t = 3 * v[i] + Math.cos(v[i]) - (i > 0 ? v[i - 1] ** 2 : 0) - (i < n - 1 ? Math.sin(v[i + 1]) : 0);
    out[i] = i % 7 === 3 ? t + Math.log1p(v[i]) : t;
  }
  return out;
}

/** F_i = Σ_{|j−i|≤b} sin(x_i·x_j)/(1 + |i − j|): banded of half-width b. */
function banded(b: number): Vec {
  return (v) => {
    const n = v.length;
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++)
      for (let j = Math.max(0, i - b); j <= Math.min(n - 1, i + b); j++)
        out[i] += Math.sin(v[i] * v[j]) / (1 + Math.abs(i - j));
    return out;
  };
}

describe(
  "sparse Jacobians: batch: true and numdiff/async give the sync result bit for bit",
  { timeout: 120_000 },
  () => {
    it("on random patterns, given or detected, with any options (property)", async () => {
      await fc.assert(
        fc.asyncProperty(problems, jacobianOptions, runner, fc.boolean(), async (p, o, run, detect) => {
          await jacobianRunners(p.F, p.x, { ...o, sparsity: detect ? "detect" : p.pairs }, run);
        }),
        RUNS,
      );
    });

    it("tridiagonal and banded F, with bounds and points where F is not finite (property)", async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(["tridiagonal", tridiagonal, 1] as const, ["band 3", banded(3), 3] as const),
          fc.integer({ min: 2, max: 40 }),
          fc.constantFrom(0, 0.5, -1, 2),
          fc.constantFrom<object>({}, { bounds: [-1, 2] }, { step: 1e-4 }, { method: "forward" }),
          runner,
          fc.boolean(),
          async ([, F, b], n, start, o, run, detect) => {
            // x_i from `start` upwards: with start −1, x_0 sits on log1p's pole and on the lower bound.
            const x = Float64Array.from({ length: n }, (_, i) => start + (i % 5) * 0.25);
            await jacobianRunners(F, x, { ...o, sparsity: detect ? "detect" : band(n, b) }, run);
          },
        ),
        { ...RUNS, numRuns: 30 },
      );
    });

    it("a batched tridiagonal F at n = 2000: a handful of calls, one per round, 3 groups", () => {
      const n = 2000;
      const x = Float64Array.from({ length: n }, (_, i) => 0.5 + (i % 11) / 11);
      let calls = 0;
      let most = 0;
      const F = (b: Float64Array): Float64Array[] => {
        calls++;
        most = Math.max(most, b.length / n);
        return batchOf(tridiagonal, n)(b).map((v) => Float64Array.from(v));
      };
      const r = sync.jacobian(F, x, { sparsity: band(n, 1), batch: true });
      const s = sync.jacobian(tridiagonal, x, { sparsity: band(n, 1) });
      same(s, r, JACOBIAN_FIELDS);
      expect(r.groups).toBe(3);
      // F(x), then rows of 2 points (central) for each of the 3 groups at once.
      expect(calls).toBeLessThanOrEqual(10);
      expect(most).toBeGreaterThanOrEqual(6);
      expect(r.evaluations).toBe(s.evaluations);
    });

    it('sparsity: "detect" sends each round of probes as one batch: F(x), then 3 calls', () => {
      const n = 400;
      const x = Float64Array.from({ length: n }, (_, i) => 1 + i / n);
      const sizes: number[] = [];
      const F = (b: Float64Array): Float64Array[] => {
        sizes.push(b.length / n);
        return batchOf(tridiagonal, n)(b).map((v) => Float64Array.from(v));
      };
      const p = sync.detectSparsity(tridiagonal, x);
      const r = sync.jacobian(F, x, { sparsity: "detect", batch: true, step: 1e-6 });
      expect(Array.from(r.colIdx)).toEqual(Array.from(p.colIdx));
      // F(x); the 2 base points; 2 × (20 + 20) grid probes; 2 × colours of the candidates; the 6 points
      // of the fixed central stencils of the 3 groups.
      expect(sizes.slice(0, 3)).toEqual([1, 2, 80]);
      expect(sizes).toHaveLength(5);
      expect(sizes[4]).toBe(6);
    });

    it("rounds of many whole points go out in calls of at most BATCH_BLOCK_NUMBERS numbers", () => {
      const blocks: number[] = [];
      const counted =
        <R>(F: (x: Float64Array) => R, n: number) =>
        (b: Float64Array): R[] => {
          blocks.push(b.length);
          return batchOf(F, n)(b);
        };
      // One row on all of n = 3000 columns: 3000 groups, 6000 fixed-step points, 1398 per call.
      const n = 3000;
      const x = Float64Array.from({ length: n }, (_, i) => i / n);
      const row = (v: Float64Array): number[] => [v.reduce((s, t) => s + Math.sin(t), 0)];
      const pairs = Array.from({ length: n }, (_, j) => [0, j] as [number, number]);
      const o = { sparsity: pairs, step: 1e-4 };
      same(
        sync.jacobian(row, x, o),
        sync.jacobian(counted(row, n), x, { ...o, batch: true }),
        JACOBIAN_FIELDS,
      );
      expect(blocks).toHaveLength(1 + Math.ceil(6000 / Math.floor(BATCH_BLOCK_NUMBERS / n)));
      // Detection's grid round at n = 20,000: 566 probes, 209 per call.
      blocks.length = 0;
      const m = 20_000;
      const y = Float64Array.from({ length: m }, (_, i) => 1 + i / m);
      const d = sync.jacobian(counted(tridiagonal, m), y, { sparsity: "detect", batch: true });
      same(sync.jacobian(tridiagonal, y, { sparsity: "detect" }), d, JACOBIAN_FIELDS);
      expect(Math.max(...blocks)).toBeLessThanOrEqual(BATCH_BLOCK_NUMBERS);
      expect(blocks.filter((b) => b === 209 * m)).toHaveLength(2);
    });

    it("an async F's calls stay within `concurrency`, and progress counts the groups in order", async () => {
      const n = 30;
      const x = Float64Array.from({ length: n }, (_, i) => 1 + i / n);
      let inFlight = 0;
      let most = 0;
      const F = async (v: Float64Array): Promise<Float64Array> => {
        most = Math.max(most, ++inFlight);
        await new Promise((r) => setTimeout(r, 0));
        inFlight--;
        return tridiagonal(v);
      };
      const seen: [number, number][] = [];
      const r = await async.jacobian(F, x, {
        sparsity: band(n, 1),
        concurrency: 3,
        onProgress: (done, total) => seen.push([done, total]),
      });
      expect(most).toBe(3);
      expect(seen).toEqual([
        [1, 3],
        [2, 3],
        [3, 3],
      ]);
      same(sync.jacobian(tridiagonal, x, { sparsity: band(n, 1) }), r, JACOBIAN_FIELDS);
    });
  },
);

/** f of n variables: chained Rosenbrock plus a log (a domain edge at x_0 = −1) and a kink. */
function rosen(x: Float64Array): number {
  let s = Math.log1p(x[0]) + Math.abs(x[x.length - 1] - 0.5);
  for (let i = 0; i + 1 < x.length; i++) s += 100 * (x[i + 1] - x[i] ** 2) ** 2 + (1 - x[i]) ** 2;
  return s;
}

describe(
  "sparse Hessians: batch: true and numdiff/async give the sync result bit for bit",
  { timeout: 120_000 },
  () => {
    it("banded and random patterns, with bounds, a fixed step and non-finite values (property)", async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.constantFrom(-1, -0.5, 0, 0.5, 1, 1.5, NaN), { minLength: 1, maxLength: 6 }),
          fc.oneof(
            fc.constant("band"),
            fc.array(fc.tuple(fc.nat(5), fc.nat(5)), { minLength: 1, maxLength: 8 }),
          ),
          fc.constantFrom<object>({}, { bounds: [-1, 2] }, { step: 1e-3 }, { rtol: 1e-6 }),
          runner,
          async (xs, shape, o, run) => {
            const n = xs.length;
            const x = Float64Array.from(xs);
            const pairs =
              shape === "band"
                ? band(n, 1)
                : [
                    ...new Map(
                      (shape as [number, number][])
                        .filter(([i, j]) => i < n && j < n)
                        .map((p) => [`${p}`, p]),
                    ).values(),
                  ];
            if (pairs.length === 0) pairs.push([0, 0]);
            const opts = { ...o, sparsity: pairs };
            await runnersAgree(
              rosen,
              n,
              opts,
              run,
              HESSIAN_FIELDS,
              (f, p) => sync.hessian(f as sync.FnN, x, p as sync.SparseHessianOptions),
              (f, p) => async.hessian(f as async.AsyncFnN, x, p as sync.SparseHessianOptions),
            );
          },
        ),
        RUNS,
      );
    });
  },
);

describe("sparse runners: bad input and cancellation", () => {
  const x = Float64Array.from({ length: 6 }, (_, i) => 1 + i / 6);
  const F = (v: Float64Array): Float64Array => tridiagonal(v);

  it("a batch F returning the wrong number of results throws INCONSISTENT_OUTPUT naming F", async () => {
    const short = (b: Float64Array): Float64Array[] => batchOf(F, 6)(b).slice(0, 1);
    const calls = [
      () => sync.jacobian(short, x, { sparsity: band(6, 1), batch: true }),
      () => sync.jacobian(short, x, { sparsity: "detect", batch: true }),
      () => async.jacobian(short, x, { sparsity: band(6, 1), batch: true }),
    ];
    for (const call of calls) {
      await expect(Promise.resolve().then(call)).rejects.toMatchObject({
        code: "INCONSISTENT_OUTPUT",
        argument: "F",
        message: expect.stringMatching(/^invalid F; expected a batch function returning \d+ values/),
      });
    }
    // Results of the wrong width (5 components instead of 6), nested or in a row.
    const narrow = (b: Float64Array): Float64Array[] => batchOf(F, 6)(b).map((v) => v.slice(0, 5));
    let first = true;
    const narrowLater = (b: Float64Array): Float64Array[] | Float64Array[] =>
      first ? ((first = false), batchOf(F, 6)(b)) : narrow(b);
    expect(() => sync.jacobian(narrowLater, x, { sparsity: band(6, 1), batch: true })).toThrow(
      expect.objectContaining({ code: "INCONSISTENT_OUTPUT", argument: "F" }) as Error,
    );
    const hShort = (b: Float64Array): number[] => batchOf(rosen, 6)(b).slice(1);
    expect(() => sync.hessian(hShort, x, { sparsity: band(6, 1), batch: true })).toThrow(
      expect.objectContaining({ code: "INCONSISTENT_OUTPUT", argument: "f" }) as Error,
    );
  });

  it("a batch F returning something else than an array throws NON_NUMERIC_RESULT naming F", () => {
    const bad = (): unknown => ({ length: 3 });
    expect(() => sync.jacobian(bad as sync.BatchVecFn, x, { sparsity: band(6, 1), batch: true })).toThrow(
      expect.objectContaining({ code: "NON_NUMERIC_RESULT", argument: "F" }) as Error,
    );
  });

  it("concurrency that is not a positive integer throws INVALID_OPTION naming it", async () => {
    for (const concurrency of [0, -1, 1.5, NaN, Infinity, "2"]) {
      const o = { concurrency: concurrency as number };
      await expect(
        async.jacobian(async (v: Float64Array) => F(v), x, { ...o, sparsity: band(6, 1) }),
      ).rejects.toMatchObject({
        code: "INVALID_OPTION",
        argument: "concurrency",
      });
      await expect(
        async.hessian(async (v: Float64Array) => rosen(v), x, { ...o, sparsity: band(6, 1) }),
      ).rejects.toMatchObject({
        code: "INVALID_OPTION",
        argument: "concurrency",
      });
    }
  });

  it("a bad pattern is refused naming sparsity, in numdiff/async too", async () => {
    await expect(
      async.jacobian(async (v: Float64Array) => F(v), x, { sparsity: [[0, 9]] }),
    ).rejects.toMatchObject({
      code: "INVALID_SPARSITY",
      argument: expect.stringMatching(/^sparsity/),
    });
    await expect(
      async.hessian(async (v: Float64Array) => rosen(v), x, {
        sparsity: "detect",
      } as unknown as sync.SparseHessianOptions),
    ).rejects.toMatchObject({ code: "INVALID_SPARSITY", argument: "sparsity" });
  });

  it("an AbortSignal rejects with its reason, and F is not called after it", async () => {
    for (const sparsity of [band(6, 1), "detect" as const]) {
      const controller = new AbortController();
      let calls = 0;
      let after = 0;
      const slow = async (v: Float64Array): Promise<Float64Array> => {
        if (controller.signal.aborted) after++;
        if (++calls === 5) controller.abort(new Error("stop"));
        await new Promise((r) => setTimeout(r, 0));
        return F(v);
      };
      await expect(
        async.jacobian(slow, x, { sparsity, signal: controller.signal, concurrency: 2 }),
      ).rejects.toThrow("stop");
      await new Promise((r) => setTimeout(r, 5));
      expect(after).toBe(0);
      expect(calls).toBeLessThanOrEqual(6); // the call in flight alongside the fifth, at most
    }
    const controller = new AbortController();
    controller.abort(new Error("before"));
    let called = 0;
    await expect(
      async.hessian(async (v: Float64Array) => (called++, rosen(v)), x, {
        sparsity: band(6, 1),
        signal: controller.signal,
      }),
    ).rejects.toThrow("before");
    expect(called).toBe(0);
  });
});
