import { describe, expect, it } from "vitest";
import { derivative, hessian, STATUSES } from "../../src/core/index.js";
import { wideNoiseOnly } from "../../src/core/noise-check.js";
import { resolveOptions } from "../../src/core/validate.js";
import { expectHessianLoopsAgree } from "./hessian-bits.js";

/** Huber's function of width d: 0.5·v² inside, linear outside (f″ jumps from 1 to 0 at |v| = d). */
const huber =
  (d: number) =>
  (v: number): number =>
    Math.abs(v) <= d ? 0.5 * v * v : d * (Math.abs(v) - 0.5 * d);

describe("order 2: a noise flag raised only at longer steps than the estimate's keeps the checks", () => {
  const x = -46.585954058026616;
  const a = 0.0018744490550438862;
  const d = 46.585954058026616;
  const g = (t: number) => Math.sin(t) + a * huber(d)(t - x + d); // the join at x: f″ jumps by a

  it("sin t + 0.0019·huber at its join: not-differentiable, both sides (before: 0.5133016 ± 4.3e-12, ok)", () => {
    const r = derivative(g, x, { order: 2 });
    const mid = -Math.sin(x) + a / 2;
    expect(r.status).toBe("not-differentiable");
    expect(r.left?.value).toBeCloseTo(mid + a / 2, 6);
    expect(r.right?.value).toBeCloseTo(mid - a / 2, 6);
    expect(Math.abs(r.value - (mid + a / 2))).toBeLessThanOrEqual(r.error);
    expect(Math.abs(r.value - (mid - a / 2))).toBeLessThanOrEqual(r.error);
  });

  it("the same join on a Hessian's diagonal beside other terms holds both sides", () => {
    const f = (v: Float64Array) => g(v[0]) + Math.cos(v[1]) + 1e5;
    const r = hessian(f, [x, 0.5]);
    const mid = -Math.sin(x) + a / 2;
    expect(STATUSES[r.statuses[0][0]]).toBe("not-differentiable");
    for (const side of [mid - a / 2, mid + a / 2])
      expect(Math.abs(r.value[0][0] - side)).toBeLessThanOrEqual(r.error[0][0]);
  });

  it("the sync, batched and async Hessians give the same bits there", async () => {
    await expectHessianLoopsAgree((v) => g(v[0]) + Math.cos(v[1]) + 1e5, [x, 0.5]);
  });

  it("wideNoiseOnly: order 2, central, method auto, noise flagged above the estimate's step only", () => {
    const est = {
      value: 0.51,
      error: 4e-12,
      step: 0.03,
      kind: "central" as const,
      flags: 4,
      noisyStep: 0.18,
    };
    expect(wideNoiseOnly(est, resolveOptions({ order: 2 }))).toBe(true);
    expect(wideNoiseOnly({ ...est, noisyStep: 0.001 }, resolveOptions({ order: 2 }))).toBe(false);
    expect(wideNoiseOnly(est, resolveOptions({ order: 1 }))).toBe(false);
    expect(wideNoiseOnly({ ...est, flags: 0 }, resolveOptions({ order: 2 }))).toBe(false);
  });

  it("smooth f at order 2: same value and calls as a plain central column (sin at 1)", () => {
    const r = derivative(Math.sin, 1, { order: 2 });
    expect(r.status).toBe("ok");
    expect(Math.abs(r.value + Math.sin(1))).toBeLessThanOrEqual(r.error);
  });
});
