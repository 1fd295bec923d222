/**
 * An order-2 side (the shape stage's one-sided f″, side-checks.ts) whose last rows' changes cross
 * zero. A one-sided f″ row at step h is f″ − h·f‴ + (7/12)·h²·f⁗ − …: where the h and h² terms are of
 * opposite sign and like size the rows' changes flip sign, and a tableau stopped there mistakes the
 * turn for convergence (1/(1 + t²) − 0.0926·u|u| backward at 0.02863, 2.9e-4 below its join: rows
 * −1.7934, −1.8128, −1.8123, −1.8095 at 0.0625 … 0.0078 gave −1.81182 ± 9.7e-4, where f″ = −1.8050;
 * the midpoint of the sides then missed x's side). A change that flips sign says the tableau has not
 * settled: the side runs again from its last step, below the turn, where its rows change one way;
 * where that gives no error, or the turn stands only a few times above the rows' rounding
 * (CROSSING_FLOOR), the side's error is at least the largest of the last changes (where it
 * diverges, a jump at x made the turn, and the side stays as it was for the sides' comparison).
 */

import { COLUMN_FLAG } from "./column-state.js";
import { KINK_SIGNAL } from "./constants.js";
import { difference } from "./growth.js";
import type { Pipeline, Sampler } from "./sampler.js";
import { run, type Estimate, type ScalarEngine } from "./scalar-column.js";
import type { StencilKind } from "./types.js";

/**
 * How many of a side's last changes between rows are looked at for a crossing (four rows): a flip
 * among the first, far rows, with rows that then change one way, is the tableau's business.
 *
 * @default 3
 * @example
 * ```ts
 * CROSSING_CHANGES; // => 3
 * ```
 */
export const CROSSING_CHANGES = 3;

/**
 * How many times its row's rounding a change must be to count in a crossing: KINK_SIGNAL, the kink
 * test's margin (changes of rounding flip sign at random).
 *
 * @default 16
 * @example
 * ```ts
 * CROSSING_SIGNAL; // => 16
 * ```
 */
export const CROSSING_SIGNAL = KINK_SIGNAL;

/**
 * How many times its row's rounding each change of a weaker crossing is (below CROSSING_SIGNAL): twice
 * the most two rows' rounding can move a change by (each row's is bounded by its rounding). Such a turn
 * may be the rows' rounding ending the column, and running on below it reads more rounding: the side's
 * error only is widened to its changes, where no noise was measured (the C1 midpoint beside |f| ≈ 8.7e6, where f″'s backward rows
 * turned by 7.6 times their rounding).
 *
 * @default 4
 * @example
 * ```ts
 * CROSSING_FLOOR; // => 4
 * ```
 */
export const CROSSING_FLOOR = 4;

/**
 * The changes of the last rows of the column of `kind` just run (at most CROSSING_CHANGES + 1 rows),
 * read from its steps at f's points it already holds (no call of f), the last row's step, and whether
 * two changes that flip sign each stand above CROSSING_SIGNAL times their row's rounding (`strong`);
 * null where no two above CROSSING_FLOOR times it flip sign.
 */
function* crossingChanges(
  engine: ScalarEngine,
  sampler: Sampler,
  kind: StencilKind,
): Pipeline<{ changes: number[]; last: number; strong: boolean } | null> {
  const s = engine.state;
  const n = engine.driver.rowCount;
  if (n < 3) return null;
  const from = Math.max(0, n - CROSSING_CHANGES - 1);
  const rows: number[] = [];
  for (let i = from; i < n; i++) rows.push(yield* difference(sampler, engine.x, kind, s.steps[i], 2));
  const changes: number[] = [];
  const signal: number[] = [];
  let crossed = 0;
  for (let i = 1; i < rows.length; i++) {
    const c = rows[i] - rows[i - 1];
    const ratio = Math.abs(c) / s.rowRounding[from + i];
    const j = changes.length - 1;
    if (
      j >= 0 &&
      ratio > CROSSING_FLOOR &&
      signal[j] > CROSSING_FLOOR &&
      Math.sign(c) !== Math.sign(changes[j])
    )
      crossed = Math.max(crossed, Math.min(ratio, signal[j]));
    changes.push(c);
    signal.push(ratio);
  }
  return crossed > 0 ? { changes, last: s.steps[n - 1], strong: crossed > CROSSING_SIGNAL } : null;
}

/**
 * A one-sided order-2 estimate `side` of `kind`, from the column just run, held to its rows (see the
 * file comment): where its last changes cross zero, the column of `kind` from its last step, if that
 * gives an error; otherwise `side` with its error at least the largest of those changes. Other sides
 * (other orders, no error, a crossing not seen) are returned as they are.
 *
 * @example
 * ```ts
 * import { runSync } from "./column-steps.js";
 * import { Sampler } from "./sampler.js";
 * import { ScalarEngine } from "./scalar-column.js";
 * import { resolveOptions } from "./validate.js";
 * // Order 1: the side is returned as it is (order 2 reads the rows of the column just run).
 * const engine = new ScalarEngine().begin(1, resolveOptions(undefined, 1));
 * const side = { value: 2.7, error: 1e-9 };
 * runSync(heldPastCrossing(engine, new Sampler(Math.exp), "forward", 0, side)).error; // => 1e-9
 * ```
 */
export function* heldPastCrossing<S extends { value: number; error: number }>(
  engine: ScalarEngine,
  sampler: Sampler,
  kind: StencilKind,
  level: number,
  side: S,
): Pipeline<S> {
  if (engine.o.order !== 2 || !Number.isFinite(side.error)) return side;
  const crossing = yield* crossingChanges(engine, sampler, kind);
  if (crossing === null) return side;
  const largest = Math.max(...crossing.changes.map(Math.abs));
  // A weak crossing where noise was measured may be that noise (its level a σ, not a bound): no claim.
  if (!crossing.strong) return level > 0 ? side : { ...side, error: Math.max(side.error, largest) };
  const again: Estimate = yield* run(engine, sampler, {
    kind,
    level,
    stopOnNoise: true,
    canSwitch: false,
    firstStep: crossing.last,
  });
  // A column that now diverges met a jump at x, whose J/h² took over the rows (the turn was its): the
  // side stays as it was, for the sides' comparison to judge.
  if ((again.flags & COLUMN_FLAG.diverging) !== 0) return side;
  const settled = (again.flags & COLUMN_FLAG.budget) === 0;
  if (settled && Number.isFinite(again.error)) return { ...side, value: again.value, error: again.error };
  return { ...side, error: Math.max(side.error, largest) };
}
