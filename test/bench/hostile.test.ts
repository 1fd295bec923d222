import { describe, expect, it } from "vitest";
import { runAliasingScan, scanMagnitudes, trigDerivative } from "../../bench/aliasing-scan.js";
import { runNumdiffHostile } from "../../bench/hostile.js";
import { rtolSupport } from "../../bench/rtol-evaluations.js";
import { EPS } from "../../src/core/all-constants.js";
import {
  loadHashSamples,
  loadHostileCases,
  loadHostileGradientCases,
  type HostileTruth,
} from "../fixtures/hostile.js";
import { inPlaceFunctions } from "../fixtures/hostile-functions.js";
import { NOISE_FACTOR, scoreGradient, scoreHostile, summarizeHostile } from "../fixtures/hostile-score.js";
import { hashNoise, mix32 } from "../fixtures/noise-hash.js";

const cases = loadHostileCases();

describe("hostile set fixtures", () => {
  it("the TypeScript noise hash equals the Python one bit for bit", () => {
    const samples = loadHashSamples();
    expect(samples.length).toBeGreaterThanOrEqual(40);
    for (const s of samples)
      expect(Object.is(hashNoise(s.x, s.seed), s.noise), `${s.x} ${s.seed}`).toBe(true);
  });

  it("the noise lies in [-1, 1) and looks uniform", () => {
    let sum = 0;
    let below = 0;
    const n = 10_000;
    for (let i = 0; i < n; i++) {
      const u = hashNoise(1 + i * 2 ** -52, 3);
      expect(u).toBeGreaterThanOrEqual(-1);
      expect(u).toBeLessThan(1);
      sum += u;
      if (u < 0) below++;
    }
    // mean of n uniform draws on [-1, 1): standard deviation 1/sqrt(3n) ≈ 0.0058; 5 sigma
    expect(Math.abs(sum / n)).toBeLessThan(0.03);
    expect(Math.abs(below / n - 0.5)).toBeLessThan(0.03);
    expect(mix32(0)).toBe(0);
  });

  it("every case's f(x) is the Python mirror's f(x) to an ulp (bit for bit where libms agree)", () => {
    for (const c of cases) {
      const v = c.f(c.x);
      if (Number.isFinite(c.fxMirror)) {
        expect(Math.abs(v - c.fxMirror), c.id).toBeLessThanOrEqual(2 * EPS * Math.abs(c.fxMirror));
      } else expect(v, c.id).toBe(c.fxMirror);
    }
  });

  it("covers the kinds of issue 10 with about 100 cases, each complete", () => {
    expect(cases.length).toBeGreaterThanOrEqual(80);
    expect(cases.length).toBeLessThanOrEqual(120);
    const kinds = new Set(cases.map((c) => c.kind));
    for (const k of [
      "relative-noise",
      "absolute-noise",
      "float32",
      "solver",
      "c1",
      "near-kink",
      "aliasing",
    ]) {
      expect(kinds.has(k as HostileTruth["kind"]), k).toBe(true);
    }
    for (const k of ["kink", "jump", "pole"]) expect(kinds.has(k as HostileTruth["kind"]), k).toBe(true);
    for (const c of cases) {
      if (c.kind === "kink") expect(c.left, c.id).not.toBe(c.right);
      if (c.truth === null) expect(c.statuses.length, c.id).toBeGreaterThan(0);
      else expect(Number.isFinite(c.truth), c.id).toBe(true);
      if (c.noise !== undefined) expect(c.eStar, c.id).toBeGreaterThan(0);
    }
    const levels = cases.filter((c) => c.kind === "relative-noise").map((c) => c.noise?.level);
    expect(Math.min(...(levels as number[]))).toBe(1e-13);
    expect(Math.max(...(levels as number[]))).toBe(1e-6);
  });

  it("the in-place functions really write into their argument", () => {
    for (const c of loadHostileGradientCases()) {
      const x = Float64Array.from(c.x);
      inPlaceFunctions[c.fn](x);
      expect(Array.from(x), c.id).not.toEqual(c.x);
    }
  });
});

const kink: HostileTruth = {
  id: "relu@0.0",
  kind: "kink",
  order: 1,
  truth: null,
  left: 0,
  right: 1,
  statuses: ["not-differentiable"],
};
const jump: HostileTruth = {
  id: "floor@1.0",
  kind: "jump",
  order: 1,
  truth: null,
  left: 0,
  right: 0,
  statuses: ["discontinuous"],
};
const pole: HostileTruth = {
  id: "reciprocal@0.0",
  kind: "pole",
  order: 1,
  truth: null,
  statuses: ["not-finite", "discontinuous"],
};
const noisy: HostileTruth = {
  id: "n",
  kind: "relative-noise",
  order: 1,
  truth: 2,
  statuses: [],
  eStar: 1e-6,
};
const smooth: HostileTruth = { id: "s", kind: "aliasing", order: 1, truth: 0.5, statuses: [] };

