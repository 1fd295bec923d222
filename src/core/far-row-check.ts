/**
 * The odd-part check of a second derivative against the column's own far row. After settled rows the
 * column may take a row at a step far shorter than the last (driver.ts, troubleEnds), and stop there on
 * what it reads as noise; the pairs' history then starts again from that row (pair-parts.ts), so the
 * odd-part check (odd-part-check.ts), which needs three rows at halving steps, never runs, nor does the
 * noise check. Where f″ jumps at a join δ beside x (0 < δ ≪ h), the even stencil gives the midpoint of
 * the two sides' f″ at every step above δ, moved by a term in δ/h that the column takes for noise
 * (t³ − 2t − 0.00124·max(0, t − x − 1e-8)² at x = −1 gave f″ = −6.00123 ± 9.5e-6, ok, where f″ is −6
 * at x and −6.00247 past the join). The odd part O(s) = (f(x + s) − f(x − s))/s carries J·s/2 there,
 * J the jump of f″: the rows before the far row and the far row's odd part, at u = its step over the
 * newest of theirs, are the odd-part check's rows and tiny step (oddPartFlags), with no call of its
 * own. A kink flag sends the pipeline to the one-sided comparison (side-checks.ts), as the odd-part
 * check's would; a smooth f gets none and pays nothing.
 */

import { COLUMN_FLAG } from "./column-state.js";
import { oddPartFlags, ROW_AMPLIFICATION } from "./odd-part-check.js";
import type { Estimate, ScalarEngine } from "./scalar-column.js";

/**
 * Sets COLUMN_FLAG.kink in `est.flags` where the order-2 central column's far row (see the file
 * comment) shows f″ jumping at x against the rows before it; else nothing.
 *
 * @example
 * ```ts
 * import { ScalarEngine, type Estimate } from "./scalar-column.js";
 * import { resolveOptions } from "./validate.js";
 * const engine = new ScalarEngine().begin(1, resolveOptions({ order: 2 }, 1));
 * const est: Estimate = { value: 6, error: 1e-12, step: 0.5, kind: "central", flags: 0, noisyStep: NaN };
 * checkFarRow(engine, est); // no column has run: no far row
 * est.flags; // => 0
 * ```
 */
export function checkFarRow(engine: ScalarEngine, est: Estimate): void {
  if (engine.o.order !== 2 || est.kind !== "central") return;
  const pairs = engine.driver.pairParts;
  if (pairs === null || pairs.count[0] !== 1) return;
  const before = pairs.before;
  if (before === null || before.count < 3 || !(pairs.step[0] < before.step)) return;
  const rounding = pairs.rounding[0] + ROW_AMPLIFICATION * before.rounding;
  const u = pairs.step[0] / before.step;
  est.flags |= oddPartFlags(before.part, before.count, pairs.part[0], u, rounding) & COLUMN_FLAG.kink;
}
