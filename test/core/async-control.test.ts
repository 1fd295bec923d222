/**
 * What every function of numdiff/async shares: `concurrency` bounds the calls in flight and is
 * validated, an AbortSignal rejects with its reason and stops the calls, and onProgress reports as
 * each unit of work finishes (also with `batch: true` in the sync entry), as the sync loops do.
 */
import { describe, expect, it } from "vitest";
import * as sync from "../../src/core/index.js";
import * as async from "../../src/core/async/index.js";

type AsyncF = (x: Float64Array) => Promise<number>;
const tick = (): Promise<void> => new Promise((r) => setTimeout(r, 0));
const x = [0.5, 1, 2, 3];
const smooth = (p: Float64Array): number => Math.sin(p[0]) * p[1] + p[2] * p[3] ** 2;

/** Each async function that takes f, called on an async f of 4 variables. */
const CALLS: [string, (f: AsyncF, o: async.AsyncOptions & sync.MultivariateOptions) => Promise<unknown>][] = [
  [
    "derivative",
    (f, o) =>
      async.derivative(
        (t: number) => f(Float64Array.of(t, 1, 2, 3)),
        [0.5, 1, 2],
        o as sync.DerivativeOptions,
      ),
  ],
  ["partial", (f, o) => async.partial(f, x, 2, o)],
  ["gradient", (f, o) => async.gradient(f, x, o)],
  ["directionalDerivative", (f, o) => async.directionalDerivative(f, x, [1, 0, -1, 2], o)],
  ["jacobian", (f, o) => async.jacobian(async (p: Float64Array) => [await f(p), p[0]], x, o)],
  ["hessian", (f, o) => async.hessian(f, x, o)],
  ["checkGradient", (f, o) => async.checkGradient(f, (p) => [p[1], 0, 0, 0], x, o)],
];

describe("concurrency", () => {
  it.each(CALLS)(
    "%s keeps at most `concurrency` calls of f in flight, and uses them",
    async (_name, call) => {
      let inFlight = 0;
      let most = 0;
      const f: AsyncF = async (p) => {
        most = Math.max(most, ++inFlight);
        await tick();
        inFlight--;
        return smooth(p);
      };
      await call(f, { concurrency: 2 });
      expect(most).toBe(2);
    },
  );

  it.each(CALLS)(
    "%s throws INVALID_OPTION naming concurrency unless it is a positive integer",
    async (_n, call) => {
      for (const c of [0, -1, 1.5, NaN, Infinity, "2"]) {
        await expect(call(async (p) => smooth(p), { concurrency: c as number })).rejects.toMatchObject({
          code: "INVALID_OPTION",
          argument: "concurrency",
          message: expect.stringMatching(/^invalid concurrency; expected a positive integer, got /),
        });
      }
    },
  );
});

describe("signal", () => {
  it.each(CALLS)(
    "%s rejects with the signal's reason, and f is not called after the abort",
    async (_n, call) => {
      const controller = new AbortController();
      let calls = 0;
      const f: AsyncF = async (p) => {
        if (++calls === 3) controller.abort(new Error("stop"));
        await tick();
        return smooth(p);
      };
      await expect(call(f, { signal: controller.signal, concurrency: 1 })).rejects.toThrow("stop");
      for (let t = 0; t < 5; t++) await tick();
      expect(calls).toBe(3);
    },
  );

  it.each(CALLS)("%s rejects on abort while f hangs, and at once when already aborted", async (_n, call) => {
    const controller = new AbortController();
    let calls = 0;
    const hang: AsyncF = () => (calls++, new Promise<number>(() => undefined));
    const run = call(hang, { signal: controller.signal });
    await tick();
    controller.abort("gone");
    await expect(run).rejects.toBe("gone");
    calls = 0;
    await expect(call(hang, { signal: AbortSignal.abort("before") })).rejects.toBe("before");
    expect(calls).toBe(0);
  });
});

describe("onProgress during batched and async runs", () => {
  // A jump along x_3: its coordinate takes more rounds than the others, which finish first.
  const kinked = (p: Float64Array): number => smooth(p) + (p[3] > 3 ? 1 : 0);
  const batch = (b: Float64Array): Float64Array => {
    const out = new Float64Array(b.length / 4);
    for (let r = 0; r < out.length; r++) out[r] = kinked(b.subarray(4 * r, 4 * r + 4));
    return out;
  };
  const vectorOf =
    (f: sync.BatchFn) =>
    (b: Float64Array): number[][] =>
      Array.from(f(b), (v, r) => [v, b[4 * r]]);
  const RUNS: [string, number, (f: AsyncF | sync.BatchFn, o: sync.MultivariateOptions) => unknown][] = [
    ["sync gradient, batch: true", 4, (f, o) => sync.gradient(f as sync.BatchFn, x, { ...o, batch: true })],
    [
      "sync jacobian, batch: true",
      4,
      (f, o) => sync.jacobian(vectorOf(f as sync.BatchFn), x, { ...o, batch: true }),
    ],
    ["sync hessian, batch: true", 10, (f, o) => sync.hessian(f as sync.BatchFn, x, { ...o, batch: true })],
    ["async gradient", 4, (f, o) => async.gradient(f as AsyncF, x, o)],
    [
      "async jacobian",
      4,
      (f, o) => async.jacobian(async (p: Float64Array) => [await (f as AsyncF)(p), p[0]], x, o),
    ],
    ["async hessian", 10, (f, o) => async.hessian(f as AsyncF, x, o)],
    ["async gradient, batch: true", 4, (f, o) => async.gradient(f as sync.BatchFn, x, { ...o, batch: true })],
  ];

  it.each(RUNS)(
    "%s reports (1, total) … (total, total), the first before f's last call",
    async (name, total, run) => {
      let calls = 0;
      const counted = name.includes("batch")
        ? (b: Float64Array) => ((calls += b.length / 4), batch(b))
        : async (p: Float64Array) => (calls++, await tick(), kinked(p));
      const reports: [number, number, number][] = [];
      await run(counted, { onProgress: (done, all) => reports.push([done, all, calls]) });
      expect(reports.map(([d]) => d)).toStrictEqual(Array.from({ length: total }, (_, i) => i + 1));
      expect(reports.every(([, all]) => all === total)).toBe(true);
      expect(reports[0][2]).toBeLessThan(calls); // progress came during the run, not all at its end
    },
  );
});

