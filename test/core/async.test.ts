import { describe, expect, it } from "vitest";
import * as sync from "../../src/core/index.js";
import { derivative, gradient, jacobian, partial } from "../../src/core/async/index.js";

const tick = (): Promise<void> => new Promise((r) => setTimeout(r, 0));
const FUNCTIONS: [string, (x: number) => number][] = [
  ["sin", Math.sin],
  ["log", Math.log],
  ["abs", Math.abs],
  ["jump", (x) => (x < 0.3 ? 0 : 1)],
  ["noisy", (x) => Math.sin(x) + 1e-10 * Math.sin(1e7 * x)],
  ["float32", (x) => Math.fround(Math.cos(x))],
  ["pole", (x) => 1 / x],
];
const POINTS = [-3, -1e-9, 0, 0.3, 1, 100, NaN];
const OPTIONS: sync.DerivativeOptions[] = [
  {},
  { order: 2 },
  { rtol: 1e-6 },
  { method: "central", step: 1e-4 },
];

function sameResult(a: sync.DerivativeResult, b: sync.DerivativeResult): void {
  for (const k of ["value", "error", "step", "status", "method", "noise"] as const)
    expect(b[k]).toStrictEqual(a[k]);
}

describe("numdiff/async", () => {
  it("derivative of an async f is the sync result bit for bit (values, errors, statuses, steps)", async () => {
    for (const [, f] of FUNCTIONS) {
      for (const o of OPTIONS) {
        const many = await derivative(async (x: number) => (await tick(), f(x)), POINTS, {
          ...o,
          concurrency: 3,
        });
        POINTS.forEach((x, i) =>
          sameResult(sync.derivative(f, x, o), (many as sync.DerivativesResult).results[i]),
        );
        sameResult(sync.derivative(f, 1, o), await derivative(f, 1, o));
      }
    }
  });

  it("a batched sync f gives the plain loop's bits, one call per round", () => {
    let calls = 0;
    const batch = (t: Float64Array): Float64Array => (calls++, t.map(Math.log));
    const r = sync.derivative(batch, POINTS, { batch: true });
    POINTS.forEach((x, i) => sameResult(sync.derivative(Math.log, x), r.results[i]));
    expect(r.value[4]).toBeCloseTo(1, 12);
    expect(sync.STATUSES[r.statuses[2]]).toBe("not-finite"); // log at 0: a pole
    expect(calls).toBeLessThan(r.evaluations); // rounds, not points
  });

  it("gradient and partial of an async or batched f equal the sync ones", async () => {
    const f = (x: Float64Array): number => Math.sin(x[0]) * x[1] + Math.exp(x[2]) + Math.abs(x[3]);
    const x = [1, 2, 0.5, 0];
    const batch = (b: Float64Array): Float64Array => {
      const out = new Float64Array(b.length / 4);
      for (let r = 0; r < out.length; r++) out[r] = f(b.subarray(4 * r, 4 * r + 4));
      return out;
    };
    const s = sync.gradient(f, x);
    for (const g of [
      await gradient(async (p) => f(p), x),
      await gradient(batch, x, { batch: true, concurrency: 2 }),
      sync.gradient(batch, x, { batch: true }),
    ]) {
      expect(g.value).toStrictEqual(s.value);
      expect(g.error).toStrictEqual(s.error);
      expect(g.statuses).toStrictEqual(s.statuses);
    }
    expect(sync.STATUSES[s.statuses[3]]).toBe("not-differentiable");
    expect((await partial(async (p) => f(p), x, 1)).value).toBe(sync.partial(f, x, 1).value);
  });

  it("concurrency bounds the calls in flight", async () => {
    let inFlight = 0;
    let most = 0;
    const f = async (x: Float64Array): Promise<number> => {
      most = Math.max(most, ++inFlight);
      await tick();
      inFlight--;
      return x[0] ** 2 + x[1] ** 3;
    };
    const g = await gradient(f, [1, 2, 3, 4, 5, 6], { concurrency: 3 });
    expect(most).toBe(3);
    expect(g.value[1]).toBeCloseTo(12, 10);
  });

  it("concurrency that is not a positive integer throws INVALID_OPTION naming it", async () => {
    for (const c of [0, -1, 1.5, NaN, "2"]) {
      await expect(derivative(Math.sin, 1, { concurrency: c as number })).rejects.toMatchObject({
        code: "INVALID_OPTION",
        argument: "concurrency",
      });
    }
  });

  it("an AbortSignal rejects with its reason and f is not called again", async () => {
    const controller = new AbortController();
    let calls = 0;
    const f = async (x: Float64Array): Promise<number> => {
      if (++calls === 5) controller.abort(new Error("stop"));
      await tick();
      return x[0];
    };
    await expect(gradient(f, [1, 2, 3, 4], { signal: controller.signal, concurrency: 1 })).rejects.toThrow(
      "stop",
    );
    const after = calls;
    await tick();
    await tick();
    expect(calls).toBe(after);
    expect(after).toBe(5);
    await expect(derivative(Math.sin, 1, { signal: AbortSignal.abort("gone") })).rejects.toBe("gone");
  });

  it("a batch f that returns the wrong length throws INCONSISTENT_OUTPUT naming f", async () => {
    expect(() => sync.derivative((t: Float64Array) => t.subarray(1), [1, 2], { batch: true })).toThrow(
      /expected a batch function returning \d+ values/,
    );
    await expect(gradient(async () => [1], [1, 2], { batch: true })).rejects.toMatchObject({
      code: "INCONSISTENT_OUTPUT",
      argument: "f",
    });
  });

  it("an f whose Promise gives a non-number throws NON_NUMERIC_RESULT; f's own errors reach the caller", async () => {
    await expect(derivative(async () => "1" as unknown as number, 1)).rejects.toMatchObject({
      code: "NON_NUMERIC_RESULT",
    });
    await expect(derivative(async () => Promise.reject(new Error("boom")), 1)).rejects.toThrow("boom");
  });

  it("the caller's x is never changed", async () => {
    const x = new Float64Array([1, 2]);
    await gradient(async (p) => ((p[0] = 99), p[1]), x);
    expect(x).toStrictEqual(new Float64Array([1, 2]));
  });
});

