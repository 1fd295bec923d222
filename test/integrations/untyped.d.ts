// optimization-js 1.5 ships no type declarations: the two functions the integration tests use.
declare module "optimization-js" {
  /** L-BFGS from x0 with the gradient grd; stops when every gradient component is below 1e-5. */
  export function minimize_L_BFGS(
    fnc: (x: number[]) => number,
    grd: (x: number[]) => number[],
    x0: number[],
  ): { argument: number[]; fncvalue: number };
  /** Gradient descent with a line search from x0 with the gradient grd. */
  export function minimize_GradientDescent(
    fnc: (x: number[]) => number,
    grd: (x: number[]) => number[],
    x0: number[],
  ): { argument: number[]; fncvalue: number };
}
