import { describe, expect, it } from "vitest";
import {
  checkGradient,
  derivative,
  directionalDerivative,
  gradient,
  hessian,
  jacobian,
  NumdiffError,
  partial,
  STATUSES,
} from "../../src/core/index.js";
import { CHECK_GRADIENT_TOLERANCE } from "../../src/core/all-constants.js";

const function2 = (x: Float64Array): number => x[0] ** 2 + x[1] ** 2;
const book = { method: "central", step: 1e-4 } as const;

/** A function of n variables that counts its calls. */
function counted(n: number): { f: (x: Float64Array) => number; calls: () => number } {
  let calls = 0;
  return {
    f: (x) => {
      calls++;
      let s = 0;
      for (let i = 0; i < n; i++) s += Math.sin(x[i]) * (i + 1);
      return s;
    },
    calls: () => calls,
  };
}

function expectCode(fn: () => unknown, code: string, argument?: string): void {
  let caught: unknown;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(NumdiffError);
  expect((caught as NumdiffError).code).toBe(code);
  if (argument !== undefined) expect((caught as NumdiffError).argument).toBe(argument);
  expect((caught as NumdiffError).message).toMatch(/^invalid .*; expected .*, got /);
}

describe("book mode: { method: 'central', step: 1e-4 }", () => {
  it("partial of x0² + x1² at (3, 4) gives the book's bits 6.00000000000378 and 7.999999999999119", () => {
    expect(partial(function2, [3, 4], 0, book).value).toBe(6.00000000000378);
    expect(partial(function2, [3, 4], 1, book).value).toBe(7.999999999999119);
  });

  it("gradient gives the same bits as partial, with exactly 2N calls", () => {
    const r = gradient(function2, [3, 4], book);
    expect(Array.from(r.value)).toEqual([6.00000000000378, 7.999999999999119]);
    expect(r.evaluations).toBe(4);
    const { f, calls } = counted(50);
    const g = gradient(f, new Float64Array(50).fill(0.3), book);
    expect(g.evaluations).toBe(100);
    expect(calls()).toBe(100);
  });

  it("gradient at (0, 2) and (3, 0) gives [0, 4.000000000004] and [6.000000000012662, 0]", () => {
    expect(Array.from(gradient(function2, [0, 2], book).value)).toEqual([0, 4.000000000004]);
    expect(Array.from(gradient(function2, [3, 0], book).value)).toEqual([6.000000000012662, 0]);
  });

  it("forward mode costs exactly N + 1 calls and is (f(x + h·e_i) - f(x)) / h", () => {
    const { f, calls } = counted(40);
    const x = new Float64Array(40).fill(0.7);
    const r = gradient(f, x, { method: "forward", step: 1e-6 });
    expect(r.evaluations).toBe(41);
    expect(calls()).toBe(41);
    const y = x.slice();
    y[3] = 0.7 + 1e-6;
    expect(r.value[3]).toBe((f(y) - f(x)) / 1e-6);
    expect(gradient(f, x, { method: "backward", step: 1e-6 }).evaluations).toBe(41);
  });

  it("forward mode with accuracy 2 uses the three-point stencil (2N + 1 calls)", () => {
    const { f } = counted(10);
    const r = gradient(f, new Float64Array(10).fill(1), { method: "forward", step: 1e-3, accuracy: 2 });
    expect(r.evaluations).toBe(21);
    expect(Math.abs(r.value[0] - Math.cos(1))).toBeLessThan(1e-6);
  });

  it("a fixed-step jacobian of a one-component F has the gradient's bits and 2N calls", () => {
    const r = jacobian((x) => [function2(x)], [3, 4], book);
    expect(Array.from(r.value[0])).toEqual([6.00000000000378, 7.999999999999119]);
    expect(r.evaluations).toBe(4);
    expect(jacobian((x) => [function2(x)], [3, 4], { method: "forward", step: 1e-4 }).evaluations).toBe(3);
  });

  it("a fixed-step directional derivative along e_0 has the partial's bits", () => {
    expect(directionalDerivative(function2, [3, 4], [1, 0], book).value).toBe(6.00000000000378);
  });

  it("fixed-step results carry error NaN (one stencil cannot estimate its own error)", () => {
    expect(gradient(function2, [3, 4], book).error.every(Number.isNaN)).toBe(true);
    expect(partial(function2, [3, 4], 0, book).error).toBeNaN();
  });
});

