/**
 * Derivatives of orders 2–4 and the Hessian's diagonal where f, f′ or f″ jumps at x and the stencil
 * cancels the jump (issue 10, the honesty scan's "derivative order 2/3/4" and "hessian" cells): the
 * pair test of orders 3 and 4 (pair-parts.ts), the odd-part check of order 2 (odd-part-check.ts), the
 * lower-jump check of a column that ran down (settle-singular.ts), the unsettled fallback at any order
 * (growth.ts), and smooth f paying nothing for them. Every case here gave a confident wrong answer
 * (or an error of NaN) before; the truths are stated beside each.
 */
import { describe, expect, it } from "vitest";
import { derivative, hessian, STATUSES } from "../../src/core/index.js";

const relu = (u: number): number => Math.max(0, u);
const cubic = (t: number): number => t * t * t - 2 * t;

/** A result that claims no derivative: a status that says why, and no number. */
function expectNoDerivative(r: { value: number; error: number; status?: string }, name: string): void {
  expect(["discontinuous", "not-differentiable"], name).toContain(r.status);
  expect(Number.isNaN(r.value) || r.error === Infinity || r.error >= Math.abs(r.value), name).toBe(true);
}

describe("orders 3 and 4: a jump the stencil cancels, seen on the stencil's pairs", () => {
  it("f′ jumping at x is found at order 3 on a cubic, whose column converges in three rows", () => {
    // t³ − 2t + 0.004·max(0, t − c) at c: f′ jumps by 0.004, so f‴ does not exist (before: 6 ± 3.2e-13, ok).
    const c = 0.009160199056401096;
    const r = derivative((t) => cubic(t) + 0.00407633421080661 * relu(t - c), c, { order: 3 });
    expect(r.status).toBe("discontinuous");
    expect(r.value).toBeNaN();
  });

  it("f″ jumping at x (a C1 join) and f jumping at x are found at order 4", () => {
    // sin t − 0.0076·max(0, t − 2)² at 2: f″ jumps by −0.0151 (before: 0.909297 ± 6.3e-10, ok).
    const join = derivative((t) => Math.sin(t) - 0.0075502464805568895 * relu(t - 2) ** 2, 2, { order: 4 });
    expectNoDerivative(join, "C1 join");
    // sin t − 7e-5·sign(t − 2) at 2: f jumps by 1.4e-4 through its midpoint (before: the same 0.909297).
    const jump = derivative((t) => Math.sin(t) - 0.00007049541692111105 * Math.sign(t - 2), 2, { order: 4 });
    expectNoDerivative(jump, "jump");
  });

  it("a kink the scale of |x| could not see, but the unit scale did, counts at order 3", () => {
    // cos t + 0.0029·|t − c| at c = −3.045: f′ jumps by 0.0058 (before: −0.0960093 ± 1.9e-11, ok).
    const c = -3.045435234504816;
    const r = derivative((t) => Math.cos(t) + 0.002909420451617602 * Math.abs(t - c), c, { order: 3 });
    expect(r.status).toBe("discontinuous");
  });
});

describe("order 3 where f″ jumps at x: the column that ran down", () => {
  it("is a lower derivative's jump, not an estimate of no significant digit", () => {
    // 1/(1 + t²) + 0.22·max(0, t − c)² at c = 43.58: D₃ grows like 1/h (before: 4.3e8 ± 3.2e9, ok).
    const c = 43.57787826756026;
    const r = derivative((t) => 1 / (1 + t * t) + 0.2239568023429714 * relu(t - c) ** 2, c, { order: 3 });
    expect(r.status).toBe("discontinuous");
  });

  it("a column that never settled gives an error, never NaN", () => {
    // log t beside a join of f″ 1.6e-11 to the right of x: f‴ = 2/x³ = 326.693 (before: 402.782 ± NaN).
    // A join that close is beyond any step's reach at order 3 (f‴ needs steps below 1.6e-11, where
    // rounding is EPS·|f|/h³): the changes of the differences grow like a jump at x, and the result says
    // "discontinuous" (jump-changes.ts); a number must cover the truth.
    const x = 0.1829349899573723;
    const f = (t: number) => Math.log(t) + 0.5804030067779906 * relu(t - 0.18293498997385998) ** 2;
    const r = derivative(f, x, { order: 3 });
    const truth = 2 / x ** 3;
    expect(Number.isNaN(r.error)).toBe(false);
    if (r.status === "discontinuous") expect(r.value).toBeNaN();
    else expect(Math.abs(r.value - truth)).toBeLessThanOrEqual(r.error);
  });
});

