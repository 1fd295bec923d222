import { describe, expect, it } from "vitest";
import { directionalDerivative, gradient, hessian, jacobian } from "../../src/core/index.js";
import { functionsNd, vectorFunctions } from "../fixtures/functions.js";
import cases from "../fixtures/multivariate-cases.json" with { type: "json" };

/** Targets of the issue, relative to the largest entry of the exact result. */
const GRADIENT_TOLERANCE = 1e-10;
const HESSIAN_TOLERANCE = 1e-7;
const JACOBIAN_TOLERANCE = 1e-10;
/** Directional derivatives: not in the issue; held to the gradient's target, relative to |∇f|·|v|. */
const DIRECTIONAL_TOLERANCE = 1e-10;

interface Worst {
  id: string;
  error: number;
}

/** max_ij |got - exact| / max_ij |exact| (absolute when the exact result is all zeros). */
function scaledError(got: ArrayLike<number>[], exact: number[][]): number {
  let scale = 0;
  for (const row of exact) for (const v of row) scale = Math.max(scale, Math.abs(v));
  let err = 0;
  exact.forEach((row, i) => row.forEach((v, j) => (err = Math.max(err, Math.abs(got[i][j] - v)))));
  return scale > 0 ? err / scale : err;
}

function report(kind: string, worst: Worst): void {
  console.log(`${kind}: worst ${worst.error.toExponential(2)} of the largest entry at ${worst.id}`);
}

describe("accuracy on the reference set (default options)", () => {
  it("every gradient is within 1e-10 of its largest component", () => {
    const worst: Worst = { id: "", error: 0 };
    for (const c of cases.gradient) {
      const r = gradient(functionsNd[c.fn], c.x);
      const e = scaledError([r.value], [c.exact]);
      expect(e, `${c.id}: ${Array.from(r.value)} vs ${c.exact}`).toBeLessThanOrEqual(GRADIENT_TOLERANCE);
      if (e >= worst.error) Object.assign(worst, { id: c.id, error: e });
    }
    report("gradient", worst);
  });

  it("every Hessian is within 1e-7 of its largest entry, and exactly symmetric", () => {
    const worst: Worst = { id: "", error: 0 };
    for (const c of cases.hessian) {
      const r = hessian(functionsNd[c.fn], c.x);
      const e = scaledError(r.value, c.exact);
      expect(e, c.id).toBeLessThanOrEqual(HESSIAN_TOLERANCE);
      r.value.forEach((row, i) => row.forEach((v, j) => expect(v).toBe(r.value[j][i])));
      if (e >= worst.error) Object.assign(worst, { id: c.id, error: e });
    }
    report("hessian", worst);
  });

  it("every Jacobian is within 1e-10 of its largest entry", () => {
    const worst: Worst = { id: "", error: 0 };
    for (const c of cases.jacobian) {
      const r = jacobian(vectorFunctions[c.fn], c.x);
      const e = scaledError(r.value, c.exact);
      expect(e, c.id).toBeLessThanOrEqual(JACOBIAN_TOLERANCE);
      if (e >= worst.error) Object.assign(worst, { id: c.id, error: e });
    }
    report("jacobian", worst);
  });

  it("every directional derivative is within 1e-10 of |∇f|·|v|", () => {
    const worst: Worst = { id: "", error: 0 };
    for (const c of cases.directional) {
      const g = cases.gradient.find((d) => d.fn === c.fn && d.x.join() === c.x.join());
      const r = directionalDerivative(functionsNd[c.fn], c.x, c.direction);
      const gradNorm = g ? Math.hypot(...g.exact) : Math.abs(c.exact);
      const scale = Math.max(gradNorm * Math.hypot(...c.direction), Math.abs(c.exact), Number.MIN_VALUE);
      const e = Math.abs(r.value - c.exact) / scale;
      expect(e, c.id).toBeLessThanOrEqual(DIRECTIONAL_TOLERANCE);
      if (e >= worst.error) Object.assign(worst, { id: c.id, error: e });
    }
    report("directional", worst);
  });

  it("error estimates bound the true error of gradients and Jacobians (within a factor 4)", () => {
    // The estimate is "an upper bound in the vast majority of cases"; the factor leaves room for
    // the engine's sharpened (Aitken-style) estimates, which are not strict bounds.
    for (const c of cases.gradient) {
      const r = gradient(functionsNd[c.fn], c.x);
      c.exact.forEach((v, i) => expect(Math.abs(r.value[i] - v), c.id).toBeLessThanOrEqual(4 * r.error[i]));
    }
    for (const c of cases.jacobian) {
      const r = jacobian(vectorFunctions[c.fn], c.x);
      c.exact.forEach((row, i) =>
        row.forEach((v, j) =>
          expect(Math.abs(r.value[i][j] - v), c.id).toBeLessThanOrEqual(4 * r.error[i][j]),
        ),
      );
    }
  });
});
