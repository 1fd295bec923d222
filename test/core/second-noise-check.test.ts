import { describe, expect, it } from "vitest";
import { NOISE_RECHECK_GAP, SECOND_CHECK_RATIO } from "../../src/core/all-constants.js";
import { derivative as derivativeAsync } from "../../src/core/async/index.js";
import { derivative } from "../../src/core/index.js";
import { hashNoise } from "../fixtures/noise-hash.js";

// atan t·(1 + 8.1e-14·noise) at −5 (from the honesty scan): the noise check's two values happened to
// lie close, so the first check saw a gap of a few rounding models only. Before the second check the
// result was 0.0384615384645 ± 1.3e-13, status ok, 23 times off (true error 3.0e-12).
const noisyAtan = (t: number): number => Math.atan(t) * (1 + 8.08513035463038e-14 * hashNoise(t, 1204348615));

describe("the second noise check (NOISE_RECHECK_GAP)", () => {
  it("has its documented constants", () => {
    expect(NOISE_RECHECK_GAP).toBe(0.25);
    expect(SECOND_CHECK_RATIO).toBe(0.5);
  });

  it("finds the noise a first check missed by chance, and the estimate covers the truth", () => {
    const r = derivative(noisyAtan, -5);
    const trueError = Math.abs(r.value - 1 / 26);
    expect(trueError).toBeGreaterThan(1e-12); // the noise's share: not an easy case
    expect(r.status).toBe("noise-limited");
    expect(trueError).toBeLessThanOrEqual(r.error);
    // Still useful: E* ≈ 1.04·ε^(2/3)·|f‴|^(1/3) ≈ 7e-10 for ε = 1.1e-13, |f‴| ≈ 0.004 at −5.
    expect(r.error).toBeLessThan(1e-9);
  });

  it("gives the same bits on the common path, the general path and the async pipeline", async () => {
    const common = derivative(noisyAtan, -5);
    const general = derivative(noisyAtan, -5, { maxEvaluations: 1e6 }); // a budget: no common path
    const pipelined = await derivativeAsync(async (t) => noisyAtan(t), -5);
    for (const r of [general, pipelined]) {
      expect(r.value).toBe(common.value);
      expect(r.error).toBe(common.error);
      expect(r.status).toBe(common.status);
      expect(r.evaluations).toBe(common.evaluations);
    }
  });

  it("costs a correctly rounded smooth f nothing: exp′(1), sin′(1) and (t·e⁻ᵗ)′(0.3) take 10 calls", () => {
    for (const [f, x] of [
      [Math.exp, 1],
      [Math.sin, 1],
      [(t: number) => t * Math.exp(-t), 0.3],
    ] as const) {
      expect(derivative(f, x).evaluations).toBe(10);
    }
  });
});