describe("order 2: the odd part at the noise check's step", () => {
  it("f jumping through its midpoint at x is discontinuous (the second difference cancels it)", () => {
    // t³ − 2t + 6e-4·sign(t − 4) at 4 (before: 24 ± 5.8e-13, ok).
    const r = derivative((t) => cubic(t) + 0.0005944553307265733 * Math.sign(t - 4), 4, { order: 2 });
    expect(r.status).toBe("discontinuous");
  });

  it("f″ jumping at x on a cubic is not differentiable, with both one-sided values", () => {
    // t³ − 2t + 0.0065·max(0, t)² at 0: f″ is 0 on the left, 0.0129 on the right (before: 0.00646 ± 2.1e-14, ok).
    const k = 0.00646432940336277;
    const r = derivative((t) => cubic(t) + k * relu(t) ** 2, 0, { order: 2 });
    expect(r.status).toBe("not-differentiable");
    expect(Math.abs(r.left!.value - 0)).toBeLessThanOrEqual(r.left!.error + 1e-12);
    expect(Math.abs(r.right!.value - 2 * k)).toBeLessThanOrEqual(r.right!.error + 1e-12);
    expect(Math.abs(r.value - 0)).toBeLessThanOrEqual(r.error);
    expect(Math.abs(r.value - 2 * k)).toBeLessThanOrEqual(r.error);
  });

  it("the Hessian's diagonal says so where f jumps along a coordinate at a large x", () => {
    // x₀³ − 2x₀ − 6.7e8·sign(x₀ − c) + x₁² at (c, 1), c = 23988.6: the sides from steps of 375 agreed
    // (143277 ± 7717 and 144585 ± 7717) and the entry was 143931 ± 2.5e-7, ok.
    const c = 23988.557311533936;
    const r = hessian((x) => cubic(x[0]) - 672027795.2961026 * Math.sign(x[0] - c) + x[1] * x[1], [c, 1]);
    expect(STATUSES[r.statuses[0][0]]).toBe("discontinuous");
    expect(STATUSES[r.statuses[1][1]]).toBe("ok");
    expect(Math.abs(r.value[1][1] - 2)).toBeLessThanOrEqual(r.error[1][1]);
    // A step of f along x₀ at x₀ = 2 (before: −0.909 ± 3e-11, ok).
    const step = hessian(
      (x) => Math.sin(x[0]) + 0.0022929508081534246 * (x[0] >= 2 ? 1 : 0) + x[1] * x[1],
      [2, 1],
    );
    expect(STATUSES[step.statuses[0][0]]).toBe("discontinuous");
  });
});

describe("smooth f pay nothing for these checks", () => {
  // Calls of derivative() at orders 2, 3 and 4, as on main before them (the honesty scan's 3,000 smooth
  // cases at orders 2–4 take the same calls, bits and all), but for the noise check that a kink flag no
  // jump confirms now asks for at orders 3 and 4 (side-checks.ts): 1/(1 + t²) at −0.59, whose f‴'s
  // even part passes for a kink, pays its 2 new points (f‴ 21 → 23 calls, f⁗ 27 → 29). Over the scan's 1,000 smooth
  // cases at order 3 that check and the fourth row of a column with no significant digit (driver.ts,
  // cleanRows) take 28,225 → 28,253 calls; at order 4, 29,805 → 29,807.
  const cases: [string, (t: number) => number, number, (o: number) => number, number[]][] = [
    [
      "sin at 1",
      Math.sin,
      1,
      (o) => [0, Math.cos(1), -Math.sin(1), -Math.cos(1), Math.sin(1)][o],
      [13, 16, 17],
    ],
    ["exp at 0.5", Math.exp, 0.5, () => Math.exp(0.5), [13, 16, 17]],
    ["t³ − 2t at 0.3", cubic, 0.3, (o) => [0, 0, 1.8, 6, 0][o], [9, 13, 15]],
    [
      "1/(1 + t²) at −0.59",
      (t) => 1 / (1 + t * t),
      -0.5895681565325214,
      (o) => {
        const t = -0.5895681565325214;
        const u = 1 + t * t;
        return [
          0,
          0,
          (6 * t * t - 2) / u ** 3,
          (24 * t * (1 - t * t)) / u ** 4,
          (24 * (5 * t ** 4 - 10 * t * t + 1)) / u ** 5,
        ][o];
      },
      [15, 23, 29],
    ],
  ];

  it("take the calls they took, and their truths within their errors, status ok", () => {
    for (const [name, f, x, truth, calls] of cases) {
      [2, 3, 4].forEach((order, i) => {
        const r = derivative(f, x, { order });
        expect(r.status, `${name}, order ${order}`).toBe("ok");
        expect(r.evaluations, `${name}, order ${order}`).toBe(calls[i]);
        expect(Math.abs(r.value - truth(order)), `${name}, order ${order}`).toBeLessThanOrEqual(r.error);
      });
    }
  });
});
