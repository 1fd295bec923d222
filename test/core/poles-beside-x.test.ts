import { describe, expect, it } from "vitest";
import { derivative as derivativeAsync } from "../../src/core/async/index.js";
import { derivativeViaPipeline } from "../../src/core/derivative.js";
import { derivative, jacobian, type Fn1 } from "../../src/core/index.js";
import { resolveOptions } from "../../src/core/validate.js";
import { expectSameBits } from "./same-bits.js";

/**
 * Poles beside x (and one at x) that gave confident wrong answers: the honesty scan's repros, with their
 * truths in closed form. g + a/(t − c)ᵏ has k-th … derivatives a·(−1)ⁿ·(k)ₙ/(t − c)^(k+n), (k)ₙ the
 * rising factorial.
 */
function poleTerm(a: number, c: number, k: 1 | 2, n: number, t: number): number {
  let rising = 1;
  for (let i = 0; i < n; i++) rising *= k + i;
  return (a * (n % 2 === 0 ? 1 : -1) * rising) / (t - c) ** (k + n);
}

/** The judgement of the honesty scan: the error covers the true error (with the truth's own rounding). */
function expectCovers(r: { value: number; error: number }, truth: number, name: string): void {
  expect(Math.abs(r.value - truth), name).toBeLessThanOrEqual(r.error + 1e-14 * Math.abs(truth));
}

describe("a pole beside x read as noise by the noise tables (pole-level.ts)", () => {
  // [g, g‴, a, c, x]: the scan's third derivatives that came out noise-limited with errors 1e8 to 1e13
  // times too small (atan + pole at −1: −10.18 ± 1.8e10 where f‴ = 2.8e20).
  const cases: [string, Fn1, Fn1, number, number, number][] = [
    [
      "atan",
      Math.atan,
      (t) => (6 * t * t - 2) / (1 + t * t) ** 3,
      -0.08688777913584136,
      -1.0000941626071729,
      -1,
    ],
    ["log", Math.log, (t) => 2 / t ** 3, -0.02138235052184655, 2266.452463685681, 2266.4519628448847],
    ["tanh", Math.tanh, () => 0, 2.7156725428538993, -39909.78798910664, -39909.788403282335],
    [
      "sqrt",
      Math.sqrt,
      (t) => 3 / (8 * t ** 2.5),
      -3.3327178255690706,
      0.11988924219622975,
      0.11989512545552086,
    ],
  ];
  for (const [name, g, g3, a, c, x] of cases) {
    it(`is resolved from steps below its distance, not taken for noise: f‴ of ${name} + a/(t − c)² at ${x}`, () => {
      const r = derivative((t) => g(t) + a / ((t - c) * (t - c)), x, { order: 3 });
      const truth = g3(x) + poleTerm(a, c, 2, 3, x);
      expect(r.status).toBe("ok");
      expectCovers(r, truth, name);
      // Resolved, not merely covered: good to 1e-6 relative.
      expect(r.error).toBeLessThan(1e-6 * Math.abs(truth));
    });
  }

  it("a noise level at a root of f (absolute noise beside f ≈ 0) is still noise", () => {
    // (The scan's noise cases near roots: f no larger in the table than at the first steps.)
    const noise = (t: number) => {
      const s = Math.sin(t * 12.9898 + 78.233) * 43758.5453;
      return 2 * (s - Math.floor(s)) - 1;
    };
    const r = derivative((t) => 1 / (1 + t * t) + 1.5e-7 * noise(t), 2797.3153539514774);
    expect(r.status).toBe("noise-limited");
    expectCovers(r, (-2 * 2797.3153539514774) / (1 + 2797.3153539514774 ** 2) ** 2, "noise");
  });
});

describe("an even pole at x under a large smooth term (even-pole.ts)", () => {
  const c = 20.532500130701273;
  const f = (t: number) => Math.exp(t) - 0.45950992043573147 / ((t - c) * (t - c));
  const g = (t: number) => 1e4 * t * t * t + 1e-3 / ((t - 5) * (t - 5));

  it("has no first derivative: not-finite (before: 8.26e8 ± 3e-5, ok)", () => {
    for (const [h, x] of [
      [f, c],
      [g, 5],
    ] as const) {
      const r = derivative(h, x);
      expect(r.status).toBe("not-finite");
      expect(r.value).toBeNaN();
      expect(r.error).toBe(Infinity);
    }
  });

  it("derivative(f, xs), the pipeline, the async loop and derivative(f, x) agree bit for bit", async () => {
    const xs = [c, 1, c, 20];
    const many = derivative(f, xs);
    for (let i = 0; i < xs.length; i++) {
      const one = derivativeViaPipeline(f, xs[i], resolveOptions(undefined, xs[i]));
      expectSameBits(many.results[i], one, `xs[${i}]`);
      expectSameBits(derivative(f, xs[i]), one, `derivative(f, ${xs[i]})`);
      const a = await derivativeAsync(async (t: number) => f(t), xs[i]);
      expect(Object.is(a.value, one.value) && Object.is(a.error, one.error), `async ${xs[i]}`).toBe(true);
      expect(a.status).toBe(one.status);
    }
    expect(many.results[1].status).toBe("ok");
  });
});

