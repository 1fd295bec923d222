import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { derivative, jacobian, type DerivativeOptions, type DerivativeResult } from "../../src/core/index.js";
import { runSync } from "../../src/core/column-steps.js";
import { releaseWork, takeWork } from "../../src/core/jacobian-column.js";
import { derivativePipeline } from "../../src/core/derivative-pipeline.js";
import { Sampler } from "../../src/core/sampler.js";
import { ScalarEngine } from "../../src/core/scalar-engine.js";
import { resolveOptions } from "../../src/core/validate.js";

/** Deterministic noise in [-0.5, 0.5) from the bits of t. */
function hash(t: number): number {
  const u = new Uint32Array(new Float64Array([t]).buffer);
  let h = u[0] ^ Math.imul(u[1], 2654435761);
  h = Math.imul(h ^ (h >>> 15), 2246822507);
  h = Math.imul(h ^ (h >>> 13), 3266489909);
  return ((h ^ (h >>> 16)) >>> 0) / 4294967296 - 0.5;
}

/** Smooth, noisy, float32, kinked, jumping, one-sided and singular functions: every branch of the pipeline. */
const FUNCTIONS: [string, (t: number) => number][] = [
  ["square", (t) => t * t],
  ["exp", Math.exp],
  ["sin", Math.sin],
  ["log", Math.log],
  ["sqrt", Math.sqrt],
  ["relu", (t) => Math.max(0, t)],
  ["floor", Math.floor],
  ["float32 exp", (t) => Math.fround(Math.exp(Math.fround(t)))],
  ["noise 1e-12", (t) => t * t * (1 + 1e-12 * hash(t))],
  ["noise 1e-8", (t) => t * t * (1 + 1e-8 * hash(t))],
  ["pole", (t) => 1 / t],
  ["sinc", (t) => Math.sin(t) / t],
];

const OPTIONS: (DerivativeOptions | undefined)[] = [
  undefined,
  { order: 2 },
  { order: 3 },
  { method: "forward" },
  { method: "backward", order: 2 },
  { rtol: 1e-6 },
  { noise: 1e-10 },
  { noise: { relative: 1e-12 } },
  { maxEvaluations: 6 },
  { bounds: [-1, 1] },
  { method: "central", step: 1e-4 },
];

const point = fc.oneof(
  fc.double({ min: -3, max: 3, noNaN: true }),
  fc.constantFrom(0, 1, -1, 1e-12, 100, 401.79, 1e5, Number.MAX_VALUE, NaN, Infinity),
);

/** The generator pipeline with a sampler that calls f itself: what derivative() ran before it had a sync path. */
function viaGenerator(
  f: (t: number) => number,
  x: number,
  o: DerivativeOptions | undefined,
): DerivativeResult {
  const opts = resolveOptions(o, x);
  return runSync(derivativePipeline(new ScalarEngine(), new Sampler(f, opts.lo, opts.hi), x, opts));
}

/** A batched f: one call per round of points. */
const batched =
  (f: (t: number) => number) =>
  (ts: Float64Array): Float64Array =>
    ts.map(f);

/** The outcome of a call: its result or the code of what it threw. */
function outcome<T>(call: () => T): T | string {
  try {
    return call();
  } catch (e) {
    return `throws ${(e as { code?: string }).code}`;
  }
}

describe("derivative()'s sync path (derivativeNow) and the generator pipeline", () => {
  it("return the same result, bit for bit, evaluations and field order included (fast-check)", () => {
    fc.assert(
      fc.property(fc.constantFrom(...FUNCTIONS), point, fc.constantFrom(...OPTIONS), ([, f], x, o) => {
        const bounded = o?.bounds !== undefined && !(x >= -1 && x <= 1);
        const now = outcome(() => derivative(f, bounded ? 0.5 : x, o));
        const gen = outcome(() => viaGenerator(f, bounded ? 0.5 : x, o));
        expect(now).toStrictEqual(gen);
        expect(JSON.stringify(now)).toBe(JSON.stringify(gen));
      }),
      { numRuns: 400 },
    );
  });

  it("and the batched loop give the same values, errors, steps, statuses and noise (fast-check)", () => {
    fc.assert(
      fc.property(fc.constantFrom(...FUNCTIONS), point, fc.constantFrom(...OPTIONS), ([, f], x, o) => {
        const at = o?.bounds !== undefined ? 0.5 : x;
        const a = outcome(() => derivative(f, at, o));
        const b = outcome(() => derivative(batched(f), at, { ...o, batch: true }));
        if (typeof a === "string" || typeof b === "string") {
          expect(b).toBe(a); // the same NumdiffError code from both
          return;
        }
        for (const k of ["value", "error", "step", "status", "method", "noise", "left", "right"] as const)
          expect(b[k]).toStrictEqual(a[k]);
      }),
      { numRuns: 200 },
    );
  });

  it("leaves no state behind: a call after one whose f threw, and a derivative inside f, are as if alone", () => {
    const alone = derivative(Math.exp, 1);
    expect(() =>
      derivative((t) => {
        if (t > 1.01) throw new Error("boom");
        return Math.exp(t);
      }, 1),
    ).toThrow("boom");
    expect(derivative(Math.exp, 1)).toStrictEqual(alone);
    const nested = derivative((t) => derivative(Math.sin, t).value, 0.5); // d/dt sin′(t) = −sin(t)
    expect(nested.value).toBeCloseTo(-Math.sin(0.5), 8);
    expect(derivative(Math.exp, 1)).toStrictEqual(alone);
  });

  it("shares the resolved defaults without changing them", () => {
    derivative((t) => t * t, 3);
    derivative(Math.log, 0);
    expect(resolveOptions(undefined)).toStrictEqual(resolveOptions({}));
  });
});

describe("jacobian()'s spare column engine", () => {
  const F = (x: Float64Array): number[] => [x[0] * x[1], Math.sin(x[1]), Math.abs(x[0]), Math.exp(x[2])];
  const G = (x: Float64Array): number[] => [x[0] + x[1] * x[2], Math.log(x[2])];

  it("gives each call the bits of a first call, whatever ran before (other m, F that threw, nesting)", () => {
    const first = jacobian(F, [1, 2, 0.5]);
    const g = jacobian(G, [1, 2, 0.5]);
    expect(jacobian(F, [1, 2, 0.5])).toStrictEqual(first);
    expect(() =>
      jacobian(
        (x) => {
          if (x[1] !== 2) throw new Error("boom");
          return F(x);
        },
        [1, 2, 0.5],
      ),
    ).toThrow("boom");
    expect(jacobian(F, [1, 2, 0.5])).toStrictEqual(first);
    const nested = jacobian(
      (x) => {
        const inner = jacobian(G, [x[0], 2, 0.5]);
        return [inner.value[0][0] * x[0], x[1]];
      },
      [1, 2],
    );
    expect(nested.value[0][0]).toBeCloseTo(1, 10); // d/dx0 (1 · x0)
    expect(jacobian(G, [1, 2, 0.5])).toStrictEqual(g);
    expect(jacobian(F, [1, 2, 0.5])).toStrictEqual(first);
  });

  it("is handed out clean: no noise level left from another user", () => {
    const e = takeWork(3, true);
    e.state.noise.fill(1);
    releaseWork(e);
    const again = takeWork(3, true);
    expect(again).toBe(e);
    expect(Array.from(again.state.noise)).toEqual([0, 0, 0]);
    releaseWork(again);
  });
});