describe("hostile scoring rules", () => {
  it("a kink passes only when flagged; a confident midpoint is dishonest", () => {
    const o = scoreHostile(kink, { value: 0.5, error: 3.7e-16 });
    expect([o.status, o.honest, o.pass, o.flagged]).toEqual(["ok", false, false, false]);
    const flagged = scoreHostile(kink, {
      value: 0.5,
      error: 0.5,
      status: "not-differentiable",
      left: { value: 0, error: 1e-12 },
      right: { value: 1, error: 1e-12 },
    });
    expect([flagged.honest, flagged.pass, flagged.flagged]).toEqual([true, true, true]);
    // flagged, but a one-sided slope that misses its truth does not pass
    const wrongSide = scoreHostile(kink, {
      value: 0.5,
      error: 0.5,
      status: "not-differentiable",
      right: { value: 0.9, error: 1e-3 },
    });
    expect([wrongSide.honest, wrongSide.pass]).toEqual([true, false]);
    // an interval holding both slopes is honest; for a tool without statuses it also passes
    expect(scoreHostile(kink, { value: 0.5, error: 0.5 }).pass).toBe(false);
    expect(scoreHostile(kink, { value: 0.5, error: 0.5 }).honest).toBe(true);
    expect(scoreHostile(kink, { value: 0.5, error: 0.5 }, { canFlag: false }).pass).toBe(true);
    expect(scoreHostile(kink, { value: 0.5, error: 0.49 }, { canFlag: false }).honest).toBe(false);
  });

  it("a jump needs 'discontinuous' to pass; a finite value with a NaN error is dishonest", () => {
    expect(scoreHostile(jump, { value: 2.8e14, error: NaN }).honest).toBe(false);
    expect(scoreHostile(jump, { value: NaN, error: Infinity, status: "discontinuous" }).pass).toBe(true);
    const sides = { left: { value: 0, error: 0 }, right: { value: 3, error: 1 } };
    expect(scoreHostile(jump, { value: NaN, error: Infinity, status: "discontinuous", ...sides }).pass).toBe(
      false,
    );
    const nd = scoreHostile(jump, { value: 0, error: 1, status: "not-differentiable" });
    expect([nd.honest, nd.pass]).toEqual([true, false]);
    expect(scoreHostile(jump, { value: NaN, error: NaN }, { canFlag: false })).toMatchObject({
      honest: true,
      pass: false,
    });
  });

  it("a pole passes flagged, or for a peer when it claims no finite number", () => {
    expect(scoreHostile(pole, { value: NaN, error: NaN, status: "not-finite" }).pass).toBe(true);
    expect(scoreHostile(pole, { value: NaN, error: NaN }).pass).toBe(false);
    expect(scoreHostile(pole, { value: NaN, error: NaN }, { canFlag: false }).pass).toBe(true);
    expect(scoreHostile(pole, { value: 0, error: 2.5e-12 }, { canFlag: false }).honest).toBe(false);
  });

  it("noisy cases pass within 10·E* when honest; noise-free ones within 1e-8 relative", () => {
    const at = (trueError: number, error: number) => scoreHostile(noisy, { value: 2 + trueError, error });
    expect(at(NOISE_FACTOR * 1e-6 * 0.99, 1e-5).pass).toBe(true);
    expect(at(NOISE_FACTOR * 1e-6 * 1.01, 1e-4).pass).toBe(false);
    expect(at(1e-9, 1e-10)).toMatchObject({ honest: false, pass: false });
    expect(at(2e-6, 1e-5).errorOverEStar).toBeCloseTo(2, 6);
    expect(scoreHostile(smooth, { value: 0.5 + 4e-9, error: 5e-9 }).pass).toBe(true);
    expect(scoreHostile(smooth, { value: 0.5 + 6e-9, error: 1e-8 }).pass).toBe(false);
    expect(scoreHostile(smooth, { value: 0.5, error: NaN }).honest).toBe(false);
    expect(scoreHostile(smooth, { value: 0.5, error: 1, threw: "boom" }).honest).toBe(false);
  });

  it("summaries count per kind and in total", () => {
    const s = summarizeHostile([
      scoreHostile(kink, { value: 0.5, error: 0.5, status: "not-differentiable" }),
      scoreHostile(jump, { value: 1, error: 1 }),
      scoreHostile(smooth, { value: 0.5, error: 1e-12 }),
    ]);
    expect(s.total).toMatchObject({ cases: 3, pass: 2, honest: 2, flagged: 1 });
    expect(s.byKind.map((k) => [k.kind, k.pass])).toEqual([
      ["kink", 1],
      ["jump", 0],
      ["aliasing", 1],
    ]);
  });

  it("a gradient is honest when every entry's error covers its true error", () => {
    const c = { id: "g", truth: [-0.91, 0.24, 0.67] };
    expect(scoreGradient(c, { value: [0.5, 0.27, 0.29], error: [1.9, 6e-9, 6e-8] }).honest).toBe(false);
    expect(scoreGradient(c, { value: [-0.91, 0.24, 0.67], error: [1e-12, 1e-12, 1e-12] }).pass).toBe(true);
  });
});

describe("hostile benches (structure, never speed)", () => {
  it("numdiff's run scores every case once", () => {
    const r = runNumdiffHostile(cases.slice(0, 30));
    expect(r.outcomes.length).toBe(30);
    expect(r.summary.byKind.reduce((n, k) => n + k.cases, 0)).toBe(30);
    expect(r.outcomes.every((o) => o.evaluations > 0)).toBe(true);
  });

  it("the aliasing scan has 16 cases per magnitude and analytic truths", () => {
    expect(scanMagnitudes(3)).toEqual([10, 1000, 100000]);
    expect(trigDerivative(0, 1, 0.3)).toBe(Math.cos(0.3));
    expect(trigDerivative(1, 3, 0.3)).toBe(Math.sin(0.3)); // cos‴ = sin
    expect(trigDerivative(1, 1, 0.3)).toBe(-Math.sin(0.3));
    const r = runAliasingScan(2);
    expect(r.cases).toBe(32);
    expect(r.byOrder.reduce((n, o) => n + o.cases, 0)).toBe(32);
    expect(r.aliased).toBeLessThanOrEqual(r.offBy1e3);
  });

  it("the rtol probe gives one of its three answers", () => {
    expect(["supported", "rejected", "ignored"]).toContain(rtolSupport());
  });
});
