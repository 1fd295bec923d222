import { describe, expect, it } from "vitest";
import { checkGradient, gradient, STATUSES } from "../../src/core/index.js";
import { uncheckable } from "../../src/core/check-gradient.js";
import { statusCode } from "../../src/core/status.js";

// A component where the numerical gradient has no value (error +Infinity) admits every given value:
// it is no evidence against the given gradient (check-gradient.ts, uncheckable).

const step = (u: number): number => (u >= 0 ? 1 : 0);

describe("checkGradient where the numerical gradient has no value", () => {
  it("sign(x₀) + x₁² at 0: component 0 is unchecked, component 1 still decides", () => {
    const f = (x: Float64Array): number => Math.sign(x[0]) + x[1] ** 2;
    const right = checkGradient(f, () => [1, 6], [0, 3]);
    expect(right.pass).toBe(true);
    expect(Array.from(right.unchecked)).toEqual([0]);
    expect(right.relativeError[0]).toBeNaN();
    // a wrong component that can be checked still fails
    const wrong = checkGradient(f, () => [1, 7], [0, 3]);
    expect(wrong.pass).toBe(false);
    expect(Array.from(wrong.unchecked)).toEqual([0]);
  });

  it("the honesty scan's jump 2.4e-6 beside x (repro): a right gradient passes", () => {
    // (t => 1/(1 + t²) + 0.0223·sign(t − c)) at x₂ = c − 4.05e-6: the numerical component says
    // "discontinuous" (a jump within its steps), the other components are compared.
    const terms = [
      (t: number) => t * t * t - 2 * t + 0.027501983543917998 * step(t - -5.846435556002849e-11),
      (t: number) => Math.tanh(t) + 0.00001492610434686311 * step(t - -23.41613425208318),
      (t: number) => 1 / (1 + t * t) + 0.022257132620653028 * Math.sign(t - -0.002445688219761334),
    ];
    const f = (x: Float64Array): number => terms[0](x[0]) + terms[1](x[1]) + terms[2](x[2]);
    const x = [0, -23.418133443726916, -0.0024497380174894785];
    const truth = [-2, 1.8252725777391062e-20, 0.004899417229876894];
    const g = gradient(f, x);
    expect(STATUSES[g.statuses[2]]).toBe("discontinuous");
    const r = checkGradient(f, () => truth, x);
    expect(r.pass).toBe(true);
    expect(Array.from(r.unchecked)).toEqual([2]);
  });

  it("f not finite around x (1/x₀ at 0) still fails: there is no gradient to be right about", () => {
    const f = (x: Float64Array): number => 1 / x[0] + x[1] ** 2;
    const r = checkGradient(f, () => [1, 6], [0, 3]);
    expect(r.pass).toBe(false);
    expect(r.unchecked.length).toBe(0);
  });

  it("a finite error, however large, still bounds the difference (|x₀| at 0: slopes ±1)", () => {
    const f = (x: Float64Array): number => Math.abs(x[0]) + x[1] ** 2;
    expect(checkGradient(f, () => [1, 6], [0, 3]).pass).toBe(true);
    expect(checkGradient(f, () => [3.5, 6], [0, 3]).pass).toBe(false); // beyond twice the error (1)
  });

  it("uncheckable: only an error of +Infinity outside 'not-finite'", () => {
    expect(uncheckable(Infinity, statusCode("discontinuous"))).toBe(true);
    expect(uncheckable(Infinity, statusCode("not-differentiable"))).toBe(true);
    expect(uncheckable(Infinity, statusCode("not-finite"))).toBe(false);
    expect(uncheckable(NaN, statusCode("ok"))).toBe(false);
    expect(uncheckable(1e300, statusCode("not-differentiable"))).toBe(false);
  });
});
