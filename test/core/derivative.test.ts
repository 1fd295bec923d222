import { describe, expect, it } from "vitest";
import { derivative, NumdiffError, type Accuracy } from "../../src/core/index.js";

const function1 = (x: number): number => 0.01 * x ** 2 + 0.1 * x;

function relErr(a: number, b: number): number {
  return Math.abs(a - b) / Math.max(Math.abs(b), Number.MIN_VALUE);
}

describe("derivative with a fixed step", () => {
  it("central with h = 1e-4 gives the book's bits at 5 and 10", () => {
    expect(derivative(function1, 5, { method: "central", step: 1e-4 }).value).toBe(0.1999999999990898);
    expect(derivative(function1, 10, { method: "central", step: 1e-4 }).value).toBe(0.2999999999986347);
  });

  it("uses exactly one stencil: 2 evaluations for central, error NaN, step as given", () => {
    const r = derivative(function1, 5, { method: "central", step: 1e-4 });
    expect(r).toMatchObject({ evaluations: 2, step: 1e-4, method: "central" });
    expect(r.error).toBeNaN();
  });

  it("higher accuracy stencils reduce the truncation error as h^p", () => {
    const h = 0.01;
    const e2 = relErr(derivative(Math.exp, 1, { method: "central", step: h, accuracy: 2 }).value, Math.E);
    const e4 = relErr(derivative(Math.exp, 1, { method: "central", step: h, accuracy: 4 }).value, Math.E);
    expect(e2).toBeGreaterThan(1e-6);
    expect(e2).toBeLessThan(2e-5); // h²/6
    expect(e4).toBeLessThan(1e-9); // h⁴/30
  });

  it("forward with a fixed step is by default the plain forward difference (f(x+h) - f(x)) / h", () => {
    const f = (x: number) => 0.01 * x ** 2 + 0.1 * x;
    const r = derivative(f, 5, { method: "forward", step: 1e-4 });
    expect(r.evaluations).toBe(2);
    expect(r.value).toBe((f(5 + 1e-4) - f(5)) / 1e-4);
    expect(() => derivative(f, 5, { method: "central", step: 1e-4, accuracy: 1 })).toThrow(/accuracy/);
  });

  it("forward and backward stencils evaluate only on their side", () => {
    const seen: number[] = [];
    const f = (x: number) => (seen.push(x), Math.exp(x));
    derivative(f, 1, { method: "forward", step: 0.1, accuracy: 2 });
    expect(Math.min(...seen)).toBe(1);
    seen.length = 0;
    derivative(f, 1, { method: "backward", step: 0.1, accuracy: 2 });
    expect(Math.max(...seen)).toBe(1);
  });
});

describe("derivative, default method", () => {
  const table: [string, (x: number) => number, number, number, number, number][] = [
    // name, f, x, order, exact, tolerance (relative)
    ["the seed's function at 5", function1, 5, 1, 0.2, 1e-14],
    ["exp at 1", Math.exp, 1, 1, Math.E, 1e-13],
    ["log at 1e-12 (steps relative to x)", Math.log, 1e-12, 1, 1e12, 1e-12],
    ["exp at 1e-12 (steps relative to 1)", Math.exp, 1e-12, 1, 1.000000000001, 1e-13],
    ["log at 1e10", Math.log, 1e10, 1, 1e-10, 1e-12],
    ["1e21·exp at 1 (large f)", (x) => 1e21 * Math.exp(x), 1, 1, 1e21 * Math.E, 1e-13],
    ["1e-10·sin at 1 (small f)", (x) => 1e-10 * Math.sin(x), 1, 1, 1e-10 * Math.cos(1), 1e-13],
    ["sin(100x) at 1 (high frequency)", (x) => Math.sin(100 * x), 1, 1, 100 * Math.cos(100), 1e-12],
    ["exp'' at 1", Math.exp, 1, 2, Math.E, 1e-10],
    ["exp''' at 1", Math.exp, 1, 3, Math.E, 1e-8],
    ["exp'''' at 1", Math.exp, 1, 4, Math.E, 1e-6],
  ];
  for (const [name, f, x, order, exact, tol] of table) {
    it(`is within ${tol} relative: ${name}`, () => {
      const r = derivative(f, x, { order });
      expect(relErr(r.value, exact)).toBeLessThan(tol);
      expect(Number.isFinite(r.error)).toBe(true);
    });
  }

  it("can be nested: the derivative of a derivative is the second derivative (to 1e-8)", () => {
    const d1 = (t: number) => derivative(Math.exp, t).value;
    const r = derivative(d1, 1);
    expect(relErr(r.value, Math.E)).toBeLessThan(1e-8);
    expect(relErr(derivative(Math.exp, 1).value, Math.E)).toBeLessThan(1e-13); // state left clean
  });

  it("counts every call of f exactly", () => {
    let calls = 0;
    const r = derivative((x) => (calls++, Math.sin(x)), 0.7);
    expect(r.evaluations).toBe(calls);
  });

  it("goes one-sided when f is NaN on one side: sqrt at 0 is forward, and its infinite derivative is not-finite", () => {
    const r = derivative(Math.sqrt, 0);
    expect(r.method).toBe("forward");
    expect(r).toMatchObject({ value: NaN, error: Infinity, status: "not-finite" });
    // The same growth at the right end of acos's domain, and none where the derivative is finite.
    expect(derivative(Math.acos, 1)).toMatchObject({ method: "backward", status: "not-finite" });
    expect(derivative((x) => x, Number.MAX_VALUE)).toMatchObject({ value: 1, status: "ok" });
    expect(Math.abs(derivative(Math.sqrt, 1e-300).value - 5e149)).toBeLessThan(1e-12 * 5e149);
  });

  it("goes one-sided at x = 1 for x ↦ (1-x)^1.5 (NaN right of 1): backward, finite, near 0", () => {
    // Not smooth at the edge (a half-integer power): the estimate converges like sqrt(h) only.
    const r = derivative((x) => (1 - x) ** 1.5, 1);
    expect(r.method).toBe("backward");
    expect(Math.abs(r.value)).toBeLessThan(1e-3);
    expect(Number.isFinite(r.error)).toBe(true);
  });

  it("one-sided at an edge where f is smooth on the good side is accurate to 1e-10", () => {
    const f = (x: number) => (x < 0 ? NaN : Math.exp(x));
    const r = derivative(f, 0);
    expect(r.method).toBe("forward");
    expect(Math.abs(r.value - 1)).toBeLessThan(1e-10);
    expect(r.error).toBeGreaterThanOrEqual(Math.abs(r.value - 1));
  });

  it("never evaluates outside bounds", () => {
    const seen: number[] = [];
    const r = derivative((x) => (seen.push(x), Math.cos(x)), 0, { bounds: [0, 2] });
    expect(Math.min(...seen)).toBeGreaterThanOrEqual(0);
    expect(r.method).toBe("forward");
    expect(Math.abs(r.value)).toBeLessThan(1e-10);
  });
});