describe("the working copy", () => {
  it("gradient lends f one Float64Array, the same object on every call, never the caller's", () => {
    const seen = new Set<Float64Array>();
    const x = new Float64Array([1, 2, 3]);
    for (const options of [book, {}]) {
      seen.clear();
      gradient(
        (w) => {
          seen.add(w);
          return w[0] * w[1] * w[2];
        },
        x,
        options,
      );
      expect(seen.size).toBe(1);
      expect(seen.has(x)).toBe(false);
    }
  });

  it("a nudged coordinate is restored bit for bit: f sees x exactly, apart from the coordinate moved", () => {
    const x = [0.1, 0.7, 1e-300, 123456.789];
    gradient(
      (w) => {
        let moved = 0;
        for (let i = 0; i < x.length; i++) if (w[i] !== x[i]) moved++;
        expect(moved).toBeLessThanOrEqual(1);
        return w[0] + w[1] * w[2] + w[3];
      },
      x,
      book,
    );
  });

  it("no function changes the caller's array", () => {
    const make = (): number[] => [0.3, -1.2, 2.5];
    const f = (w: Float64Array): number => Math.exp(w[0]) * w[1] + w[2] ** 3;
    const F = (w: Float64Array): number[] => [f(w), w[0] * w[1]];
    const calls: [string, (x: number[]) => unknown][] = [
      ["partial", (x) => partial(f, x, 1)],
      ["partial (book)", (x) => partial(f, x, 1, book)],
      ["gradient", (x) => gradient(f, x)],
      ["gradient (book)", (x) => gradient(f, x, book)],
      ["directionalDerivative", (x) => directionalDerivative(f, x, [1, 2, 3])],
      ["jacobian", (x) => jacobian(F, x)],
      ["jacobian (book)", (x) => jacobian(F, x, book)],
      ["hessian", (x) => hessian(f, x)],
      ["hessian (fixed)", (x) => hessian(f, x, { step: 1e-3 })],
      [
        "checkGradient",
        (x) => checkGradient(f, (w) => [Math.exp(w[0]) * w[1], Math.exp(w[0]), 3 * w[2] ** 2], x),
      ],
    ];
    for (const [name, call] of calls) {
      const x = make();
      const typed = Float64Array.from(make());
      call(x);
      call(typed as unknown as number[]);
      expect(x, name).toEqual(make());
      expect(Array.from(typed), name).toEqual(make());
    }
  });

  it("accepts plain arrays, Float64Array and Float32Array alike", () => {
    const a = gradient(function2, [3, 4], book).value;
    expect(gradient(function2, Float64Array.of(3, 4), book).value).toEqual(a);
    expect(gradient(function2, Float32Array.of(3, 4), book).value).toEqual(a);
  });
});

