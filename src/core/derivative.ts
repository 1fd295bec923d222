import { bestOfScales, KeptEstimates } from "./best-of-scales.js";
import { ColumnState } from "./column-state.js";
import { ColumnDriver } from "./driver.js";
import { invalid } from "./errors.js";
import { fixedStep } from "./fixed-step.js";
import { runColumn, type PointSource } from "./run-column.js";
import { Sampler } from "./sampler.js";
import { candidateScales } from "./step.js";
import type { DerivativeOptions, DerivativeResult, Fn1, StencilKind } from "./types.js";
import { checkFunction, resolveOptions } from "./validate.js";

const KINDS: Record<number, StencilKind> = { 0: "central", 1: "forward", [-1]: "backward" };

/** The engine's state for one scalar column, kept between calls so a loop of derivative() allocates little. */
class ScalarEngine {
  readonly state = new ColumnState(1);
  readonly driver = new ColumnDriver(this.state);
  readonly kept = new KeptEstimates(1);
}

// One spare engine, so a loop of derivative() calls allocates no tableau state. Taken while in use, so
// a derivative() of a function that itself calls derivative() gets a fresh one.
let spare: ScalarEngine | null = null;

/** A scalar f as a one-component point source; one reused buffer per call site. */
class ScalarSource implements PointSource {
  private readonly buf = new Float64Array(1);
  private readonly mid = new Float64Array(1);
  constructor(
    private readonly sampler: Sampler,
    private readonly x: number,
  ) {}
  at(t: number): Float64Array {
    this.buf[0] = this.sampler.at(t);
    return this.buf;
  }
  centre(): Float64Array {
    this.mid[0] = this.sampler.at(this.x); // cached by the sampler: evaluated at most once
    return this.mid;
  }
}

/**
 * The derivative of f at x, of any order from 1 to {@link MAX_ORDER}, with an error estimate.
 *
 * By default (`method: "auto"`) steps are chosen relative to the scale of x, a descending sequence of
 * central differences is extrapolated (Richardson/Ridders), and the entry with the smallest estimated
 * error is returned; when f is NaN or infinite on one side of x (log at 0, sqrt at 0, asin at 1) the
 * stencil goes one-sided on the good side and `method` says so. With `step`, exactly one stencil at
 * exactly that h is used: `{ method: "central", step: 1e-4 }` is the book's `numerical_diff`, bit for bit.
 *
 * @param f - the function; exceptions it throws reach the caller unchanged.
 * @param x - the point; NaN gives a NaN value and error, never a throw.
 * @param options - {@link DerivativeOptions}.
 * @throws NumdiffError for bad setup (f not a function, order, method, step, accuracy, bounds) and
 *   when f returns a non-number.
 * @example
 * ```ts
 * import { derivative } from "numdiff";
 * derivative((x) => 0.01 * x ** 2 + 0.1 * x, 5, { method: "central", step: 1e-4 }).value;
 * // 0.1999999999990898 (the book's value; the truth is 0.2)
 * derivative((x) => 0.01 * x ** 2 + 0.1 * x, 5);
 * // { value: 0.2, error: 1.6e-15, step: 0.3125, evaluations: 6, method: "central" }
 * derivative(Math.log, 1e-12).value; // 999999999999.941 (relative error 6e-14, 11 evaluations)
 * derivative(Math.sqrt, 0).method; // "forward": sqrt is NaN left of 0
 * ```
 */
export function derivative(f: Fn1, x: number, options?: DerivativeOptions): DerivativeResult {
  checkFunction(f, "f");
  if (typeof x !== "number") throw invalid("INVALID_POINT", "x", "a number", x);
  const opts = resolveOptions(options, x);
  const sampler = new Sampler(f, opts.lo, opts.hi);
  const startKind: StencilKind = opts.method === "auto" ? "central" : opts.method;
  if (!Number.isFinite(x)) {
    return { value: NaN, error: NaN, step: NaN, evaluations: 0, method: startKind };
  }
  if (opts.step !== undefined) {
    return fixedStep(sampler, x, opts.order, startKind, opts.step, opts.accuracy, opts.lo, opts.hi);
  }
  const source = new ScalarSource(sampler, x);
  const engine = spare ?? new ScalarEngine();
  spare = null;
  const { state, driver, kept } = engine;
  const scales = candidateScales(x);
  const spec = {
    x,
    order: opts.order,
    scale: 1,
    start: startKind,
    canSwitch: opts.method === "auto",
    probeOnly: false,
  };
  try {
    kept.clear();
    state.activateAll();
    bestOfScales(state, kept, scales.length, (i) =>
      runColumn(driver, source, { ...spec, scale: scales[i], probeOnly: i > 0 }),
    );
  } finally {
    spare = engine; // also after an exception thrown by f
  }
  let value = kept.value[0];
  const error = kept.error[0];
  const found = Number.isFinite(value);
  // No estimate of the error means no convergence: if f is not even finite at x (1/x at 0), the
  // last difference is meaningless, and the honest value is NaN.
  if (Number.isNaN(error) && !Number.isFinite(sampler.at(x))) value = NaN;
  const step = found ? kept.step[0] : NaN;
  const method = found ? KINDS[kept.kind[0]] : startKind;
  return { value, error, step, evaluations: sampler.evaluations, method };
}
