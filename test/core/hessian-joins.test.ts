/**
 * Hessian diagonals at a C1 join (f″ jumps at x) beside other coordinates' large terms: cases from the
 * honesty scan (bench/honesty-scan.ts, seed 1, api "hessian"), where the rows' odd parts show the
 * jump that the noise check's tiny step lost in rounding (odd-part-check.ts, rowsJump).
 */
import { describe, expect, it } from "vitest";
import { STATUSES, hessian } from "../../src/core/index.js";
import { ROWS_JUMP_SIGNAL, rowsJump } from "../../src/core/odd-part-check.js";

const huber = (d: number) => (v: number) => (Math.abs(v) <= d ? 0.5 * v * v : d * (Math.abs(v) - 0.5 * d));
const xAbsX = (u: number): number => u * Math.abs(u);
const reluSquared = (u: number): number => Math.max(0, u) ** 2;
const coupling = (x: Float64Array): number => 0.25 * Math.atan(x[0]) * Math.atan(x[1]);

// Before (main 56f46e4) each diagonal entry was "ok" with an error far below half the sides' gap.
const CASES: {
  name: string;
  f: (x: Float64Array) => number;
  x: number[];
  i: number;
  sides: [number, number];
}[] = [
  {
    // −1.96083 ± 1.2e-6, ok (a term of 1.8e3 beside it)
    name: "1/(1 + t²) − 0.0056·u|u| at its join −0.0574, entry [3][3]",
    f: (x) =>
      coupling(x) +
      Math.atan(x[0]) -
      0.0015032094172227235 * huber(23871.202272398812)(x[0] + 23871.202272398812 + 23871.202272398812) +
      Math.sqrt(x[1]) +
      0.01028938213410875 * xAbsX(x[1] - 4) +
      Math.sin(x[2]) -
      0.10717658942430044 * reluSquared(x[2] - 0.0028313141342973572) +
      1 / (1 + x[3] * x[3]) -
      0.0055842793073001065 * xAbsX(x[3] + 0.05737144116109921),
    x: [-23871.198716778854, 4, 0.0028313411882492524, -0.05737144116109921],
    i: 3,
    sides: [-1.94966, -1.97199],
  },
  {
    // 0.982482 ± 1.7e-6, ok (a term of 3e8 beside it)
    name: "sin t − 0.0047·huber at its join −13.96, entry [0][0]",
    f: (x) =>
      coupling(x) +
      Math.sin(x[0]) -
      0.004674338534235399 * huber(13.964350604835165)(x[0] + 13.964350604835165 + 13.964350604835165) +
      Math.tanh(x[1]) -
      0.012661185734879607 * huber(68336.22669668951)(x[1] + 68336.22669668951 + 68336.22669668951) +
      1 / (1 + x[2] * x[2]) -
      0.13428964416242725 * huber(3)(x[2] + 3 + 3) +
      Math.atan(x[3]) +
      0.007663379719389369 * xAbsX(x[3] - 6.620372766955158),
    x: [-13.964350604835165, -68336.22669668951, -3, 6.620372496513116],
    i: 0,
    sides: [0.980145, 0.984819],
  },
];

describe("Hessian diagonals at a C1 join beside large terms", () => {
  it("are not-differentiable, or their interval holds both one-sided second derivatives", () => {
    for (const { name, f, x, i, sides } of CASES) {
      const r = hessian(f, x);
      const [v, e, status] = [r.value[i][i], r.error[i][i], STATUSES[r.statuses[i][i]]];
      const covers = sides.every((s) => Math.abs(v - s) <= e + 1e-5 * Math.abs(s));
      expect(status === "not-differentiable" || covers, `${name}: ${v} ± ${e} (${status})`).toBe(true);
    }
  });
});

describe("rowsJump", () => {
  const O = (jump: number) => (s: number) => -4 + (jump * s) / 2 + (2 * s * s) / 3 + 0.01 * s ** 4;
  const rows = (o: (s: number) => number, s: number) => [o(s), o(2 * s), o(4 * s), o(8 * s)];

  it("reads a jump of f″ from four rows' odd parts, past the s² and s⁴ terms", () => {
    const r = rowsJump(rows(O(0.0065), 0.0625), 0.0625, 1e-16);
    expect(r.jump).toBeCloseTo(0.0065, 6);
    expect(Math.abs(r.jump)).toBeGreaterThan(ROWS_JUMP_SIGNAL * r.uncertainty);
  });

  it("reads next to nothing from a smooth f, below its uncertainty", () => {
    const S = (s: number): number => (2 * Math.sin(s)) / s; // sin's odd part at 0
    const r = rowsJump(rows(S, 0.0625), 0.0625, 1e-16);
    expect(Math.abs(r.jump)).toBeLessThan(ROWS_JUMP_SIGNAL * r.uncertainty);
    expect(Math.abs(r.jump)).toBeLessThan(1e-5); // its s⁵ term, 3.6e-10/s
  });
});