describe("bad input", () => {
  it("an empty x throws INVALID_POINT", () => {
    expectCode(() => gradient(function2, []), "INVALID_POINT", "x");
    expectCode(() => jacobian((x) => [x[0]], []), "INVALID_POINT", "x");
    expectCode(() => hessian(function2, new Float64Array(0)), "INVALID_POINT", "x");
  });

  it("integer typed arrays as x throw INVALID_POINT (they would truncate x + h)", () => {
    for (const x of [Int32Array.of(3, 4), Uint8Array.of(3, 4), Int16Array.of(3, 4)]) {
      expectCode(() => gradient(function2, x as unknown as number[]), "INVALID_POINT", "x");
      expectCode(() => partial(function2, x as unknown as number[], 0), "INVALID_POINT", "x");
    }
    expect(() => gradient(function2, Int32Array.of(3, 4) as unknown as number[])).toThrow(/truncate/);
  });

  it("a non-number entry of x throws INVALID_POINT naming the entry", () => {
    expectCode(() => gradient(function2, [3, "4"] as unknown as number[]), "INVALID_POINT", "x[1]");
  });

  it("an index out of range or not an integer throws INVALID_INDEX", () => {
    for (const index of [-1, 2, 0.5, NaN, Infinity]) {
      expectCode(() => partial(function2, [3, 4], index), "INVALID_INDEX", "index");
    }
    expect(() => partial(function2, [3, 4], 2)).toThrow(
      "invalid index; expected an integer from 0 to 1, got 2",
    );
  });

  it("a direction of the wrong length, all zeros or non-finite throws INVALID_DIRECTION", () => {
    expectCode(() => directionalDerivative(function2, [3, 4], [1]), "INVALID_DIRECTION", "direction");
    expectCode(() => directionalDerivative(function2, [3, 4], [0, 0]), "INVALID_DIRECTION", "direction");
    expectCode(() => directionalDerivative(function2, [3, 4], [1, NaN]), "INVALID_DIRECTION", "direction[1]");
  });

  it("F returning a different length than on its first call throws INCONSISTENT_OUTPUT", () => {
    let calls = 0;
    const F = (x: Float64Array): number[] => (++calls === 1 ? [x[0], x[1]] : [x[0]]);
    expectCode(() => jacobian(F, [1, 2]), "INCONSISTENT_OUTPUT", "F");
    calls = 0;
    expectCode(() => jacobian(F, [1, 2], book), "INCONSISTENT_OUTPUT", "F");
  });

  it("non-numeric results throw NON_NUMERIC_RESULT", () => {
    const bad = ((): unknown => "1") as unknown as (x: Float64Array) => number;
    expect(() => gradient(bad, [1, 2], book)).toThrow(NumdiffError);
    expect(() => gradient(bad, [1, 2])).toThrow(NumdiffError);
    expect(() => jacobian((() => 3) as unknown as (x: Float64Array) => number[], [1])).toThrow(NumdiffError);
    expect(() => jacobian(() => [1, "2" as unknown as number], [1])).toThrow(NumdiffError);
  });

  it("bad options throw: a one-sided method for a Hessian, onProgress not a function, errors not boolean", () => {
    expectCode(() => hessian(function2, [1, 2], { method: "forward" }), "INVALID_METHOD", "method");
    expectCode(
      () => gradient(function2, [1, 2], { onProgress: 3 as unknown as () => void }),
      "INVALID_OPTION",
      "onProgress",
    );
    expectCode(
      () => jacobian((x) => [x[0]], [1], { errors: 0 as unknown as boolean }),
      "INVALID_OPTION",
      "errors",
    );
    expectCode(() => gradient(function2, [1, 2], { step: -1 }), "INVALID_STEP", "step");
  });

  it("bounds that do not contain x or do not match its length throw INVALID_BOUNDS", () => {
    expectCode(() => gradient(function2, [1, 2], { bounds: [0, 1.5] }), "INVALID_BOUNDS", "bounds[1]");
    expectCode(() => gradient(function2, [1, 2], { bounds: [[0, 3]] }), "INVALID_BOUNDS", "bounds");
  });

  it("x with NaN gives NaN in that component (value and error) and leaves the others intact", () => {
    const f = (x: Float64Array): number => x[0] ** 2 + 3 * x[1];
    const r = gradient((x) => (Number.isNaN(x[0]) ? 3 * x[1] : f(x)), [NaN, 2]);
    expect(r.value[0]).toBeNaN();
    expect(r.error[0]).toBeNaN();
    expect(Math.abs(r.value[1] - 3)).toBeLessThan(1e-13);
    const b = gradient((x) => (Number.isNaN(x[0]) ? 3 * x[1] : f(x)), [NaN, 2], book);
    expect(b.value[0]).toBeNaN();
    expect(b.evaluations).toBe(2); // no calls along the NaN coordinate
    expect(partial(f, [NaN, 2], 0).value).toBeNaN();
    expect(jacobian((x) => [f(x)], [1, NaN]).value[0][1]).toBeNaN();
    const jb = jacobian((x) => [x[1], 2 * x[1]], [NaN, 1], book).value;
    expect([jb[0][0], jb[1][0]]).toEqual([NaN, NaN]);
    expect(Math.abs(jb[1][1] - 2)).toBeLessThan(1e-10);
    expect(directionalDerivative(f, [NaN, 2], [1, 1]).value).toBeNaN();
    const h = hessian(f, [NaN, 2]).value;
    expect(h[0][0]).toBeNaN();
    expect(h[0][1]).toBeNaN();
  });
});

