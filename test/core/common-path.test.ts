import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { COMMON_PATH_PROBE, derivativeCommon } from "../../src/core/common-path.js";
import { derivativeViaPipeline } from "../../src/core/derivative.js";
import { derivative, NumdiffError, STATUSES, type DerivativeResult, type Fn1 } from "../../src/core/index.js";
import { resolveOptions } from "../../src/core/validate.js";
import { expectSameBits } from "./same-bits.js";

/**
 * derivative(f, x) through the scalar pipeline (derivative-pipeline.ts), never the common path: the
 * reference both derivative(f, xs) and derivative(f, x) on the common path must equal bit for bit.
 */
const viaPipeline = (f: Fn1, x: number): DerivativeResult =>
  derivativeViaPipeline(f, x, resolveOptions(undefined, x));

/** Deterministic noise in [-1, 1) from x (a hash of its value, as the hostile set's). */
function hashNoise(x: number): number {
  const s = Math.sin(x * 12.9898 + 78.233) * 43758.5453;
  return 2 * (s - Math.floor(s)) - 1;
}

/**
 * Functions on and off derivative()'s common path: smooth ones (which stay on it), and every kind that
 * leaves it (kinks, jumps, poles, domain edges, noise, float32, constants, aliasing at large |x|).
 */
const FUNCTIONS: Record<string, Fn1> = {
  sin: Math.sin,
  exp: Math.exp,
  log: Math.log,
  sqrt: Math.sqrt,
  abs: Math.abs,
  reluNear: (t) => Math.max(0, t - 1e-9),
  floor: Math.floor,
  sign: Math.sign,
  reciprocal: (t) => 1 / t,
  xAbsX: (t) => t * Math.abs(t),
  constant: () => 3,
  linear: (t) => 2 * t + 1,
  float32Exp: (t) => Math.fround(Math.exp(Math.fround(t))),
  noisySquare: (t) => t * t * (1 + 1e-10 * hashNoise(t)),
  tan: Math.tan,
  sinc: (t) => Math.sin(t) / t,
  fastCos: (t) => Math.cos(1000 * t),
  // An even pole at 2 under a large cubic: the noise check's even part leaves the path (even-pole.ts).
  evenPoleAt2: (t) => 1e4 * t * t * t + 1e-3 / ((t - 2) * (t - 2)),
  // A pole 8.5 beside 1e5 whose term the long steps at 1e5 miss (long-steps.ts).
  poleBeside1e5: (t) => t * t * t - 3000 / ((t - 99991.5) * (t - 99991.5)),
};

/** Points of every kind: ordinary, large, tiny, subnormal, zeros, powers of two, and not finite. */
const POINT = fc.oneof(
  fc.double({ min: -10, max: 10, noNaN: true }),
  fc.double({ min: -1e6, max: 1e6, noNaN: true }),
  fc.double({ noNaN: false }),
  fc.double({ min: -1e-300, max: 1e-300, noNaN: true }),
  fc.constantFrom(0, -0, 1, -1, 2, 0.5, 2 ** -6, 2 ** -7, 1e-9, 100, 401.79, 1e5, Number.MAX_VALUE),
  fc.constantFrom(-Number.MAX_VALUE, Number.MIN_VALUE, NaN, Infinity, -Infinity, 1e300, -1e15),
);

