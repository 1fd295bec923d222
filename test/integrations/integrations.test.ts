/**
 * numdiff inside other libraries, with the real libraries (dev dependencies): ml-levenberg-marquardt
 * with numdiff as its `jacobianFunction`, optimization-js's L-BFGS and fmin's conjugate gradient with
 * numdiff's gradient, and ml-matrix built from numdiff's results. docs/integrations.md shows the same
 * code with the call counts these tests print.
 */
import { levenbergMarquardt } from "ml-levenberg-marquardt";
import { EigenvalueDecomposition, Matrix, solve } from "ml-matrix";
import { minimize_L_BFGS } from "optimization-js";
import { describe, expect, it } from "vitest";
import { gradient, hessian, jacobian, toPlain } from "../../src/core/index.js";
import { loadFmin } from "./fmin.js";

/** Counts calls of a function of a point. */
function counted<A extends unknown[], R>(
  f: (...args: A) => R,
): { f: (...args: A) => R; calls: () => number } {
  let calls = 0;
  return {
    f: (...args: A) => {
      calls++;
      return f(...args);
    },
    calls: () => calls,
  };
}

const rosenbrock = (x: readonly number[]): number => (1 - x[0]) ** 2 + 100 * (x[1] - x[0] ** 2) ** 2;

describe("ml-levenberg-marquardt with numdiff as its jacobianFunction", () => {
  // y = a·exp(−b·x) + c, sampled without noise: the fit must find the parameters again.
  const TRUE = [2, 0.7, 0.3];
  const model =
    ([a, b, c]: readonly number[]) =>
    (x: number): number =>
      a * Math.exp(-b * x) + c;
  const data = { x: Array.from({ length: 30 }, (_, i) => i / 6), y: [] as number[] };
  data.y = data.x.map(model(TRUE));
  const options = { initialValues: [1, 1, 1], maxIterations: 200, errorTolerance: 1e-20 };

  /** The model with a count of its evaluations (one per parameter vector and x). */
  function countedModel() {
    let calls = 0;
    const f =
      (p: readonly number[]) =>
      (x: number): number => {
        calls++;
        return model(p)(x);
      };
    return { f, calls: () => calls };
  }

  it("recovers the parameters to 1e-9 with numdiff's gradient per data point, and counts the model evaluations", () => {
    const m = countedModel();
    const fit = levenbergMarquardt(data, m.f, {
      ...options,
      jacobianFunction: (p: number[]) => (x: number) =>
        Array.from(gradient((q: readonly number[]) => m.f(q)(x), p).value),
    });
    fit.parameterValues.forEach((v, i) => expect(Math.abs(v - TRUE[i])).toBeLessThan(1e-9));
    console.log(
      `[integrations] LM, numdiff adaptive: ${fit.iterations} iterations, ${m.calls()} model evaluations`,
    );
  });

  it("with a fixed central step, numdiff's Jacobian costs 2 calls per parameter and point", () => {
    const m = countedModel();
    const fit = levenbergMarquardt(data, m.f, {
      ...options,
      jacobianFunction: (p: number[]) => (x: number) =>
        Array.from(gradient((q: readonly number[]) => m.f(q)(x), p, { method: "central", step: 1e-6 }).value),
    });
    fit.parameterValues.forEach((v, i) => expect(Math.abs(v - TRUE[i])).toBeLessThan(1e-7));
    console.log(
      `[integrations] LM, numdiff fixed step: ${fit.iterations} iterations, ${m.calls()} model evaluations`,
    );
  });

  it("the library's own forward differences (step 0.1) for comparison", () => {
    const m = countedModel();
    const fit = levenbergMarquardt(data, m.f, options);
    console.log(
      `[integrations] LM, built-in differences: ${fit.iterations} iterations, ${m.calls()} model evaluations, ` +
        `largest parameter error ${Math.max(...fit.parameterValues.map((v, i) => Math.abs(v - TRUE[i]))).toExponential(1)}`,
    );
    expect(fit.parameterValues).toHaveLength(3);
  });
});

describe("optimizers with numdiff's gradient", () => {
  it("optimization-js L-BFGS finds Rosenbrock's minimum (1, 1) to 1e-4 with rtol 1e-8", () => {
    // This L-BFGS's line search probes points as far as x0 ≈ 3e5, where f's cancellation makes the
    // gradient noise-limited; with the default (as accurate as possible) it then follows that noise
    // away, with rtol: 1e-8 it converges (11,171 calls of f measured).
    const f = counted(rosenbrock);
    const result = minimize_L_BFGS(f.f, (x) => Array.from(gradient(f.f, x, { rtol: 1e-8 }).value), [-1.2, 1]);
    result.argument.forEach((v) => expect(Math.abs(v - 1)).toBeLessThan(1e-4));
    console.log(`[integrations] L-BFGS with numdiff's gradient: ${f.calls()} calls of f`);
  });

  it("fmin's conjugate gradient finds Rosenbrock's minimum (1, 1) to 1e-4", () => {
    const fmin = loadFmin();
    const f = counted(rosenbrock);
    const result = fmin.conjugateGradient(
      (x, fxprime) => {
        const g = gradient(f.f, x).value;
        for (let i = 0; i < g.length; i++) fxprime[i] = g[i];
        return f.f(x);
      },
      [-1.2, 1],
      { maxIterations: 500 },
    );
    result.x.forEach((v) => expect(Math.abs(v - 1)).toBeLessThan(1e-4));
    console.log(`[integrations] fmin conjugate gradient with numdiff's gradient: ${f.calls()} calls of f`);
  });
});

describe("ml-matrix built from numdiff's results", () => {
  it("Rosenbrock's Hessian at (1, 1) as a Matrix: [[802, −400], [−400, 200]], positive definite", () => {
    const H = new Matrix(toPlain(hessian(rosenbrock, [1, 1])).value);
    const exact = [
      [802, -400],
      [-400, 200],
    ];
    exact.forEach((row, i) => row.forEach((v, j) => expect(Math.abs(H.get(i, j) - v)).toBeLessThan(1e-6)));
    const eigen = new EigenvalueDecomposition(H).realEigenvalues;
    eigen.forEach((lambda) => expect(lambda).toBeGreaterThan(0));
  });

  it("a Newton step from a Jacobian solves F(x) = 0 for a linear F in one step", () => {
    const F = (x: readonly number[]): number[] => [3 * x[0] + x[1] - 5, x[0] - 2 * x[1] + 3];
    const x0 = [0, 0];
    const J = new Matrix(jacobian(F, x0).value.map((row) => Array.from(row)));
    const step = solve(J, Matrix.columnVector(F(x0)));
    const x1 = x0.map((v, i) => v - step.get(i, 0));
    // The solution of 3a + b = 5, a − 2b = −3 is (1, 2).
    expect(Math.abs(x1[0] - 1)).toBeLessThan(1e-12);
    expect(Math.abs(x1[1] - 2)).toBeLessThan(1e-12);
  });
});
