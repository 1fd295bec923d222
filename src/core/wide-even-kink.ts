/**
 * A kink at x that the rows' kink test (even-kink.ts) left undecided by rounding. Against the noise
 * check's even part E(s_c), the column's last three even parts E(s) = E₀ + J·s/2 + b·s² + c·s⁴ + … at
 * s₀ < s₁ < s₂ (a halving ladder) give the jump J of f′ twice, with the s² term removed (pairJump). Its
 * uncertainty is ruled by the rounding of E, which the elimination multiplies by about 10/s₂ for the
 * pair (s₁, s₂). Beside a large term of f (a Hessian's diagonal or a gradient's line, whose other
 * coordinates put |f| at 1e9 … 1e14) a jump of the size of that bound is neither told nor ruled out:
 * sin t + 0.0088·|t − c|/2 beside 5.9e9 at c read J = 0.0083 ± 0.0051 (the truth 0.0088), one bound
 * short of ROWS_KINK_SIGNAL, and f′ was the sides' midpoint, 0.49470 ± 4.8e-4, ok, for slopes 0.49031
 * and 0.49912; a Hessian's f″ there asked for f′ (first-at-x.ts) and kept 28.9 ± 240, ok.
 *
 * J·s/2 grows like s while the rounding of E does not, so the same read one ladder wider, from the even
 * parts at s₂, 2s₂ and 4s₂ (two pairs asked for, 4 calls), has a quarter of the rounding's share; a
 * smooth f's s⁴ term, which grows 64 times there, makes the wider pairs disagree by 7/8 of their
 * jump (PAIRS_AGREEMENT) and fails as before. Where the rows' read reaches its rounding bound without
 * passing the signal, and half of it is beyond the estimate's error, the wider read decides with the
 * same test (anchoredKink) and the same sign; the kink flag then sends the estimate to the one-sided
 * columns (side-checks.ts), which compare the slopes. A smooth f's read is its rounding, below the
 * bound, and asks nothing.
 */

import { COLUMN_FLAG } from "./column-state.js";
import { EPS, F_ROUNDING } from "./constants.js";
import {
  KINK_ANCHOR,
  KINK_READ,
  KINK_UNDECIDED,
  anchoredKink,
  pairJump,
  undecidedLikeKink,
} from "./even-kink.js";
import type { Pipeline, Sampler } from "./sampler.js";
import type { Estimate, ScalarEngine } from "./scalar-column.js";
import { representableStep } from "./step.js";

/**
 * How much wider than the column's widest even row s₂ the wider ladder's rows are: s₂, 2s₂ and
 * 4s₂ (WIDE_KINK_RATIO), one ladder of three halvings starting where the column's ended, so that
 * anchoredKink's halving-ladder rules (PAIRS_AGREEMENT's 7/8 for a smooth f) hold.
 *
 * @default 4
 * @example
 * ```ts
 * WIDE_KINK_RATIO; // => 4
 * ```
 */
export const WIDE_KINK_RATIO = 4;

// The wider ladder's rows in anchoredKink's layout (even parts newest first, steps, Σ|w|·|f|).
const WIDE = new Float64Array(7);

/**
 * Whether the even parts one ladder wider show the jump of f′ at x that the column's own rows left
 * undecided (see the file comment), for a central first derivative `est` whose rows' test
 * (checkEvenKink) marked `KINK_UNDECIDED`; sets COLUMN_FLAG.kink on `est` where they do. False, at no
 * call, where nothing was undecided, and where x ± 4s₂ leaves the bounds or gives a value that is not
 * finite.
 *
 * @example
 * ```ts
 * yield* wideEvenKink(engine, sampler, est); // est.flags has kink where the wider rows show one
 * ```
 */
export function* wideEvenKink(engine: ScalarEngine, sampler: Sampler, est: Estimate): Pipeline<boolean> {
  const { x, o, evenRows } = engine;
  const at = KINK_UNDECIDED[0];
  const asks = undecidedLikeKink(evenRows);
  KINK_UNDECIDED[0] = -1;
  if (!asks || o.order !== 1 || o.noise !== 0 || est.kind !== "central" || est.flags !== 0) return false;
  // The anchor as checkEvenKink set it (the check's pair x ∓ h_c), read again: f may have run a
  // derivative of its own since.
  const lo0 = engine.checkValues[0];
  const hi0 = engine.checkValues[1];
  const ec = 0.5 * lo0 + 0.5 * hi0;
  const sc = engine.checkH;
  const checkRounding = F_ROUNDING * EPS * (0.5 * Math.abs(lo0) + 0.5 * Math.abs(hi0));
  const s2 = evenRows[at + 5];
  const before = pairJump(evenRows[at + 1], evenRows[at + 4], evenRows[at + 2], s2, ec, sc);
  const mid = representableStep(x, 2 * s2);
  const wide = representableStep(x, WIDE_KINK_RATIO * s2);
  if (!(x - wide >= o.lo && x + wide <= o.hi)) return false;
  const midHi = yield* sampler.one(x + mid);
  const midLo = yield* sampler.one(x - mid);
  const hi = yield* sampler.one(x + wide);
  const lo = yield* sampler.one(x - wide);
  if (!Number.isFinite(midHi + midLo + hi + lo)) return false;
  WIDE[0] = evenRows[at + 2];
  WIDE[1] = 0.5 * midLo + 0.5 * midHi;
  WIDE[2] = 0.5 * lo + 0.5 * hi;
  WIDE[3] = s2;
  WIDE[4] = mid;
  WIDE[5] = wide;
  // The rounding of the widest values bounds the others' (anchoredKink takes one for all three).
  WIDE[6] = Math.max(
    evenRows[at + 6],
    0.5 * Math.abs(midLo) + 0.5 * Math.abs(midHi),
    0.5 * Math.abs(lo) + 0.5 * Math.abs(hi),
  );
  KINK_ANCHOR[0] = ec;
  KINK_ANCHOR[1] = sc;
  KINK_ANCHOR[2] = checkRounding;
  KINK_ANCHOR[3] = est.error;
  KINK_ANCHOR[4] = 0;
  const shown = anchoredKink(WIDE, 0) && pairJump(WIDE[1], mid, WIDE[2], wide, ec, sc) * before > 0;
  KINK_UNDECIDED[0] = -1;
  if (shown) {
    est.flags |= COLUMN_FLAG.kink;
    engine.evenJump = KINK_READ[0];
  }
  return shown;
}
