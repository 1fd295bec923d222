/**
 * Long steps that the unit scale cannot confirm where f carries noise (best-of-scales.ts, unconfirmed):
 * honesty scan (seed 1) examples, truths in closed form.
 */
import { describe, expect, it } from "vitest";
import { derivative } from "../../src/core/index.js";
import { ColumnState } from "../../src/core/column-state.js";
import { KeptEstimates, unconfirmed } from "../../src/core/best-of-scales.js";

const f32 = Math.fround;

describe("an estimate from steps longer than ALIAS_STEP in a noisy column", () => {
  // f, x, order, truth; before: the long steps' estimate with a small error, noise-limited
  const cases: [string, (t: number) => number, number, number, number][] = [
    // before: −2.035e-7 ± 4.7e-8
    [
      "f32(cos(f32 t))″ at 17880.7",
      (t) => f32(Math.cos(f32(t))),
      17880.71032826111,
      2,
      -Math.cos(17880.71032826111),
    ],
    // before: −3.8e-14 ± 2.4e-13
    [
      "f32(sin(f32 t))‴ at 22218.4",
      (t) => f32(Math.sin(f32(t))),
      22218.397018420517,
      3,
      -Math.cos(22218.397018420517),
    ],
    // before: 1.08e-6 ± 9.7e-7; a step of 0.076 lies 7e-5 beside x (f″ = −cos x there)
    [
      "cos t + 0.076·H(t − c)″, c 7e-5 beside x = −5219.2",
      (t) => Math.cos(t) + (t + 5219.2218195326095 >= 0 ? 0.07601802354746144 : 0),
      -5219.221749522376,
      2,
      -Math.cos(-5219.221749522376),
    ],
  ];
  it("takes the unit scale's error: it covers the truth", () => {
    for (const [name, f, x, order, truth] of cases) {
      const r = derivative(f, x, { order });
      expect(Math.abs(r.value - truth), `${name}: ${r.value} ± ${r.error}`).toBeLessThanOrEqual(r.error);
    }
  });

  it("a smooth f at a large x keeps its long steps' error: log″ at 1e5, (t³)‴ at 3e4", () => {
    const log = derivative(Math.log, 1e5, { order: 2 });
    expect(log.status).toBe("ok");
    expect(log.error).toBeLessThan(1e-18);
    expect(Math.abs(log.value + 1e-10)).toBeLessThanOrEqual(log.error + 1e-24);
    const cube = derivative((t) => t * t * t, 3e4, { order: 3 });
    expect(cube.error).toBeLessThan(1e-9);
    expect(Math.abs(cube.value - 6)).toBeLessThanOrEqual(cube.error);
  });
});

describe("unconfirmed", () => {
  it("holds for central long steps beside a less precise unit scale in a noisy column, only then", () => {
    const kept = new KeptEstimates(1);
    [kept.value[0], kept.error[0], kept.step[0], kept.kind[0]] = [0, 1e-4, 559, 0];
    const state = new ColumnState(1);
    expect(unconfirmed(kept, state, 0, -0.33, 3)).toBe(false); // no noise
    state.noise[0] = 1e-7;
    expect(unconfirmed(kept, state, 0, -0.33, 3)).toBe(true);
    expect(unconfirmed(kept, state, 0, -0.33, 1e-5)).toBe(false); // the unit scale is more precise
    kept.step[0] = 0.5;
    expect(unconfirmed(kept, state, 0, -0.33, 3)).toBe(false); // steps within ALIAS_STEP
  });
});
