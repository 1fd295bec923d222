/**
 * A jump of f″ at x under a fourth derivative whose first column saw "noise". The central f⁗ stencil
 * weighs x ± s alike and cancels the odd part of f, and with it the t|t| term of a jump J in f″ at x
 * (J/2·max(0, t)² = J/4·(t² + t|t|)): the column converges to the even part's f⁗, a confident number
 * where f⁗ does not exist. The odd-part check (odd-part-check.ts) reads J from the rows' odd parts, but
 * only after a quiet first column; where the first column noticed noise (f's rounding beside a large
 * term: cos t − 0.0082·huber at its join 45794 from x, |f| ≈ 8.6e6) the noise stage runs on and the
 * check never comes. The column run on still holds its last four odd parts O(s) … O(8s): their jump
 * read (`rowsJump`, J up to its s³ term) above ROWS_SECOND_JUMP_SIGNAL times its uncertainty sends the
 * result to f″'s sides at x (first-at-x.ts), as the check's `secondJumps` does. No call of f; only
 * results whose noise stage found no level pay for the sides (f″'s sides under a measured noise level
 * can differ by the noise alone).
 */

import { PAIR_DEPTH } from "./pair-parts.js";
import { rowsJump } from "./odd-part-check.js";
import type { ScalarEngine } from "./scalar-column.js";

/**
 * How many times its uncertainty the jump of f″ read from the rows alone must be: 4, as the anchored
 * read's (ANCHORED_JUMP_SIGNAL), twice the order-2 read's 2 (ROWS_JUMP_SIGNAL), where the rows follow
 * a quiet column: here they follow "noise", which a level the tables could not confirm may still put
 * into the parts.
 *
 * @default 4
 * @example
 * ```ts
 * ROWS_SECOND_JUMP_SIGNAL; // 4
 * ```
 */
export const ROWS_SECOND_JUMP_SIGNAL = 4;

/**
 * Whether the last column run of a fourth derivative (the engine's driver, central) shows f″ jumping
 * at x by its rows' odd parts alone (see the file comment).
 *
 * @example
 * ```ts
 * if (noisyFirst && noLevel && rowsShowSecondJump(engine)) engine.secondJumps = true;
 * ```
 */
export function rowsShowSecondJump(engine: ScalarEngine): boolean {
  const pairs = engine.driver.pairParts;
  if (engine.o.order !== 4 || pairs === null || pairs.count[0] < PAIR_DEPTH) return false;
  const j = rowsJump(pairs.part, pairs.step[0], pairs.rounding[0]);
  return Math.abs(j.jump) > ROWS_SECOND_JUMP_SIGNAL * j.uncertainty;
}
