import { describe, expect, it } from "vitest";
import { runHonestyScan } from "../../bench/honesty-scan.js";
import { BASES } from "../../bench/honesty/bases.js";
import { CATEGORIES, drawCase } from "../../bench/honesty/categories.js";
import {
  ABS,
  POLE,
  POLE2,
  RELU,
  RELU_SQUARED,
  SIGN,
  STEP,
  X_ABS_X,
  huber,
} from "../../bench/honesty/features.js";
import { rngFor } from "../../bench/honesty/random.js";
import { judge } from "../../bench/honesty/verdict.js";
import { summarize } from "../../bench/honesty/report.js";

/**
 * A derivative of order k checked against the central difference of order k − 1 at step h: the
 * difference's truncation error is about h²/6·|f^(k+2)|, far below the tolerance 1e-6 at h = 1e-5 for
 * these functions at moderate x; a wrong sign or coefficient in a closed form is off by O(1).
 */
function matchesDifference(d: (k: number, x: number) => number, k: number, x: number): boolean {
  const h = 1e-5 * Math.max(1, Math.abs(x));
  const diff = (d(k - 1, x + h) - d(k - 1, x - h)) / (2 * h);
  return Math.abs(diff - d(k, x)) <= 1e-6 * Math.max(1, Math.abs(d(k, x)));
}

describe("honesty scan truths", () => {
  it("each base's closed-form derivatives are the differences of the order below, and d(0) is f", () => {
    for (const b of BASES) {
      for (const x of [0.3, 1.7, -2.2, 7.5]) {
        if (b.positive && x <= 0) continue;
        expect(b.d(0, x), `${b.name} f at ${x}`).toBeCloseTo(b.f(x), 14);
        for (let k = 1; k <= 4; k++)
          expect(matchesDifference(b.d, k, x), `${b.name} d${k} at ${x}`).toBe(true);
      }
    }
  });

  it("each feature's pieces are φ on their side and their derivatives are consistent", () => {
    for (const phi of [ABS, RELU, X_ABS_X, RELU_SQUARED, huber(1), STEP, SIGN, POLE, POLE2]) {
      for (const u of [-0.7, -0.2, 0.3, 0.9]) {
        const piece = u < 0 ? phi.left : phi.right;
        expect(piece(0, u), `${phi.name} at ${u}`).toBeCloseTo(phi.phi(u), 14);
        for (let k = 1; k <= 4; k++)
          expect(matchesDifference(piece, k, u), `${phi.name} d${k} at ${u}`).toBe(true);
      }
    }
  });

  it("a kink at x has two one-sided values at order 1 and no derivative above; a point off it has one", () => {
    const c = drawCase(rngFor(3, "test"), "kink-at", 2);
    expect(c.spec(2, 1, "central").kind).toBe("kink");
    expect(c.spec(2, 2, "central").kind).toBe("none");
    expect(c.spec(2, 2, "forward").kind).toBe("truth"); // one piece ahead of x
    expect(c.spec(2.5, 2, "central").kind).toBe("truth");
  });
});

describe("honesty verdicts", () => {
  it("judges by the issue's rules", () => {
    const truth = { kind: "truth", truth: 1 } as const;
    expect(judge(truth, { value: 1.1, error: 0.2 }).honest).toBe(true);
    expect(judge(truth, { value: 1.1, error: 1e-3 })).toMatchObject({ honest: false, confident: true });
    expect(judge(truth, { value: 1.1, error: 0.05 })).toMatchObject({ honest: false, confident: false });
    expect(judge(truth, { value: 1, error: NaN })).toMatchObject({ honest: false, confident: true });
    expect(judge(truth, { value: NaN, error: Infinity, status: "discontinuous" }).kind).toBe("false-flag");
    const kink = { kind: "kink", left: 0, right: 1 } as const;
    expect(judge(kink, { value: 0.5, error: 3.7e-16 }).honest).toBe(false); // ReLU at 0 in 0.1.0
    expect(judge(kink, { value: 0.5, error: 0.5 }).honest).toBe(true);
    expect(judge(kink, { value: 0.5, error: 0.1, status: "not-differentiable" }).honest).toBe(true);
    const none = { kind: "none", why: "jump at x" } as const;
    expect(judge(none, { value: 2.8e14, error: NaN })).toMatchObject({ honest: false, confident: true });
    expect(judge(none, { value: 4e9, error: 1e10 })).toMatchObject({ honest: false, confident: false });
    expect(judge(none, { value: NaN, error: Infinity, status: "discontinuous" }).honest).toBe(true);
  });
});

describe("honesty scan", () => {
  it("--quick judges every category through every API, and is deterministic", async () => {
    const a = await runHonestyScan({ seed: 7, quick: true });
    const s = summarize(a.entries);
    for (const c of CATEGORIES) expect(s.byCategory[c]?.total ?? 0, c).toBeGreaterThan(100);
    for (const api of ["derivative order 4", "derivative(f, xs)", "async derivative order 1", "gradient"]) {
      expect(s.apis).toContain(api);
    }
    expect(s.apis).toEqual(expect.arrayContaining(["jacobian m < 16", "jacobian m >= 16", "hessian"]));
    // the engine never throws on these functions, never changes x, never runs away
    expect(a.incidents).toEqual([]);
    const b = await runHonestyScan({ seed: 7, quick: true });
    expect(b.entries.map((e) => e.answer)).toEqual(a.entries.map((e) => e.answer));
  });
});
