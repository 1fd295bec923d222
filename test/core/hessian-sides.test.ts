/**
 * Hessian diagonals beside other coordinates' large terms, from the honesty scan (bench/honesty-scan.ts,
 * seed 1, api "hessian", main bff596a): a C1 join at x whose one-sided columns converged but agreed
 * only within the wider one's error (smoothness.ts, coverSide), and C1 joins 1e-10 to 1e-6 from x whose
 * f″ had no significant digit (jump-changes.ts, vagueSecond). The diagonal is derivative()'s order-2
 * pipeline along x_i, bit for bit; the sum's other terms (1e2 to 1e9 here) set the rounding its rows meet.
 */
import { describe, expect, it } from "vitest";
import { STATUSES, derivative, hessian } from "../../src/core/index.js";
import { coverSide } from "../../src/core/smoothness.js";
import { VAGUE_JUMP_ORDER, vagueJumps, vagueSecond } from "../../src/core/jump-changes.js";
import { runSync } from "../../src/core/column-steps.js";
import { Sampler } from "../../src/core/sampler.js";
import { expectHessianLoopsAgree } from "./hessian-bits.js";

const huber = (d: number) => (v: number) => (Math.abs(v) <= d ? 0.5 * v * v : d * (Math.abs(v) - 0.5 * d));
const xAbsX = (u: number): number => u * Math.abs(u);
const reluSquared = (u: number): number => Math.max(0, u) ** 2;
const coupling = (x: Float64Array): number => 0.25 * Math.atan(x[0]) * Math.atan(x[1]);
/** tanh″(t) = −2·tanh t·sech² t. */
const tanh2 = (t: number): number => -2 * Math.tanh(t) * (1 - Math.tanh(t) ** 2);

/** Whether an answer is honest as the scan judges it: a no-derivative status, or an interval holding every value. */
function honest(v: number, e: number, status: string, truths: number[]): boolean {
  if (status === "not-differentiable" || status === "discontinuous") return true;
  return truths.every((t) => Math.abs(v - t) <= e + 1e-9 * Math.abs(t));
}

describe("a Hessian diagonal at a C1 join at x beside a large term (coverSide)", () => {
  // tanh t + 0.0258·huber₁(t − c + 1) at its join t = c, beside x₀'s and x₁'s terms of 7.5e8.
  const c = 0.35976509495581477;
  const k = 0.025824407084400543;
  const f = (x: Float64Array): number =>
    coupling(x) +
    x[0] ** 3 -
    2 * x[0] +
    908690.2589629038 * xAbsX(x[0] + 920.5815816065868) +
    x[1] ** 3 -
    2 * x[1] +
    10241.582745453528 * xAbsX(x[1] - 307.4742391711443) +
    Math.tanh(x[2]) +
    k * huber(1)(x[2] - c + 1);
  const x = [-920.5815816065868, 307.4742391711443, c];

  it("holds both one-sided second derivatives (before: −0.59487 ± 0.00082, ok)", () => {
    const r = hessian(f, x);
    const [v, e, status] = [r.value[2][2], r.error[2][2], STATUSES[r.statuses[2][2]]];
    const left = tanh2(c) + k; // the quadratic piece of the Huber loss, left of its join
    const right = tanh2(c);
    expect(left).toBeCloseTo(-0.582057, 6);
    expect(right).toBeCloseTo(-0.607882, 6);
    expect(honest(v, e, status, [left, right]), `${v} ± ${e} (${status})`).toBe(true);
    // The central value (the sides' mean) stands; the error grows to reach the sides, no further.
    expect(v).toBeCloseTo((left + right) / 2, 3);
    expect(e).toBeLessThan(0.05);
  });

  it("coverSide reaches every converged side the central estimate misses, and only those", () => {
    const central = { value: -0.5949, error: 0.0021 };
    const backward = { value: -0.5819, error: 0.0057, diverging: false };
    const forward = { value: -0.6133, error: 0.1, diverging: false };
    expect(coverSide(central, backward, forward)).toBeCloseTo(0.013 + 0.0057, 12);
    const agreeing = { value: -0.5949, error: 0.0057, diverging: false };
    expect(coverSide(central, agreeing, forward)).toBeNull();
    const none = { value: NaN, error: NaN, diverging: false };
    expect(coverSide(central, none, none)).toBeNull();
    expect(coverSide({ value: 1, error: NaN }, backward, forward)).toBeNull();
  });
});

