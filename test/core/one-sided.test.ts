import { describe, expect, it } from "vitest";
import { derivative, jacobian, type DerivativeOptions } from "../../src/core/index.js";
import { CHANCE_CALM_RATIO, ONE_SIDED_CHECK_ORDER } from "../../src/core/constants.js";
import { oneSidedCheckStep } from "../../src/core/noise-check.js";
import { Tableau } from "../../src/core/tableau.js";

/**
 * Truths are closed forms evaluated in double precision (a few ulps); an estimate is honest when its
 * true error is within its error estimate plus that slack, 8·EPS·|truth|.
 */
const TRUTH_SLACK = 8 * Number.EPSILON;

function expectHonest(f: (t: number) => number, x: number, o: DerivativeOptions, truth: number): void {
  const r = derivative(f, x, o);
  const label = `${String(f)} at ${x} ${JSON.stringify(o)}: ${r.value} ± ${r.error} (${r.status}), truth ${truth}`;
  expect(r.status, label).toBe("ok");
  expect(Math.abs(r.value - truth), label).toBeLessThanOrEqual(r.error + TRUTH_SLACK * Math.abs(truth));
}

const runge = (t: number): number => 1 / (1 + t * t);
/** (1/(1 + t²))‴ = 24t(1 − t²)/(1 + t²)⁴. */
const runge3 = (t: number): number => (24 * t * (1 - t * t)) / (1 + t * t) ** 4;
/** tanh′ = sech², written with cosh so that it keeps its digits where tanh rounds to ±1. */
const tanh1 = (t: number): number => 1 / Math.cosh(t) ** 2;

describe("one-sided derivatives on smooth f are honest (Tableau.allPowers, driver.ts pastCalm)", () => {
  // The honesty scan's confident misses on main: 0.0840261 ± 1.7e-8 (off 2,919×), 0.999773 ± 2.9e-7
  // (3,595×), −0.4709748 ± 1.1e-8 (1,456×), 4.4545174 ± 2.0e-7 (107×), 0.99999769208541 ± 1.1e-14 (43×).
  // [name, f, x, options, the closed form of the derivative asked for]
  const back = (order: number): DerivativeOptions => ({ method: "backward", order });
  const fore = (order: number): DerivativeOptions => ({ method: "forward", order });
  it.each([
    ["sin⁗ backward at −12.48", Math.sin, -12.482296295742007, back(4), Math.sin],
    ["cos⁗ forward at −0.0507", Math.cos, -0.050684431434142634, fore(4), Math.cos],
    ["cos⁗ backward at −41.92", Math.cos, -41.92108790334523, back(4), Math.cos],
    ["(1/(1 + t²))‴ backward at 0.2561", runge, 0.25609858011386316, back(3), runge3],
    ["tanh′ forward at −0.00152", Math.tanh, -0.00151918321985712, fore(1), tanh1],
  ] as const)("%s: the error covers the truth", (_name, f, x, o, truthOf) => {
    expectHonest(f, x, o, truthOf(x));
  });

  it("a chance agreement of two rows does not cost the estimate its accuracy (cos⁗ forward at −0.0507)", () => {
    // Its base differences change by 3.1e-3 and then by 3.0e-6: the leading terms cancel between the
    // two steps. The row after that calm is not taken for a step too large, so the good entry stays.
    expect(CHANCE_CALM_RATIO).toBe(16);
    const r = derivative(Math.cos, -0.050684431434142634, { method: "forward", order: 4 });
    // Before the calm rule: 1.0105 ± 0.14 in 25 calls. Its columns take 17 now, and the other side's
    // check (other-side.ts) 14 more.
    expect(r.error).toBeLessThan(1e-4);
    expect(r.evaluations).toBeLessThanOrEqual(31);
  });

  it("a one-sided tableau checks each entry against the row above, and does not trust its newest column", () => {
    // Base differences 1.5, 1.25, 1.25 at h = 1, 1/2, 1/4 (t = h): the last two agree by chance.
    const tab = new Tableau(1, 4);
    tab.allPowers = true;
    [1.5, 1.25, 1.25].forEach((d, i) => {
      tab.t[i] = 2 ** -i;
      tab.extend(0, i, d, 0);
    });
    // Column 1 of the newest row is 1.25, at distance 0 from both parents (Ridders' estimate: 0), and
    // 0.25 from column 1 of the row before (2·1.25 − 1.5 = 1).
    expect(tab.cur[1]).toBe(1.25);
    expect(tab.curError[1]).toBe(0.25);
    // Column 2 has no entry above it: not trusted.
    expect(tab.curError[2]).toBe(Infinity);
    expect([tab.rowValue, tab.rowError]).toEqual([1.25, 0.25]);
    // A central tableau (allPowers false) keeps Ridders' estimate alone.
    const central = new Tableau(1, 4);
    [1.5, 1.25, 1.25].forEach((d, i) => {
      central.t[i] = 4 ** -i;
      central.extend(0, i, d, 0);
    });
    expect(central.curError[1]).toBe(0);
  });

  it("sin, cos, exp, log1p and 1/(1 + t²) at 40 points each, orders 1–4, forward and backward: all honest", () => {
    // A fixed sequence of points (a 32-bit LCG), |x| up to 40 (log1p: x > 0).
    let seed = 12345;
    const next = (): number => {
      seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
      return seed / 2 ** 32;
    };
    const d4 = [
      (t: number) => Math.cos(t),
      (t: number) => -Math.sin(t),
      (t: number) => -Math.cos(t),
      (t: number) => Math.sin(t),
    ];
    const fns: [string, (t: number) => number, (t: number, n: number) => number, boolean][] = [
      ["sin", Math.sin, (t, n) => d4[n - 1](t), false],
      ["cos", Math.cos, (t, n) => d4[n - 1](t + Math.PI / 2), false],
      ["exp", Math.exp, (t) => Math.exp(t), false],
      // log1p⁽ⁿ⁾(t) = (−1)ⁿ⁺¹ (n − 1)! / (1 + t)ⁿ
      ["log1p", Math.log1p, (t, n) => ((n % 2 === 1 ? 1 : -1) * [1, 1, 2, 6][n - 1]) / (1 + t) ** n, true],
      ["runge", runge, (t, n) => [NaN, NaN, runge3(t), NaN][n - 1] ?? NaN, false],
    ];
    let judged = 0;
    for (const [, f, truthOf, positive] of fns) {
      for (let i = 0; i < 40; i++) {
        const u = next();
        const x = positive ? 0.1 + 20 * u : 80 * u - 40;
        for (const method of ["forward", "backward"] as const) {
          for (let order = 1; order <= 4; order++) {
            const truth = truthOf(x, order);
            if (Number.isNaN(truth)) continue;
            expectHonest(f, x, { method, order }, truth);
            judged++;
          }
        }
      }
    }
    expect(judged).toBe(40 * 2 * (4 * 4 + 1));
  });

  it("a forward Jacobian's entries are honest too (its columns take the same rules)", () => {
    // On main: J[0][0] = 0.9999976920854102 ± 1.1e-14, off 43×.
    const x = Float64Array.from([-0.00151918321985712, 0.3]);
    const J = jacobian((v: Float64Array) => [Math.tanh(v[0]), Math.cos(v[1])], x, { method: "forward" });
    const truth = [
      [tanh1(x[0]), 0],
      [0, -Math.sin(x[1])],
    ];
    for (let i = 0; i < 2; i++) {
      for (let j = 0; j < 2; j++) {
        const slack = TRUTH_SLACK * Math.abs(truth[i][j]);
        expect(Math.abs(J.value[i][j] - truth[i][j]), `J[${i}][${j}]`).toBeLessThanOrEqual(
          J.error[i][j] + slack,
        );
      }
    }
    expect(J.status).toBe("ok");
  });
});

