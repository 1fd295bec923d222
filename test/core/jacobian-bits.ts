/** Shared by the Jacobian tests that compare loops and paths bit for bit. */
import type { JacobianResult } from "../../src/core/index.js";

/** Every value, error and status bit for bit, and the calls of F. */
export const bits = (r: JacobianResult): string =>
  JSON.stringify([
    ...[r.value, r.error, r.statuses].map((m) => m.map((row) => Array.from(row, String))),
    r.status,
    r.evaluations,
  ]);
