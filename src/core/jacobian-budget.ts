/**
 * How `maxEvaluations`, a budget per partial derivative, bounds an adaptive Jacobian: n·maxEvaluations
 * calls of F in all for n columns. The calls every column shares come first: F(x), and for F with
 * SCREEN_COMPONENTS rows or more the rows' noise tables (row-noise.ts), each part of which runs only
 * where the columns keep at least one stencil each after it. The rest is split evenly among the
 * columns (the first ones get the remainder), so that each column's budget is fixed before any column
 * runs and the sync, batched and async loops, which run the columns in different orders, give the
 * same bits. Within a column every stage asks its budget first: the driver (ColumnSpec.budget), the
 * screen, the recheck of entries (jacobian-recheck.ts) and the one-sided check (jacobian-sides.ts).
 */

import { baseStencil } from "./driver.js";
import type { ResolvedMultivariate } from "./vector.js";

/**
 * A Jacobian's budget of calls of F (see the file comment); made only when `maxEvaluations` is finite.
 *
 * @example
 * ```ts
 * import { resolveMultivariate } from "./vector.js";
 * const o = resolveMultivariate({ maxEvaluations: 10 }, Float64Array.of(1, 2, 3));
 * const budget = new JacobianBudget(o, 3, 16);
 * // 30 calls in all, F(x) one of them: the columns get 10, 10 and 9
 * budget.column(0); // => 10
 * budget.column(2); // => 9
 * // the tables' 16 calls leave 13, at least one stencil (2 calls) for each of the 3 columns
 * budget.tables(16); // => true
 * budget.column(2); // => 4
 * ```
 */
export class JacobianBudget {
  /** Calls of F for every column together: n·maxEvaluations. */
  readonly total: number;
  /** Calls every column shares: F(x), then the rows' noise tables. */
  shared = 1;
  /** Rows whose noise tables the budget did not let run (1 each), or null when all ran. */
  rowSpent: Uint8Array | null = null;
  /** The fewest calls of a column that still make one stencil (the least `maxEvaluations` allowed). */
  private readonly least: number;

  constructor(
    o: ResolvedMultivariate,
    private readonly n: number,
    private readonly m: number,
  ) {
    this.total = n * o.resolved.maxEvaluations;
    this.least = baseStencil(o.method === "auto" ? "central" : o.method, o.order).offsets.length;
  }

  /**
   * Whether a part of the rows' noise tables of `cost` calls fits: the columns keep at least one
   * stencil each after it. True counts its calls as shared.
   */
  tables(cost: number): boolean {
    if (this.total - (this.shared + cost) < this.n * this.least) return false;
    this.shared += cost;
    return true;
  }

  /** Marks the rows the tables could not measure (`rows` null: every row). */
  spend(rows: Uint8Array | null): void {
    this.rowSpent ??= new Uint8Array(this.m);
    for (let k = 0; k < this.m; k++) if (rows === null || rows[k] === 1) this.rowSpent[k] = 1;
  }

  /** The calls of F column j may make: its even share of what the shared calls leave. */
  column(j: number): number {
    const left = this.total - this.shared;
    return Math.floor(left / this.n) + (j < left % this.n ? 1 : 0);
  }
}
