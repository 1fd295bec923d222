import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { jacobian, type JacobianResult } from "../../src/core/index.js";
import { jacobianViaGeneral } from "../../src/core/jacobian.js";
import { SCREEN_COMPONENTS } from "../../src/core/jacobian-column.js";
import { FLAT_ROWS } from "../../src/core/driver.js";

/** Deterministic noise in [-1, 1) from t (a hash of its value, as the hostile set's). */
function hashNoise(t: number): number {
  const s = Math.sin(t * 12.9898 + 78.233) * 43758.5453;
  return 2 * (s - Math.floor(s)) - 1;
}

/**
 * Components g(a, b) of two coordinates, of every kind the Jacobian meets: smooth, steep or fast (far
 * rows: the step cut by FAST_STEP_RATIO), constant, kinks, jumps (a jump to confirm), poles and domain
 * edges (non-finite values), float32, noise, a non-number.
 */
const PIECES: Record<string, (a: number, b: number) => unknown> = {
  product: (a, b) => a * b,
  expSin: (a, b) => Math.exp(a) * Math.sin(b),
  square: (a) => a * a,
  constant: () => 3,
  steep: (a) => Math.exp(40 * a),
  fastCos: (a, b) => Math.cos(300 * a) + b,
  tan: (a) => Math.tan(a),
  abs: (a, b) => Math.abs(a) + b,
  relu: (a) => Math.max(0, a - 1e-9),
  floor: (a) => Math.floor(a),
  sign: (a, b) => Math.sign(b) + a,
  reciprocal: (a) => 1 / a,
  sqrt: (a) => Math.sqrt(a),
  log: (a, b) => Math.log(a) * b,
  float32: (a) => Math.fround(Math.exp(Math.fround(a))),
  noisy: (a, b) => a * b * (1 + 1e-10 * hashNoise(a + b)),
  xAbsX: (a) => a * Math.abs(a),
  nonNumberBelow: (a) => (a < -0.9 ? "x" : a),
};
const NAMES = Object.keys(PIECES);

/** A component: a piece of two coordinates of x (chosen by index, modulo n). */
const COMPONENT = fc.record({
  piece: fc.constantFrom(...NAMES),
  a: fc.nat(7),
  b: fc.nat(7),
});

const COORDINATE = fc.oneof(
  fc.double({ min: -3, max: 3, noNaN: true }),
  fc.constantFrom(0, -0, 1, -1, 0.5, 2, 1e-9, -1e-12, 100, 401.79, 1e5, NaN, Infinity, Number.MAX_VALUE),
);

const CASE = fc.record({
  components: fc.array(COMPONENT, { minLength: 1, maxLength: SCREEN_COMPONENTS - 1 }),
  x: fc.array(COORDINATE, { minLength: 1, maxLength: 4 }),
  bounded: fc.boolean(),
  typed: fc.boolean(),
  errors: fc.boolean(),
});

type Case = {
  components: { piece: string; a: number; b: number }[];
  x: number[];
  bounded: boolean;
  typed: boolean;
  errors?: boolean;
};

/** F of a case, recording every point it is called at (as a string of its bits). */
function recorded(c: Case): { F: (x: Float64Array) => ArrayLike<number>; calls: string[] } {
  const calls: string[] = [];
  const F = (x: Float64Array): ArrayLike<number> => {
    calls.push(Array.from(x, (v) => (Object.is(v, -0) ? "-0" : String(v))).join(","));
    const n = x.length;
    const out = c.components.map(({ piece, a, b }) => PIECES[piece](x[a % n], x[b % n]) as number);
    return c.typed && out.every((v) => typeof v === "number") ? Float64Array.from(out) : out;
  };
  return { F, calls };
}

/** Every field of a Jacobian as text, bit for bit (NaN equal to NaN, -0 not +0). */
function bits(r: JacobianResult): string {
  const s = (rows: ArrayLike<number>[]): string =>
    rows.map((row) => Array.from(row, (v) => (Object.is(v, -0) ? "-0" : String(v))).join(",")).join(";");
  return [s(r.value), s(r.error), s(r.statuses), r.status, r.evaluations].join(" | ");
}

/** The outcome of a call: its bits, or the error's code and message. */
function outcome(run: () => JacobianResult): string {
  try {
    return bits(run());
  } catch (e) {
    return `threw ${(e as { code?: string }).code}: ${(e as Error).message}`;
  }
}