describe("derivative(f, xs) on the common path", () => {
  it("entry i is the pipeline's at xs[i], bit for bit, as is derivative(f, xs[i]), for random x and every kind of f (fast-check)", () => {
    fc.assert(
      fc.property(fc.array(POINT, { minLength: 1, maxLength: 12 }), (xs) => {
        for (const [name, f] of Object.entries(FUNCTIONS)) {
          const r = derivative(f, xs);
          xs.forEach((x, i) => {
            const one = viaPipeline(f, x);
            const where = `${name} at ${x}`;
            expectSameBits(r.results[i], one, where);
            expectSameBits(derivative(f, x), one, `derivative(f, x): ${where}`);
            expect(Object.is(r.value[i], one.value), where).toBe(true);
            expect(Object.is(r.error[i], one.error), where).toBe(true);
            expect(Object.is(r.step[i], one.step), where).toBe(true);
            expect(STATUSES[r.statuses[i]], where).toBe(one.status);
          });
        }
      }),
      { numRuns: 60 },
    );
  });

  it("calls f once per point it counts: evaluations equal the loop's, and a point that leaves the path is not evaluated twice", () => {
    for (const [name, f] of Object.entries(FUNCTIONS)) {
      const xs = [-7.5, -1, -1e-12, 0, 1e-300, 0.3, 1, 3.25, 401.79, 1e5, NaN];
      let calls = 0;
      const counted = (t: number): number => (calls++, f(t));
      const r = derivative(counted, xs);
      const many = calls;
      calls = 0;
      const loop = xs.reduce((sum, x) => sum + viaPipeline(counted, x).evaluations, 0);
      expect(calls, name).toBe(loop);
      expect(r.evaluations, name).toBe(loop);
      expect(many, name).toBe(loop);
      calls = 0;
      const one = xs.reduce((sum, x) => sum + derivative(counted, x).evaluations, 0);
      expect(calls, `derivative(f, x): ${name}`).toBe(loop);
      expect(one, `derivative(f, x): ${name}`).toBe(loop);
    }
  });

  it("gives sin′ = cos within 1e-12 on [-10, 10], with the loop's statuses", () => {
    const xs = Float64Array.from({ length: 2001 }, (_, i) => -10 + i / 100);
    const r = derivative(Math.sin, xs);
    let worst = 0;
    xs.forEach((x, i) => (worst = Math.max(worst, Math.abs(r.value[i] - Math.cos(x)))));
    expect(worst).toBeLessThanOrEqual(1e-12);
    xs.forEach((x, i) => expect(STATUSES[r.statuses[i]]).toBe(viaPipeline(Math.sin, x).status));
    expect(r.results[1234]).toMatchObject({ method: "central", status: "ok" });
  });

  it("is taken for a plain f with a first derivative's default options only (its results are built when read)", () => {
    const lazy = (r: object): boolean =>
      typeof Object.getOwnPropertyDescriptor(r, "results")?.get === "function";
    expect(lazy(derivative(Math.sin, [1, 2]))).toBe(true);
    expect(lazy(derivative(Math.sin, new Float32Array([1, 2]), { order: 1, method: "auto" }))).toBe(true);
    expect(lazy(derivative(Math.sin, [1, 2], { order: 2 }))).toBe(false);
    expect(lazy(derivative(Math.sin, [1, 2], { rtol: 1e-8 }))).toBe(false);
    const batch = (t: Float64Array): Float64Array => t.map(Math.sin);
    expect(lazy(derivative(batch, [1, 2], { batch: true }))).toBe(false);
  });

  it("after a run of departures tries the common path again: a smooth stretch of xs takes it (same bits)", () => {
    // Noisy left of 0, smooth right of it: 40 points each.
    const f = (t: number): number => (t < 0 ? t * t * (1 + 1e-10 * hashNoise(t)) : Math.exp(t));
    const xs = Float64Array.from({ length: 80 }, (_, i) => -4 + 0.1 * i + 0.05);
    const out = derivativeCommon(f, xs, undefined);
    const smoothDeparted = [...out.departed.keys()].filter((i) => xs[i] > 0).length;
    expect(smoothDeparted).toBeLessThan(COMMON_PATH_PROBE); // at most the stretch before the next probe
    const r = derivative(f, xs);
    xs.forEach((x, i) => expectSameBits(r.results[i], viaPipeline(f, x), `at ${x}`));
  });

  it("builds results on first access, the same objects on every access", () => {
    const r = derivative(Math.exp, [0, 1, Math.log(0)]);
    const first = r.results;
    expect(r.results).toBe(first);
    expect(JSON.parse(JSON.stringify(r)).results).toHaveLength(3); // enumerable, as a data property
    const copy = { ...r };
    r.results = []; // writable, as the documented shape says
    expect(r.results).toEqual([]);
    expect(copy.results).toBe(first);
    expect(first).toHaveLength(3);
    expect(first[1]).toMatchObject({ method: "central", status: "ok" });
    expect(Math.abs(first[1].value - Math.E)).toBeLessThan(1e-12 * Math.E);
    expect(first[2].status).toBe("not-finite"); // x = -Infinity left the path
  });

  it("leaves the caller's array unchanged and passes f's exceptions and non-numbers on", () => {
    const xs = new Float64Array([0.5, 1.5]);
    derivative(Math.log, xs);
    expect(xs).toStrictEqual(new Float64Array([0.5, 1.5]));
    expect(() =>
      derivative(
        (t: number) => {
          if (t > 1) throw new RangeError("boom");
          return t;
        },
        [0, 2],
      ),
    ).toThrow(RangeError);
    expect(() => derivative((() => "a") as unknown as Fn1, [1])).toThrow(NumdiffError);
    expect(() => derivative((() => "a") as unknown as Fn1, [1])).toThrow(/NON_NUMERIC|returning numbers/);
  });

  it("is reentrant: an f that itself takes derivatives at many points gets the same bits", () => {
    const inner = (t: number): number => derivative(Math.sin, [t, 2 * t]).value[1];
    const xs = [0.3, 0.7];
    const r = derivative(inner, xs);
    xs.forEach((x, i) => expectSameBits(r.results[i], viaPipeline(inner, x), `inner at ${x}`));
    // An outer f whose estimates carry larger errors than the inner ones: state shared between the
    // two calls (the kept estimate, the tableau) would leak the inner values into the outer result.
    const big = (t: number): number => 1e6 * Math.exp(t) + derivative(Math.sin, [0.5 + 1e-3 * t]).value[0];
    const ys = [1, 2.5];
    const s = derivative(big, ys);
    ys.forEach((y, i) => expectSameBits(s.results[i], derivative(big, y), `big at ${y}`));
    expect(Math.abs(s.value[0] - (1e6 * Math.E - 1e-3 * Math.sin(0.501)))).toBeLessThan(1e-6);
    // With shared state the outer points saw the inner tableau and fell back to the scalar pipeline.
    expect(derivativeCommon(big, new Float64Array(ys), undefined).departed.size).toBe(0);
  });

  it("options off the common path (order, bounds, tolerances, noise, budget, method) give the loop's bits", () => {
    const xs = [0.2, 1, 3];
    const cases = [
      { order: 2 },
      { bounds: [0, 4] as [number, number] },
      { rtol: 1e-6 },
      { noise: 1e-12 },
      { noise: { relative: 0 } },
      { maxEvaluations: 6 },
      { method: "forward" as const },
    ];
    for (const options of cases) {
      const r = derivative(Math.log, xs, options);
      xs.forEach((x, i) =>
        expectSameBits(r.results[i], derivative(Math.log, x, options), JSON.stringify(options)),
      );
    }
  });
});