describe("derivative, special values", () => {
  it("x NaN gives value NaN and error NaN without throwing or calling f", () => {
    let calls = 0;
    const r = derivative(() => (calls++, 1), NaN);
    expect(r.value).toBeNaN();
    expect(r.error).toBeNaN();
    expect(calls).toBe(0);
  });
  it("±0 give cos(0) = 1 for sin", () => {
    expect(derivative(Math.sin, 0).value).toBeCloseTo(1, 14);
    expect(derivative(Math.sin, -0).value).toBeCloseTo(1, 14);
  });
  it("f infinite at x (1/x at 0) gives NaN with status not-finite, not a huge number", () => {
    const r = derivative((x) => 1 / x, 0);
    expect(r.value).toBeNaN();
    expect(r.error).toBe(Infinity);
    expect(r.status).toBe("not-finite");
  });
  it("a subnormal x gives sin'(x) = 1", () => {
    expect(relErr(derivative(Math.sin, 5e-324).value, 1)).toBeLessThan(1e-13);
  });
  it("x = ±1e300: x + h does not overflow", () => {
    for (const x of [1e300, -1e300]) {
      // log is ill-conditioned there: |f / (x f')| = log(1e300) ≈ 690, so about 690·EPS·(x/h) is lost,
      // with x/h = 32 at the first step and a factor of a few from the extrapolation: 690·EPS·128.
      const r = derivative((t) => Math.log(Math.abs(t)), x);
      expect(relErr(r.value, 1 / x)).toBeLessThan(690 * Number.EPSILON * 128);
      expect(r.error).toBeGreaterThanOrEqual(Math.abs(r.value - 1 / x));
      const s = derivative((t) => t / 3, x);
      expect(relErr(s.value, 1 / 3)).toBeLessThan(1e-14);
    }
  });
});

describe("derivative, bad setup", () => {
  const bad: [string, () => unknown, string][] = [
    ["f not a function", () => derivative(3 as unknown as (x: number) => number, 1), "INVALID_FUNCTION"],
    ["x not a number", () => derivative(Math.sin, "1" as unknown as number), "INVALID_POINT"],
    ["order 0", () => derivative(Math.sin, 1, { order: 0 }), "INVALID_ORDER"],
    ["order 1.5", () => derivative(Math.sin, 1, { order: 1.5 }), "INVALID_ORDER"],
    ["order NaN", () => derivative(Math.sin, 1, { order: NaN }), "INVALID_ORDER"],
    ["method unknown", () => derivative(Math.sin, 1, { method: "upwind" as "auto" }), "INVALID_METHOD"],
    ["step 0", () => derivative(Math.sin, 1, { step: 0 }), "INVALID_STEP"],
    ["step negative", () => derivative(Math.sin, 1, { step: -1 }), "INVALID_STEP"],
    ["step Infinity", () => derivative(Math.sin, 1, { step: Infinity }), "INVALID_STEP"],
    ["accuracy 3", () => derivative(Math.sin, 1, { accuracy: 3 as Accuracy }), "INVALID_ACCURACY"],
    ["bounds empty", () => derivative(Math.sin, 1, { bounds: [2, 1] }), "INVALID_BOUNDS"],
    ["bounds without x", () => derivative(Math.sin, 5, { bounds: [0, 1] }), "INVALID_BOUNDS"],
    [
      "fixed step leaving bounds",
      () => derivative(Math.sin, 0.5, { step: 1, bounds: [0, 1] }),
      "INVALID_STEP",
    ],
    ["f returns a string", () => derivative(() => "1" as unknown as number, 1), "NON_NUMERIC_RESULT"],
  ];
  for (const [name, call, code] of bad) {
    it(`throws NumdiffError ${code}: ${name}`, () => {
      let err: unknown;
      try {
        call();
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(NumdiffError);
      expect((err as NumdiffError).code).toBe(code);
      expect((err as NumdiffError).message).toMatch(/^invalid \w+; expected .+, got .+/);
    });
  }

  it("an exception thrown by f reaches the caller unchanged", () => {
    const boom = new RangeError("boom");
    expect(() =>
      derivative(() => {
        throw boom;
      }, 1),
    ).toThrow(boom);
  });
});