/** The common path and the general one on a case: the same bits and the same calls of F, in order. */
function expectSame(c: Case): void {
  const bounds = c.x.map((v) => [v - 0.01, v + 1] as [number, number]);
  const progress: string[][] = [[], []];
  const options = (i: number) => ({
    ...(c.bounded ? { bounds } : {}),
    ...(c.errors === false ? { errors: false } : {}),
    onProgress: (done: number, total: number) => progress[i].push(`${done}/${total}`),
  });
  const common = recorded(c);
  const general = recorded(c);
  const a = outcome(() => jacobian(common.F, c.x, options(0)));
  const b = outcome(() => jacobianViaGeneral(general.F, c.x, options(1)));
  expect(a, JSON.stringify(c)).toBe(b);
  expect(common.calls, JSON.stringify(c)).toEqual(general.calls);
  expect(progress[0], JSON.stringify(c)).toEqual(progress[1]);
}

describe("the small Jacobian's common path (jacobian-common.ts)", () => {
  it("gives the general path's values, errors, statuses, evaluations and calls of F, bit for bit, for every kind of small F", () => {
    fc.assert(
      fc.property(CASE, (c) => expectSame(c)),
      { numRuns: 1500, seed: 20261130 },
    );
  });

  it("takes the step the driver takes when components disagree on the regime (a steep and a flat component, a jump beside a smooth one)", () => {
    const cases: Case[] = [
      {
        components: [
          { piece: "steep", a: 0, b: 0 },
          { piece: "square", a: 0, b: 0 },
        ],
        x: [1],
        bounded: false,
        typed: false,
      },
      {
        components: [
          { piece: "square", a: 0, b: 0 },
          { piece: "steep", a: 0, b: 0 },
        ],
        x: [1],
        bounded: false,
        typed: false,
      },
      {
        components: [
          { piece: "floor", a: 0, b: 0 },
          { piece: "reciprocal", a: 0, b: 0 },
        ],
        x: [3],
        bounded: false,
        typed: false,
      },
      {
        components: [
          { piece: "fastCos", a: 0, b: 1 },
          { piece: "steep", a: 0, b: 0 },
          { piece: "expSin", a: 1, b: 0 },
        ],
        x: [0.7, 0.2],
        bounded: false,
        typed: true,
      },
    ];
    for (const c of cases) expectSame(c);
  });

  it("evaluates F once per point and leaves x unchanged", () => {
    // |x_j| ≤ 1: one scale per column, so no point is asked for twice by the general path either.
    const x = Float64Array.of(0.5, 0.25, -1);
    const seen = new Set<string>();
    let repeats = 0;
    const F = (w: Float64Array): number[] => {
      const key = Array.from(w).join(",");
      if (seen.has(key)) repeats++;
      seen.add(key);
      w[0] = 99; // an F that writes into its argument gets the same answers
      return [w[1] * w[2], Math.exp(w[2])];
    };
    const r = jacobian(F, x);
    expect(Array.from(x)).toEqual([0.5, 0.25, -1]);
    expect(repeats).toBe(0);
    expect(r.value[0][1]).toBeCloseTo(-1, 12);
    expect(r.value[1][2]).toBeCloseTo(Math.exp(-1), 12);
  });

  it("gives the general path's bits when F itself calls jacobian(), and after an F that threw", () => {
    const inner = (x: Float64Array): number[] => [x[0] * x[1], Math.exp(x[1])];
    const F = (x: Float64Array): number[] => {
      const J = jacobian(inner, x); // a Jacobian inside F: its own work, not the outer one's
      return [J.value[0][0] + x[0] * x[0], J.value[1][1] * x[1], Math.sin(x[0])];
    };
    expect(bits(jacobian(F, [0.7, 1.3]))).toBe(bits(jacobianViaGeneral(F, [0.7, 1.3])));
    let calls = 0;
    const throwing = (x: Float64Array): number[] => {
      if (++calls === 7) throw new Error("F failed");
      return [x[0] * x[1], x[1]];
    };
    expect(() => jacobian(throwing, [1.5, 2])).toThrow("F failed");
    const G = (x: Float64Array): number[] => [x[0] * x[1], x[1] ** 3];
    expect(bits(jacobian(G, [1.5, 2]))).toBe(bits(jacobianViaGeneral(G, [1.5, 2])));
  });

  it("relies on FLAT_ROWS = 2: markFlat ends a component flat over rows 0 and 1, as the driver does", () => {
    // markFlat and evaluateFirstRows read exactly rows 0 and 1; another FLAT_ROWS needs them changed.
    expect(FLAT_ROWS).toBe(2);
  });
});