describe("a pole just beside x that both noise tables straddle", () => {
  it("is resolved by the column run on from the narrow table's reach (before: 1.72578e13 ± 1.9e5, ok)", () => {
    const p = 30.479283011938833;
    const a = -0.0263848272573093;
    const x = 30.479285823625673;
    const r = derivative((t) => Math.exp(t) + a / (t - p), x);
    const truth = Math.exp(x) + poleTerm(a, p, 1, 1, x);
    expectCovers(r, truth, "exp + a/(t − p)");
    expect(r.error).toBeLessThan(1e-6 * truth);
  });

  it("and so is the same term in a row of a large Jacobian (m ≥ 16), whose entry derivative() rechecks", () => {
    const p = 30.479283011938833;
    const a = -0.0263848272573093;
    const x = [30.479285823625673, -0.5973145916106866];
    const F = (v: Float64Array) =>
      Array.from({ length: 17 }, (_, k) =>
        k === 5
          ? Math.exp(v[0]) + a / (v[0] - p) + Math.atan(v[1])
          : Math.sin((k * v[0]) / 30) + Math.cos(k * v[1]),
      );
    const J = jacobian(F, x);
    expectCovers(
      { value: J.value[5][0], error: J.error[5][0] },
      Math.exp(x[0]) + poleTerm(a, p, 1, 1, x[0]),
      "J[5][0]",
    );
  });
});

describe("long steps at a large |x| that straddle a pole the probe's steps do not (long-steps.ts)", () => {
  const a = -2.8874495695562845;
  const p = -8439.935155369572;
  const x = -8431.415139668605;
  const f = (t: number) => t * t * t - 2 * t + a / ((t - p) * (t - p));
  const truth = 3 * x * x - 2 + poleTerm(a, p, 2, 1, x);

  it("keeps their value with an error that reaches the probe's interval (before: ± 1.2e-5, 770 times off)", () => {
    const r = derivative(f, x);
    expect(r.status).toBe("ok");
    expectCovers(r, truth, "t³ − 2t + a/(t − p)²");
    expect(r.error).toBeLessThan(1e-9 * truth);
  });

  it("derivative(f, xs) leaves its common path there and gives the pipeline's bits", () => {
    const xs = [x, 2, x];
    const many = derivative(f, xs);
    for (let i = 0; i < xs.length; i++)
      expectSameBits(
        many.results[i],
        derivativeViaPipeline(f, xs[i], resolveOptions(undefined, xs[i])),
        `xs[${i}]`,
      );
  });

  it("a smooth f at a large |x| keeps its long steps' sharp error", () => {
    const cube = derivative((t) => t * t * t, 1e4);
    expect(Math.abs(cube.value - 3e8)).toBeLessThanOrEqual(cube.error);
    expect(cube.error).toBeLessThan(1e-12 * 3e8);
    const log = derivative(Math.log, 1e5);
    expect(log.error).toBeLessThan(1e-11 * 1e-5);
    const third = derivative((t) => t * t * t, 3e4, { order: 3 });
    expect(third.error).toBeLessThan(1e-10);
  });

  it("a float32 f beside its pole: growth that stops further down is not an infinite derivative", async () => {
    // f32(1/(f32(t) − 0.5)) at 0.501: the first steps straddle the pole 1e-3 away, the central
    // difference grew like 1/h² there, and the result was NaN, "not-finite", for f′ = −1e6.
    const R = Math.fround;
    const f = (t: number): number => R(1 / R(R(t) - 0.5));
    const r = derivative(f, 0.501);
    expect(r.status).toBe("noise-limited");
    const truth = -1 / (0.501 - 0.5) ** 2; // the ideal f′: f is 1/(t − 0.5), rounded to float32
    expect(Math.abs(r.value - truth)).toBeLessThanOrEqual(r.error);
    expect(r.error).toBeLessThan(1e-3 * Math.abs(truth));
    expectSameBits(await derivativeAsync(async (t: number) => f(t), 0.501), r, "async");
    // A derivative infinite at x keeps growing at every step: still not finite.
    expect(derivative(Math.cbrt, 0).status).toBe("not-finite");
  });
});
