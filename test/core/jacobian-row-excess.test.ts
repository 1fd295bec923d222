import { describe, expect, it } from "vitest";
import { jacobian, STATUSES } from "../../src/core/index.js";
import { jacobian as jacobianAsync } from "../../src/core/async/index.js";
import { jacobianViaGeneral } from "../../src/core/jacobian.js";
import { bits } from "./jacobian-bits.js";
import { later } from "./out-of-order.js";

const batched =
  (F: (x: Float64Array) => number[], n: number) =>
  (b: Float64Array): number[][] =>
    Array.from({ length: b.length / n }, (_, r) => F(b.slice(n * r, n * r + n)));

/**
 * The small Jacobian's row check reads its miss as derivative()'s noise check does (row-gaps.ts): a row
 * whose change at x ± δ misses its columns' by more than correctly rounded values allow, but not by
 * NOISE_CHECK_SIGNAL, is the small difference of larger terms, and its entries' errors are scaled.
 * Examples from the honesty scan ("jacobian m < 16", seed 1), each row "inner function + atan of the
 * next coordinate"; truths in closed form.
 */
const cases = [
  {
    // log(t) + 1.2024854 + atan(x₀) at t = 0.3004: 3.328379022105108 ± 3.5e-14 was 9.4e-14 off.
    F: (x: Float64Array): number[] => [
      Math.sqrt(x[0]) - 0.18774678572031758 + Math.atan(x[1]),
      Math.log(x[1]) - -1.2024854053304759 + Math.atan(x[0]),
    ],
    x: [0.035248855548234204, 0.30044655171740153],
    entry: [1, 1],
    truth: 1 / 0.30044655171740153,
    before: 3.52302e-14,
    // F_1's rows lie on log(t)'s grid (2⁻⁵², F_1 ≈ 0.035): even-grid.ts sends the entry to derivative()'s
    // pipeline, whose error for this component along t is 1.44126e-11 (step 2⁻⁹; value the same, 3.9e-14
    // off), and the row's excess (row-gaps.ts) then scales it by 3.99: 5.75116e-11. Honest, and wider
    // than the 64·before the column alone had, since the grid's rounding is then counted twice.
    recheck: 1.44126e-11,
  },
  {
    // sqrt(t) − 0.4567 + atan(x₀) at t = 0.2086, F_1 ≈ 0.0056: 1.094750043631238 ± 4.9e-15, 2.3e-14 off.
    F: (x: Float64Array): number[] => [
      x[0] * x[0] * x[0] - 2 * x[0] - -0.011025632607321497 + Math.atan(x[1]),
      Math.sqrt(x[1]) - 0.45672526302519834 + Math.atan(x[0]),
    ],
    x: [0.0055573116127159575, 0.2085979645301247],
    entry: [1, 1],
    truth: 0.5 / Math.sqrt(0.2085979645301247),
    before: 4.91675e-15,
  },
  {
    // 1/(1 + x₀²) + atan(x₁), terms 1 and −1.12 nearly cancelling: −0.0178272 ± 4.2e-14, 4.4e-14 off.
    F: (x: Float64Array): number[] => [
      1 / (1 + x[0] * x[0]) + Math.atan(x[1]),
      1 / (1 + x[1] * x[1]) + Math.atan(x[2]),
      1 / (1 + x[2] * x[2]) + Math.atan(x[3]),
      Math.tanh(x[3]) + Math.atan(x[0]),
    ],
    x: [0.008915001705461903, -2, -4.417420319071282, 0],
    entry: [0, 0],
    truth: (-2 * 0.008915001705461903) / (1 + 0.008915001705461903 ** 2) ** 2,
    before: 4.20199e-14,
  },
];

describe("a small Jacobian's row scales a row's errors by its miss beyond correct rounding (row-gaps.ts)", () => {
  it("covers the truth where F_k is the small difference of larger terms (scan repros)", () => {
    for (const { F, x, entry, truth, before, recheck } of cases) {
      const r = jacobian(F, x);
      const [i, j] = entry;
      // The truths are closed forms in double: good to a few ulps of |truth|.
      expect(Math.abs(r.value[i][j] - truth)).toBeLessThanOrEqual(r.error[i][j] + 4e-16 * Math.abs(truth));
      expect(STATUSES[r.statuses[i][j]]).toBe("ok");
      // The column's error (\`before\`, as the scan printed it) scaled by less than
      // CHECK_EXCESS_SCALE·NOISE_CHECK_SIGNAL = 64: a miss beyond that signal measures the rows' noise.
      expect(r.error[i][j]).toBeGreaterThan(before);
      // A rechecked entry (\`recheck\`: derivative()'s error) is scaled from that error instead.
      expect(r.error[i][j]).toBeLessThan(64 * Math.max(before, recheck ?? 0) * 1.0001);
    }
  });

  it("costs no call of F more: 13 for the README's 2 × 2 and 2 for the row check", () => {
    let calls = 0;
    const r = jacobian((x) => (calls++, [x[0] * x[1], x[0] + x[1]]), [2, 3]);
    expect(calls).toBe(15);
    expect(r.evaluations).toBe(15);
    // Exact products and sums: no row misses, the errors are the columns' own.
    for (const row of r.error) for (const e of row) expect(e).toBeLessThan(2e-13); // 1.3e-13 at most
  });

  it("gives the same bits on the common path, the general path, batched and async", async () => {
    for (const { F, x } of cases) {
      const common = bits(jacobian(F, x));
      expect(bits(jacobianViaGeneral(F, x))).toBe(common);
      const n = x.length;
      expect(bits(jacobian(batched(F, n), x, { batch: true }))).toBe(common);
      expect(bits(await jacobianAsync(later(F, 3), x, { concurrency: 3 }))).toBe(common);
      expect(bits(await jacobianAsync(later(batched(F, n), 5), x, { batch: true }))).toBe(common);
    }
  });
});