describe("bounds", () => {
  it("per-coordinate bounds keep every evaluation inside and go one-sided at an edge", () => {
    const f = (x: Float64Array): number => {
      if (x[0] < 0 || x[1] < 1) throw new Error(`outside: ${x[0]}, ${x[1]}`);
      return Math.sqrt(x[0]) + x[1] ** 2;
    };
    const r = gradient(f, [0.5, 1], {
      bounds: [
        [0, Infinity],
        [1, 5],
      ],
    });
    expect(Math.abs(r.value[0] - 1 / (2 * Math.sqrt(0.5)))).toBeLessThan(1e-12);
    expect(Math.abs(r.value[1] - 2)).toBeLessThan(1e-10);
    expect(
      partial(f, [0.5, 1], 1, {
        bounds: [
          [0, 1],
          [1, 5],
        ],
      }).method,
    ).toBe("forward");
  });

  it("a directional derivative never leaves per-coordinate bounds", () => {
    const f = (x: Float64Array): number => {
      if (x[0] < 1) throw new Error("outside");
      return Math.log(x[0]) + x[1];
    };
    const r = directionalDerivative(f, [1, 0], [1, 1], {
      bounds: [
        [1, 10],
        [-10, 10],
      ],
    });
    expect(Math.abs(r.value - 2)).toBeLessThan(1e-9);
  });

  it("a fixed step whose stencil leaves the bounds throws INVALID_STEP", () => {
    expectCode(() => gradient(function2, [0, 1], { ...book, bounds: [0, 2] }), "INVALID_STEP", "step");
  });
});

describe("onProgress", () => {
  it("reports (done, total) once per coordinate, column, and Hessian entry of the upper triangle", () => {
    const log: [number, number][] = [];
    const onProgress = (d: number, t: number): void => void log.push([d, t]);
    gradient(function2, [1, 2, 3], { onProgress });
    expect(log).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
    log.length = 0;
    jacobian((x) => [x[0], x[1]], [1, 2], { ...book, onProgress });
    expect(log).toEqual([
      [1, 2],
      [2, 2],
    ]);
    log.length = 0;
    hessian(function2, [1, 2, 3], { onProgress });
    expect(log.map((e) => e[0])).toEqual([1, 2, 3, 4, 5, 6]);
    expect(log.every((e) => e[1] === 6)).toBe(true);
  });
});

