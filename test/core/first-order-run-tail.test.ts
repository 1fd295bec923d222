import { describe, expect, it } from "vitest";
import { derivative, gradient, jacobian } from "../../src/core/index.js";
import { jacobianViaGeneral } from "../../src/core/jacobian.js";
import { FIRST_ORDER_ROWS, runTail } from "../../src/core/kink-test.js";

// A C1 join (f″ jumps) at or near x makes the central differences converge like h. Where the last
// row's rounding breaks the h law's ratio, that row still carries the h term: it keeps the tail of the
// run before it (kink-test.ts, runTail), and the pipeline then holds the estimate to the one-sided
// columns (first-order.ts) or keeps the wider error. Repros from the honesty scan (seed 1).

/** The Huber loss with threshold c. */
const huber =
  (c: number) =>
  (v: number): number =>
    Math.abs(v) <= c ? 0.5 * v * v : c * (Math.abs(v) - 0.5 * c);

/** The error covers the true error (with the truth's own rounding, a few ulps of it). */
function covers(r: { value: number; error: number }, truth: number): void {
  expect(Math.abs(r.value - truth)).toBeLessThanOrEqual(r.error + 8 * Number.EPSILON * Math.abs(truth));
}

describe("runTail", () => {
  it("carries the tail of a run of FIRST_ORDER_ROWS rows into one row, only after a settled row", () => {
    expect(runTail(FIRST_ORDER_ROWS, 3, 4.5e-10)).toBe(4.5e-10);
    expect(runTail(FIRST_ORDER_ROWS + 5, 1, 2e-3)).toBe(2e-3);
    expect(runTail(FIRST_ORDER_ROWS - 1, 3, 4.5e-10)).toBe(0);
    expect(runTail(FIRST_ORDER_ROWS, 0, 4.5e-10)).toBe(0);
  });
});

describe("a first derivative where f″ jumps at or near x", () => {
  it("covers f′ where the join is 1e-7 beside x (was 0.999057754701 ± 4.6e-10, 1.3e-9 off)", () => {
    const a = 0.052264307497046414;
    const c = -0.04341424132432329;
    const x = -0.043414342054355126;
    const r = derivative((t) => Math.sin(t) + a * (t - c) * Math.abs(t - c), x);
    const truth = Math.cos(x) + 2 * a * Math.abs(x - c);
    covers(r, truth);
    expect(r.status).toBe("ok");
    expect(r.error).toBeLessThan(1e-9); // the side away from the join resolves it
  });

  it("covers f′ of a cubic beside a large Huber term joined 5.2e-5 from x (was 1.4 times its error off)", () => {
    const a = -498089.2212954934;
    const c = 535.9346192741676;
    const x = -535.9345669299016;
    const r = derivative((t) => t * t * t - 2 * t + a * huber(c)(t + 2 * c), x);
    covers(r, 3 * x * x - 2 + a * c);
    expect(r.status).toBe("ok");
  });

  it("covers a gradient's component at a join at x beside the other coordinates' terms (was 1.4 times off)", () => {
    const a = -0.002260589903025124;
    const c = 12.402240143944091;
    const f = (x: Float64Array): number =>
      Math.exp(x[0]) +
      a * huber(c)(x[0] + 2 * c) +
      (x[1] ** 3 - 2 * x[1] + 0.7727899357256026 * Math.max(0, x[1] - 0.0024231751389322802) ** 2) +
      Math.cos(x[2]);
    const g = gradient(f, [-c, 0.0024231751389322802, -0.6572939622791442]);
    covers({ value: g.value[0], error: g.error[0] }, Math.exp(-c) + a * c);
    expect(g.statuses[0]).toBe(0); // ok
    expect(g.error[0]).toBeLessThan(1e-10); // the joined sides (was ± 2.2e-10, 3.1e-10 off)
  });

  it("covers derivative(f, xs) at points 1e-10 beside a Huber join (were 1.4 to 2.2 times off)", () => {
    const a = -0.08145250285005791;
    const c = -0.00473805378741053;
    const f = (t: number): number => Math.tanh(t) + a * huber(1)(t - c + 1);
    const xs = [-0.00473818523997333, -0.004738185178190549, -0.0047381850132339415, -0.004738173333964543];
    const r = derivative(f, xs);
    xs.forEach((x, i) => {
      covers({ value: r.value[i], error: r.error[i] }, 1 - Math.tanh(x) ** 2 + a * (x - c + 1));
      expect(r.value[i]).toBe(derivative(f, x).value); // the common path's bits are the pipeline's
    });
  });

  it("gives a small Jacobian's general path's bits on rows whose run breaks at the last row", () => {
    const a = 0.7932487697898306;
    const c = -0.027076993926594302;
    const row = (x: Float64Array): number =>
      1 / (1 + x[1] * x[1]) + a * Math.max(0, x[1] - c) ** 2 + Math.atan(x[0]);
    const F = (x: Float64Array): number[] => [row(x), 2 * row(x) + x[0]];
    const x = [-6.084505088385749, c];
    const common = jacobian(F, x);
    const general = jacobianViaGeneral(F, x);
    for (let i = 0; i < 2; i++) {
      expect(Array.from(common.value[i])).toEqual(Array.from(general.value[i]));
      expect(Array.from(common.error[i])).toEqual(Array.from(general.error[i]));
    }
    const truth = (-2 * c) / (1 + c * c) ** 2; // the join is at x: max(0, ·)² adds 0 there
    covers({ value: common.value[0][1], error: common.error[0][1] }, truth);
  });
});