describe("Hessian diagonals at C1 joins 1e-10 to 1e-6 from x beside large terms (vagueSecond)", () => {
  // Before: each "ok" with no significant digit, the two sides' mean for one side's f″.
  const cases: { name: string; f: (x: Float64Array) => number; x: number[]; i: number; truth: number }[] = [
    {
      // −6.7e-6 ± 1.3e-5, ok; beside terms of 2.4e2
      name: "atan t + 0.024·u|u| with its join 1.7e-8 past x₀ = 0",
      f: (x) =>
        coupling(x) +
        Math.atan(x[0]) +
        0.024065923171370306 * xAbsX(x[0] - 1.7267343268835732e-8) +
        1 / (1 + x[1] * x[1]) -
        0.032780459401797774 * xAbsX(x[1] - 510.57937906290584) +
        Math.sqrt(x[2]) -
        0.06371230225655519 * xAbsX(x[2] - 56109.18097073805) +
        1 / (1 + x[3] * x[3]) -
        0.10465307452929437 * reluSquared(x[3] + 0.043440474390127264),
      x: [0, 510.57937906290584, 56109.18822391717, -0.043440474390127264],
      i: 0,
      truth: -2 * 0.024065923171370306, // atan″(0) = 0, the coupling's ∂²/∂x₀² = 0 at x₀ = 0
    },
    {
      // 3.7e-9 ± 5e-8, ok
      name: "tanh t − 0.0104·u|u| with its join 3.7e-11 past x₁ = 0",
      f: (x) =>
        coupling(x) +
        1 / (1 + x[0] * x[0]) -
        0.04867770260133478 * huber(2.3462610589378805)(x[0] + 2 * 2.3462610589378805) +
        Math.tanh(x[1]) -
        0.010353323028540537 * xAbsX(x[1] - 3.730305964137548e-11) +
        Math.cos(x[2]) +
        0.03425495916448392 * xAbsX(x[2] + 338.4262794028346) +
        1 / (1 + x[3] * x[3]) +
        0.18050425487675248 * reluSquared(x[3] + 0.3230564715336854),
      x: [-2.3462610599717895, 0, -338.4262794028346, -0.3231001093082493],
      i: 1,
      truth: 2 * 0.010353323028540537,
    },
    {
      // −3.1e-4 ± 8.8e-4, ok
      name: "t³ − 2t + 0.024·u|u| with its join 7.2e-7 past x₂ = 0",
      f: (x) =>
        coupling(x) +
        x[0] ** 3 -
        2 * x[0] +
        88.63750650326385 * huber(17.874818933111627)(x[0]) +
        Math.cos(x[1]) -
        0.014648288900846013 * xAbsX(x[1] - 3.0000000935699704) +
        x[2] ** 3 -
        2 * x[2] +
        0.02417916737668672 * xAbsX(x[2] - 7.246449011361506e-7),
      x: [17.874818933111627, 3, 0],
      i: 2,
      truth: -2 * 0.02417916737668672,
    },
  ];

  it("say discontinuous, or hold the truth", () => {
    for (const { name, f, x, i, truth } of cases) {
      const r = hessian(f, x);
      const [v, e, status] = [r.value[i][i], r.error[i][i], STATUSES[r.statuses[i][i]]];
      expect(honest(v, e, status, [truth]), `${name}: ${v} ± ${e} (${status})`).toBe(true);
      expect(status, name).not.toBe("ok"); // the sides' mean with no significant digit is no answer
    }
  });

  it("vagueJumps reads a join's growth above rounding, and not an odd f's rounding at 0", () => {
    const f = (t: number): number => 237 + Math.atan(t) + 0.024 * xAbsX(t - 1.7e-8);
    expect(runSync(vagueJumps(new Sampler(f), 0, 2))).toBe(true);
    expect(runSync(vagueJumps(new Sampler(Math.sin), -6.3e-18, 2))).toBe(false);
    expect(runSync(vagueJumps(new Sampler((t) => 237 + Math.atan(t)), 0, 2))).toBe(false);
  });

  it("vagueSecond marks an f″ of status ok with no significant digit, not 0", () => {
    expect(VAGUE_JUMP_ORDER).toBe(2);
    expect(vagueSecond(2, { status: "ok", value: -6.7e-6, error: 1.3e-5 })).toBe(true);
    expect(vagueSecond(2, { status: "ok", value: 0, error: 1.3e-5 })).toBe(false);
    expect(vagueSecond(2, { status: "ok", value: 0.5, error: 1e-9 })).toBe(false);
    expect(vagueSecond(2, { status: "noise-limited", value: -6.7e-6, error: 1.3e-5 })).toBe(false);
    expect(vagueSecond(1, { status: "ok", value: -6.7e-6, error: 1.3e-5 })).toBe(false);
  });

  it("leaves a smooth f″ with no significant digit beside a large term as it was", () => {
    // t³ − 2t at 1e-9 beside 1e12: f″ = 6e-9, lost in rounding; its differences do not grow.
    const r = derivative((t) => 1e12 + t * t * t - 2 * t, 1e-9, { order: 2 });
    expect(r.status).toBe("ok");
    expect(Math.abs(r.value - 6e-9)).toBeLessThanOrEqual(r.error);
    // sin″ at −6.3e-18 (FC_SEED 1434396226 of multivariate-properties): its second differences are
    // rounding alone, which grows like 1/h as a jump's would; none stands above rounding.
    const s = derivative(Math.sin, -6.319077544753894e-18, { order: 2 });
    expect(s.status).toBe("ok");
    expect(Math.abs(s.value - 6.319077544753894e-18)).toBeLessThanOrEqual(s.error);
    expect(s.error).toBeLessThan(1e-13);
  });
});