describe("jacobian", () => {
  it("value[i][j] = dF_i/dx_j: numdifftools' [[2, 4], [3, 12]] and [[6, 8], [27, 48]]", () => {
    const F = (x: Float64Array): number[] => [x[0] ** 2 + x[1] ** 2, x[0] ** 3 + x[1] ** 3];
    const expectMatrix = (got: Float64Array[], want: number[][], tol: number): void => {
      want.forEach((row, i) =>
        row.forEach((v, j) => expect(Math.abs(got[i][j] - v)).toBeLessThanOrEqual(tol)),
      );
    };
    expectMatrix(
      jacobian(F, [1, 2]).value,
      [
        [2, 4],
        [3, 12],
      ],
      1e-13,
    );
    expectMatrix(
      jacobian(F, [3, 4]).value,
      [
        [6, 8],
        [27, 48],
      ],
      1e-12,
    );
  });

  it("with errors: false the error matrix is skipped and each column is one plain stencil (2 calls, within 1e-9 of the truth)", () => {
    const F = (x: Float64Array): number[] => [Math.sin(x[0] * x[1]), x[0] - x[1]];
    const a = jacobian(F, [0.4, 0.9]);
    const b = jacobian(F, [0.4, 0.9], { errors: false });
    expect(b.error).toEqual([]);
    expect(b.evaluations).toBe(4);
    const want = [
      [0.9 * Math.cos(0.36), 0.4 * Math.cos(0.36)],
      [1, -1],
    ];
    for (let i = 0; i < 2; i++)
      for (let j = 0; j < 2; j++) expect(Math.abs(b.value[i][j] - want[i][j])).toBeLessThan(1e-9);
    expect(a.error[0][0]).toBeGreaterThan(0);
  });

  it("each component stops on its own: one steep component does not spoil a flat one", () => {
    const F = (x: Float64Array): number[] => [Math.sin(100 * x[0]), 3 * x[0], Math.exp(x[0])];
    const r = jacobian(F, [0.2]);
    expect(Math.abs(r.value[0][0] - 100 * Math.cos(20))).toBeLessThan(1e-9);
    expect(Math.abs(r.value[1][0] - 3)).toBeLessThanOrEqual(4 * Number.EPSILON);
    // Each component stops once its estimate is below CONVERGED_RELATIVE_ERROR = 64·EPS of its value.
    expect(Math.abs(r.value[2][0] - Math.exp(0.2))).toBeLessThan(64 * Number.EPSILON * Math.exp(0.2));
    expect(r.error[2][0]).toBeGreaterThanOrEqual(Math.abs(r.value[2][0] - Math.exp(0.2)));
  });

  it("entries of components that do not depend on x_j are exactly 0 (sparse Jacobians)", () => {
    const F = (x: Float64Array): Float64Array => x.map((v) => 2 * v + Math.cos(v));
    const x = [-1, 0.5, 2, 3.5];
    const r = jacobian(F, x);
    for (let i = 0; i < 4; i++)
      for (let j = 0; j < 4; j++) {
        if (i !== j) expect(r.value[i][j]).toBe(0);
        // the diagonal is 2 - sin x_i ≈ 1..3, estimated to a few ulps (about 1e-14 at worst)
        else expect(Math.abs(r.value[i][i] - (2 - Math.sin(x[i])))).toBeLessThan(1e-13);
      }
    expect(r.error[0][1]).toBeGreaterThan(0); // the rounding level, not a claim of exactness
  });

  it("a component that is NaN on one side goes one-sided with the column, and an infinite slope is not-finite", () => {
    const F = (x: Float64Array): number[] => [Math.sqrt(x[0]), x[0] ** 2];
    const r = jacobian(F, [0]);
    expect(r.value[1][0]).toBe(0);
    expect(r.statuses[1][0]).toBe(0);
    // sqrt'(0) is +Infinity: the one-sided column never converges (no error estimate), so the entry is
    // rechecked by derivative()'s pipeline (jacobian-recheck.ts), which says so, as derivative() does.
    expect(derivative(Math.sqrt, 0).status).toBe("not-finite");
    expect(r.value[0][0]).toBeNaN();
    expect(r.error[0][0]).toBe(Infinity);
    expect(STATUSES[r.statuses[0][0]]).toBe("not-finite");
  });
});

describe("hessian", () => {
  it("matches numdifftools' cases: Rosenbrock at [1, 1], cos(x0 - x1) at [0, 0]", () => {
    const rosen = (x: Float64Array): number => (1 - x[0]) ** 2 + 100 * (x[1] - x[0] ** 2) ** 2;
    const h = hessian(rosen, [1, 1]).value;
    expect([Array.from(h[0]), Array.from(h[1])]).toEqual([
      [802, -400],
      [-400, 200],
    ]);
    const c = hessian((x) => Math.cos(x[0] - x[1]), [0, 0]);
    [
      [-1, 1],
      [1, -1],
    ].forEach((row, i) => row.forEach((v, j) => expect(Math.abs(c.value[i][j] - v)).toBeLessThan(1e-9)));
  });

  it("is exactly symmetric, value and error", () => {
    const f = (x: Float64Array): number => Math.exp(x[0] * x[1]) + Math.sin(x[1] * x[2]) * x[0];
    const r = hessian(f, [0.3, 0.8, -1.1]);
    for (let i = 0; i < 3; i++)
      for (let j = 0; j < 3; j++) {
        expect(r.value[i][j]).toBe(r.value[j][i]);
        expect(r.error[i][j]).toBe(r.error[j][i]);
      }
  });

  it("with a fixed step makes exactly 1 + 2n + 2n(n-1) calls", () => {
    const { f, calls } = counted(4);
    const r = hessian(f, [0.1, 0.2, 0.3, 0.4], { step: 1e-3 });
    expect(r.evaluations).toBe(1 + 8 + 24);
    expect(calls()).toBe(33);
  });

  it("steps are scaled per coordinate: x0 ~ 1e-6 next to x1 ~ 1e3 inside log's domain", () => {
    const f = (x: Float64Array): number => Math.log(x[0]) * x[1] ** 2 + 1e6 * x[0];
    const r = hessian(f, [1e-6, 1000]);
    expect(Math.abs(r.value[0][1] - 2e9) / 2e9).toBeLessThan(1e-9);
    expect(Math.abs(r.value[0][0] + 1e18) / 1e18).toBeLessThan(1e-9);
  });
});

