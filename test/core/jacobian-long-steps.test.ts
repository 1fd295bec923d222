import { describe, expect, it } from "vitest";
import { jacobian } from "../../src/core/index.js";
import { longStepsNoiseUnseen } from "../../src/core/jacobian-recheck.js";
import { jacobianJob } from "../../src/core/jacobian-job.js";
import { resolveMultivariate } from "../../src/core/vector.js";

/**
 * The honesty scan's large Jacobian (category "pole", seed 1) whose entry [6][0], of
 * t³ − 2t − 0.026/(t − c) + atan(x₁) at t = 11954.56 with c 0.0136 away, gave 428734829.6 ± 0.46,
 * noise-limited, 312 times short: from steps of 23 (the scale of |x₀|), whose share of the "noise" the
 * unit scale's even parts measured (the pole's, σ = 2.7) was its error. Its row's noise tables found
 * none. Truth: 3t² − 2 + 0.026/(t − c)², within an ulp or two in double (the error asserted is 1e3 times
 * larger).
 */
const F = (v: ArrayLike<number>): number[] => [
  ((t) => Math.tanh(t) + -0.06550582093956529 * ((u) => 1 / (u * u))(t - 11504.517904025863))(v[0]) +
    Math.atan(v[1]),
  ((t) => Math.tanh(t) + -1.0076539962543345 * ((u) => 1 / u)(t - 4))(v[1]) + Math.atan(v[2]),
  ((t) => Math.cos(t) + 0.0658793665792273 * ((u) => 1 / (u * u))(t - -175.82584767698475))(v[2]) +
    Math.atan(v[0]),
  ((t) => 1 / (1 + t * t) + 1.0029042307480591 * ((u) => 1 / (u * u))(t - 11954.562848312662))(v[0]) +
    Math.atan(v[1]),
  ((t) => Math.cos(t) + -0.017320975090188893 * ((u) => 1 / (u * u))(t - 3.999991946510976))(v[1]) +
    Math.atan(v[2]),
  ((t) => Math.atan(t) + 0.023166145031110266 * ((u) => 1 / u)(t - -176.43021583322826))(v[2]) +
    Math.atan(v[0]),
  ((t) => t * t * t - 2 * t + -0.026477186739355826 * ((u) => 1 / u)(t - 11954.55079010411))(v[0]) +
    Math.atan(v[1]),
  ((t) => Math.atan(t) + -1.2667187011719072 * ((u) => 1 / u)(t - 4.096054371529289))(v[1]) + Math.atan(v[2]),
  ((t) => Math.tanh(t) + 2.952525848878066 * ((u) => 1 / (u * u))(t - -176.40966204445732))(v[2]) +
    Math.atan(v[0]),
  ((t) => Math.atan(t) + -7.0069789617407165 * ((u) => 1 / (u * u))(t - 11807.184879589646))(v[0]) +
    Math.atan(v[1]),
  ((t) => Math.sqrt(t) + -0.02696307598862869 * ((u) => 1 / (u * u))(t - 4.026285366561754))(v[1]) +
    Math.atan(v[2]),
  ((t) => Math.tanh(t) + 0.0631617558442028 * ((u) => 1 / u)(t - -176.43193198423748))(v[2]) +
    Math.atan(v[0]),
  ((t) => t * t * t - 2 * t + -1.266695135069348 * ((u) => 1 / u)(t - 11954.597324123308))(v[0]) +
    Math.atan(v[1]),
  ((t) => Math.atan(t) + 0.30955464262940074 * ((u) => 1 / u)(t - 4.000001511007049))(v[1]) + Math.atan(v[2]),
  ((t) => Math.atan(t) + -0.8414295606152317 * ((u) => 1 / (u * u))(t - -174.80730724963436))(v[2]) +
    Math.atan(v[0]),
  ((t) => t * t * t - 2 * t + -0.017404685057497718 * ((u) => 1 / (u * u))(t - 11954.564422570926))(v[0]) +
    Math.atan(v[1]),
  ((t) => t * t * t - 2 * t + -3.0477810428554775 * ((u) => 1 / u)(t - 4.000000082436404))(v[1]) +
    Math.atan(v[2]),
  ((t) => Math.atan(t) + -0.034454618252327075 * ((u) => 1 / u)(t - -176.43193198423748))(v[2]) +
    Math.atan(v[0]),
  ((t) => 1 / (1 + t * t) + -3.2909687519578594 * ((u) => 1 / (u * u))(t - 11954.564422570926))(v[0]) +
    Math.atan(v[1]),
];
const x = [11954.564422570926, 4, -176.43193198423748];

describe("a large F's long steps beside a pole its probe took for noise", () => {
  it("covers the entry: computed again along x₀ by derivative()'s pipeline", () => {
    const a = -0.026477186739355826;
    const c = 11954.55079010411;
    const truth = 3 * x[0] ** 2 - 2 - a / (x[0] - c) ** 2;
    const r = jacobian(F, x);
    expect(r.error[6][0]).toBeGreaterThanOrEqual(Math.abs(r.value[6][0] - truth));
    expect(r.error[6][0]).toBeLessThan(1e3 * Math.max(Math.abs(r.value[6][0] - truth), 0.01));
  });
});

describe("longStepsNoiseUnseen", () => {
  const x0 = Float64Array.of(2e4);
  const job = jacobianJob(x0, resolveMultivariate(undefined, x0), new Float64Array(16).fill(1), true);
  job.rowTable.d = Float64Array.of(2 ** -21); // the tables ran
  const kept = (step: number, noise: number) => ({
    value: Float64Array.of(5),
    error: Float64Array.of(0.1),
    step: Float64Array.of(step),
    flags: Int8Array.of(0),
    noisyStep: Float64Array.of(NaN),
    noise: Float64Array.of(noise),
  });

  it("takes noise the row's tables did not see, under steps beyond ALIAS_STEP, for a feature", () => {
    expect(longStepsNoiseUnseen(job, kept(23, 2.7), 0)).toBe(true);
    expect(longStepsNoiseUnseen(job, kept(0.5, 2.7), 0)).toBe(false); // short steps
    expect(longStepsNoiseUnseen(job, kept(23, 0), 0)).toBe(false); // no noise seen
  });

  it("leaves noise within ROW_NOISE_AGREEMENT (8) times the row's level", () => {
    job.rowNoise = new Float64Array(16).fill(0.5);
    expect(longStepsNoiseUnseen(job, kept(23, 2.7), 0)).toBe(false);
    expect(longStepsNoiseUnseen(job, kept(23, 4.1), 0)).toBe(true);
    job.rowNoise = null;
  });
});