describe("derivative(f, xs) beside a C1 join (coverSide)", () => {
  it("covers f′ at points 1.6e-5 from a Huber join (before: −0.0228018 ± 5.5e-11, ok, off by 4.3e-9)", () => {
    const k = -0.007570030075252507;
    const c = 0.007633028757493919;
    const f = (t: number): number => 1 / (1 + t * t) + k * huber(1)(t - c + 1);
    const xs = [0.007616830480617126, 0.007616830510681243, 0.007616830342462038, 0.007616830534899259];
    const r = derivative(f, xs);
    xs.forEach((x, q) => {
      const truth = (-2 * x) / (1 + x * x) ** 2 + k * (x - c + 1); // left of the join: huber′(v) = v
      expect(Math.abs(r.value[q] - truth), `x = ${x}`).toBeLessThanOrEqual(
        r.error[q] + 1e-12 * Math.abs(truth),
      );
    });
  });
});

describe("a mixed entry whose terms cancel (the values' grid read before the rescaling)", () => {
  // cos, tanh and |t − c| terms summing to −5.5e-4 through partial sums near 2: each value of f lies on
  // ulp(2), far coarser than ulp(f). Kinks of x₀'s and x₁'s terms sit 3e-12 and 3e-10 from x (they
  // cancel in the mixed stencil). ∂²f/∂x₀∂x₁ = 0.25/((1 + x₀²)(1 + x₁²)).
  const f = (x: Float64Array): number =>
    coupling(x) +
    Math.cos(x[0]) -
    0.017090903143486037 * Math.abs(x[0] + 0.0040453832533226715) +
    Math.cos(x[1]) +
    0.538342240151954 * Math.abs(x[1] - 0.03200320393044208) +
    Math.tanh(x[2]) -
    0.07008894222390735 * Math.max(0, x[2] + 23015.463472087635) +
    Math.tanh(x[3]) +
    0.5253499214207283 * Math.max(0, x[3] + 684.5701945658384);
  const x = [-0.004045383250179779, 0.032003204238586005, -23015.46350936142, -684.5701946739632];
  const truth = 0.25 / (1 + x[0] ** 2) / (1 + x[1] ** 2);

  it("covers the truth (before: 0.24974012368018 ± 4.5e-14, ok, 1.6e-12 off)", () => {
    const r = hessian(f, x);
    const [v, e] = [r.value[0][1], r.error[0][1]];
    expect(Math.abs(v - truth), `${v} ± ${e}`).toBeLessThanOrEqual(e);
    expect(e).toBeLessThan(1e-9); // the grid's rounding at the entry's steps, not the noise of a kink
    expect(STATUSES[r.statuses[0][1]]).toBe("ok");
  });

  it("is the same bits with batch: true and in numdiff/async", async () => {
    await expectHessianLoopsAgree(f, x);
  });
});