describe("jacobian of an async or batched F", () => {
  const F = (x: Float64Array): number[] => [
    Math.sin(x[0]) * x[1],
    x[1] ** 2 + Math.log(x[0]),
    1 / x[2],
    Math.abs(x[0] - 1),
  ];
  const batchF = (b: Float64Array): number[][] =>
    Array.from({ length: b.length / 3 }, (_, r) => F(b.subarray(3 * r, 3 * r + 3)));
  const x = [1, 2, 0];
  for (const o of [
    {},
    { order: 2 },
    { method: "central" as const, step: 1e-4 },
    { method: "forward" as const, step: 1e-4 },
  ]) {
    it(`equals the sync Jacobian bit for bit (${JSON.stringify(o)})`, async () => {
      const s = sync.jacobian(F, x, o);
      const results = [
        await jacobian(async (p: Float64Array) => (await tick(), F(p)), x, { ...o, concurrency: 2 }),
        await jacobian(batchF, x, { ...o, batch: true }),
        sync.jacobian(batchF, x, { ...o, batch: true }),
      ];
      for (const r of results) {
        expect(r.value).toStrictEqual(s.value);
        expect(r.error).toStrictEqual(s.error);
        expect(r.statuses).toStrictEqual(s.statuses);
        expect(r.status).toBe(s.status);
      }
    });
  }

  it("a batched F whose rows have the wrong length throws INCONSISTENT_OUTPUT naming F", () => {
    expect(() => sync.jacobian((_b: Float64Array) => [[1, 2]], [1, 2], { batch: true })).toThrow(
      /INCONSISTENT_OUTPUT|expected a batch/,
    );
  });
});