describe("one-sided derivatives of f with noise get the noise check too (noise-check.ts, one-sided stencil)", () => {
  it("the check's step is EPS^(1/(n+1))/16 of the scale, for orders up to ONE_SIDED_CHECK_ORDER", () => {
    expect(oneSidedCheckStep(1, 1)).toBe(2 ** -30);
    expect(oneSidedCheckStep(2, 4)).toBe(2 ** -19);
    expect(ONE_SIDED_CHECK_ORDER).toBe(2);
  });

  // On main: 0.586334228515625 ± 1.4e-12 (off 971,957×) and 0.9995504593710072 ± 3.2e-15 (off 6×).
  it.each([
    [
      "float32 sin′ forward at 0.944",
      (t: number) => Math.fround(Math.sin(t)),
      0.9442718530240766,
      Math.cos(0.9442718530240766),
    ],
    [
      "(sin t + 0.02997…)′ forward at −0.02999 (cancellation)",
      (t: number) => Math.sin(t) - -0.029973346495443906,
      -0.029985807115390867,
      Math.cos(-0.029985807115390867),
    ],
  ] as const)("%s: noise-limited, and the error covers the truth", (_name, f, x, truth) => {
    const r = derivative(f, x, { method: "forward" });
    expect(r.status).toBe("noise-limited");
    expect(r.method).toBe("forward");
    expect(Math.abs(r.value - truth)).toBeLessThanOrEqual(r.error + TRUTH_SLACK * Math.abs(truth));
  });

  it("a smooth f passes the one-sided check: f′ backward of exp at 1 stays ok, its error below 1e-10 relative", () => {
    const r = derivative(Math.exp, 1, { method: "backward" });
    expect(r.status).toBe("ok");
    expect(Math.abs(r.value - Math.E)).toBeLessThanOrEqual(r.error);
    expect(r.error).toBeLessThan(1e-10 * Math.E);
  });
});

describe("a one-sided estimate that its noise check still misses, with no noise found, says so in its error", () => {
  it("exp t − 0.0026·|t − c| forward at c − 2e-8: the error covers f′ on x's side of the kink", () => {
    // The column's steps (≥ 1e-4) straddle the kink and see the far slope, e^x − 0.0026; the check's
    // step (2^-30) does not. On main: 1.0414286 ± 3.0e-7, status ok, where f′(x) = 1.0466210.
    const c = 0.043083183419301375;
    const x = c - 2e-8;
    const f = (t: number): number => Math.exp(t) - 0.0025962370311897985 * Math.abs(t - c);
    const r = derivative(f, x, { method: "forward" });
    const truth = Math.exp(x) + 0.0025962370311897985;
    expect(Math.abs(r.value - truth)).toBeLessThanOrEqual(r.error);
    expect(r.error).toBeLessThan(0.01);
  });
});