describe("directionalDerivative", () => {
  it("is ∇f·v with v as given: Rosenbrock-105 at [2, 3] along [1, -1] is 1052 (numdifftools: 1052/√2)", () => {
    const rosen = (x: Float64Array): number => (1 - x[0]) ** 2 + 105 * (x[1] - x[0] ** 2) ** 2;
    const r = directionalDerivative(rosen, [2, 3], [1, -1]);
    expect(Math.abs(r.value - 1052)).toBeLessThan(1e-10);
    expect(Math.abs(r.value / Math.SQRT2 - 743.8763338082483)).toBeLessThan(1e-10);
  });

  it("scales its steps to x: a function of x ~ 1e4 along a tiny direction", () => {
    const f = (x: Float64Array): number => Math.sin(x[0] / 1e4) * 1e4;
    const r = directionalDerivative(f, [2e4], [1e-3]);
    expect(Math.abs(r.value - 1e-3 * Math.cos(2)) / 1e-3).toBeLessThan(1e-12);
  });
});

describe("checkGradient", () => {
  const f = (x: Float64Array): number => x[0] ** 2 * x[1] + Math.sin(x[2]);
  const good = (x: Float64Array): number[] => [2 * x[0] * x[1], x[0] ** 2, Math.cos(x[2])];

  it("passes a correct gradient with relative errors far below the tolerance", () => {
    const r = checkGradient(f, good, [3, 4, 0.5]);
    expect(r.pass).toBe(true);
    expect(r.tolerance).toBe(CHECK_GRADIENT_TOLERANCE);
    expect(r.worst.relativeError).toBeLessThan(1e-12);
    expect(Array.from(r.analytic)).toEqual([24, 9, Math.cos(0.5)]);
  });

  it("fails a gradient with a missing factor 2 and names the component", () => {
    const r = checkGradient(f, (x) => [x[0] * x[1], x[0] ** 2, Math.cos(x[2])], [3, 4, 0.5]);
    expect(r.pass).toBe(false);
    expect(r.worst.index).toBe(0);
    expect(Math.abs(r.worst.relativeError - 0.5)).toBeLessThan(1e-12);
    expect(r.worst.analytic).toBe(12);
    expect(Math.abs(r.worst.numerical - 24)).toBeLessThan(1e-12);
  });

  it("compares a zero component on the gradient's scale, so numerical noise does not fail it", () => {
    const r = checkGradient(
      (x) => x[0] ** 2 + Math.cos(x[1]),
      (x) => [2 * x[0], -Math.sin(x[1])],
      [5, 0],
    );
    expect(r.pass).toBe(true);
    expect(r.relativeError[1]).toBeLessThan(1e-12);
  });

  it("fails on NaN and on grad of the wrong length (INCONSISTENT_OUTPUT)", () => {
    expect(checkGradient(f, () => [NaN, 9, 1], [3, 4, 0.5]).pass).toBe(false);
    expectCode(() => checkGradient(f, () => [1, 2], [3, 4, 0.5]), "INCONSISTENT_OUTPUT", "grad");
  });
});