describe("the rest of the sync options", () => {
  it("checkGradient with batch: true is the sync report, grad called once", () => {
    const f = (p: Float64Array): number => p[0] ** 2 * p[1];
    const batch = (b: Float64Array): Float64Array =>
      Float64Array.from({ length: b.length / 2 }, (_, r) => f(b.subarray(2 * r, 2 * r + 2)));
    let grads = 0;
    const grad = (p: Float64Array): number[] => (grads++, [2 * p[0] * p[1], p[0] ** 2]);
    const s = sync.checkGradient(f, grad, [3, 4]);
    const b = sync.checkGradient(batch, grad, [3, 4], { batch: true });
    expect({ ...b, evaluations: 0 }).toStrictEqual({ ...s, evaluations: 0 });
    expect(b.pass).toBe(true);
    expect(b.numerical[0]).toBeCloseTo(24, 12);
    expect(grads).toBe(2);
  });

  it("a batch f of the wrong length throws INCONSISTENT_OUTPUT naming f, in every new function", async () => {
    const short = (b: Float64Array): Float64Array => new Float64Array(Math.max(0, b.length / 2 - 1));
    expect(() => sync.hessian(short, [1, 2], { batch: true })).toThrow(
      /^invalid f; expected a batch function returning \d+ values/,
    );
    expect(() => sync.directionalDerivative(short, [1, 2], [1, 0], { batch: true })).toThrow(
      /^invalid f; expected a batch function returning \d+ values/,
    );
    for (const call of [
      () => async.hessian(async (b: Float64Array) => short(b), [1, 2], { batch: true, concurrency: 2 }),
      () => async.directionalDerivative(async (b: Float64Array) => short(b), [1, 2], [1, 0], { batch: true }),
      () =>
        async.checkGradient(
          async (b: Float64Array) => short(b),
          () => [0, 0],
          [1, 2],
          { batch: true },
        ),
    ]) {
      await expect(call()).rejects.toMatchObject({ code: "INCONSISTENT_OUTPUT", argument: "f" });
    }
  });

  it("an F of one component is a vector F, async and batched, dense and sparse", async () => {
    const F = (p: Float64Array): number[] => [p[0] ** 2 * p[1]];
    const block = (b: Float64Array): number[][] =>
      Array.from({ length: b.length / 2 }, (_, r) => F(b.subarray(2 * r)));
    const want = sync.jacobian(F, [3, 2]);
    expect(want.value[0][0]).toBeCloseTo(12, 9);
    for (const o of [
      {},
      {
        sparsity: [
          [0, 0],
          [0, 1],
        ] as [number, number][],
      },
    ]) {
      const s = sync.jacobian(F, [3, 2], o as object);
      const runs = [
        sync.jacobian(block, [3, 2], { ...o, batch: true }),
        await async.jacobian(async (p: Float64Array) => F(p), [3, 2], o as object),
        await async.jacobian(async (b: Float64Array) => block(b), [3, 2], { ...o, batch: true }),
      ];
      for (const r of runs) expect({ ...r, evaluations: 0 }).toStrictEqual({ ...s, evaluations: 0 });
    }
  });

  it("sparsity in numdiff/async is the sync sparse result (no longer refused)", async () => {
    const j = await async.jacobian(async (p: Float64Array) => [p[0] ** 2], [3], { sparsity: [[0, 0]] });
    expect(j).toStrictEqual(sync.jacobian((p: Float64Array) => [p[0] ** 2], [3], { sparsity: [[0, 0]] }));
    const h = await async.hessian(async (p: Float64Array) => p[0] ** 3, [2], { sparsity: [[0, 0]] });
    const s = sync.hessian((p: Float64Array) => p[0] ** 3, [2], { sparsity: [[0, 0]] });
    expect({ ...h, evaluations: 0 }).toStrictEqual({ ...s, evaluations: 0 });
    expect(h.value[0]).toBeCloseTo(12, 9);
  });
});
