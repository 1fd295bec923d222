/**
 * The `numdiff/constants` entry: every tuning constant of the numerics (steps, tolerances, limits),
 * each documented with its formula and source where it is defined. The root entry (`numdiff`) exports
 * the API only; these are for readers of the method, benchmarks and tests.
 */
export * from "./constants.js";
export { MIXED_INITIAL_STEP } from "./mixed-partial.js";
export { CONFIRM_CALLS, LINE_ROUNDING, MIXED_ASK_SIGNAL, MIXED_JUMP_SIGNAL } from "./mixed-kink.js";
export {
  CHECK_GRADIENT_ERROR_FACTOR,
  CHECK_GRADIENT_FLOOR,
  CHECK_GRADIENT_TOLERANCE,
} from "./check-gradient.js";
export { FLAT_ROWS } from "./driver.js";
export { ROW_BLOCK_COLUMNS } from "./jacobian-rows.js";
export {
  FLOAT32_ELSEWHERE_ORDER,
  FLOAT32_EXACT_BITS,
  FLOAT32_FLAT_FACTOR,
  FLOAT32_UNIT_ROUNDOFF,
} from "./float32.js";
export { FLOAT32_FULL_BITS } from "./float32-beside.js";
export { PAIR_DEPTH, PAIR_STEP_SLACK } from "./pair-parts.js";
export {
  ANCHORED_JUMP_SIGNAL,
  ODD_CHECK_RATIO,
  ODD_CHECK_SIGNAL,
  ROW_AMPLIFICATION,
} from "./odd-part-check.js";
export { LOCAL_SHAPE_ORDER } from "./scalar-column.js";
export { OTHER_SIDE_START, OTHER_SIDE_TRIES, RESOLVE_SIGNAL } from "./other-side.js";
export { SIDE_JUMP_STEP } from "./side-jump.js";
export { JUMP_PART_RATIO } from "./blind-jump.js";
// Round 15: the numerics' constants not reached before (test/core/all-constants.test.ts keeps the
// list complete; what it leaves out, and why, is listed there).
export { CHECK_JUMP_AGREEMENT, CHECK_JUMP_SIGNAL, CHECK_JUMP_STEPS } from "./check-jump.js";
export { TERM_GRID_EXCESS } from "./difference-grid.js";
export {
  EVEN_DROP_SIGNAL,
  EVEN_NOISE_RATIO,
  EVEN_NOISE_SHARE,
  EVEN_NOISE_SHRINK,
  EVEN_NOISE_SMALL,
  EVEN_NOISE_STEPS,
  EVEN_ROOT_SHARE,
  EVEN_TRUNCATION_RATIO,
} from "./even-noise.js";
export { FAR_KINK_RATIO } from "./far-row-check.js";
export { SIDES_BEYOND_NOISE } from "./first-at-x.js";
export { INPUT_ROUNDING_MARGIN } from "./float32-input.js";
export { JUMP_GROWTH_BAND, ROUNDED_SIGNAL, SIGNIFICANT_WIDENINGS } from "./growth.js";
export { FLOAT32_TABLEAU_GAIN } from "./jacobian-float32.js";
export { CLEANED_ROUNDING, FIRST_ORDER_ROWS, FIRST_ORDER_SIGNAL, KINK_LONG_STRIDE } from "./kink-test.js";
export { INTERCEPT_CALLS, INTERCEPT_ROUNDING, INTERCEPT_SIGNAL, INTERCEPT_STEP } from "./mixed-intercept.js";
export { UNSETTLED_MIXED_CALLS } from "./mixed-partial.js";
export {
  GRID_PROBE_OFFSET,
  PROPORTIONAL_BAND,
  RESOLUTION_WIDENINGS,
  STAIR_MARGIN,
  STEP_BALANCE,
  STEP_SHARE,
} from "./noise-check.js";
export {
  COARSE_BITS,
  GRID_EXCESS,
  GRID_MIN_BITS,
  LOCALISED_SHARE,
  NOISE_AGREEMENT,
  NOISE_MAX_ORDER,
  NOISE_POINTS,
  QUANTUM_SHARE,
} from "./noise.js";
export { MODEL_POWERS, ROWS_JUMP_SIGNAL, ROWS_ROUNDING } from "./odd-part-check.js";
export { UNSETTLED_GROWTH } from "./other-side.js";
export { QUIET_LIMITED_SHARE, SIXTH_DROP_SIGNAL } from "./quiet-noise.js";
export { EVEN_LEVEL_REACH, EVEN_ROUNDING_REACH, FAINT_DROP, FAINT_SIGNAL } from "./faint-noise.js";
export { MISFIT_GROWTH, MISFIT_ORDER, MISFIT_SIGNAL } from "./row-misfit.js";
export { GRID_RESOLVED } from "./value-grid.js";
export { WIDE_ROW_RATIO } from "./wide-rows-jump.js";
export { WIDE_KINK_RATIO } from "./wide-even-kink.js";
export {
  ROW_NOISE_AGREEMENT,
  ROW_NOISE_FLOOR,
  ROW_NOISE_LARGEST,
  ROW_NOISE_SPACING,
  SPIKE_OVER_NOISE,
} from "./row-noise.js";
export { LOPSIDED_ERROR, SIDES_JUMP_AGREEMENT, SIDES_JUMP_RESOLUTION } from "./side-checks.js";
export { UNCONFIRMED_NOISE, UNCONFIRMED_RELATIVE } from "./unconfirmed-scale.js";
export { MIXED_NOISE_POINTS, MIXED_TABLE_AGREEMENT, MIXED_TABLE_SHRINK } from "./mixed-noise.js";
export { CHANGES_JUMP_ORDER, DEEP_JUMP_ORDER, RAN_DOWN_DEPTH, VAGUE_JUMP_ORDER } from "./jump-changes.js";
export { FEW_DIGITS, LOWER_CHECK_ORDER } from "./first-at-x.js";
export { JUMP_CHANGE_BAND, JUMP_CHANGE_SIGNAL } from "./jump-at-x.js";
export { CHECK_TRUNCATION } from "./row-gaps.js";
export { HELD_COLUMNS } from "./jacobian-column.js";
export { ONE_SIDE_SLOPE_BAND } from "./settle-noise.js";
export { GROWTH_CONFIRM_RATIO } from "./settle-singular.js";
export { POLE_LEVEL_SHARE, POLE_TABLE_GROWTH } from "./pole-level.js";
export { EVEN_POLE_GROWTH, EVEN_POLE_ORDER } from "./even-pole.js";
export { PAIRS_AGREEMENT, ROWS_KINK_SIGNAL } from "./even-kink.js";
export { EVEN_ROWS, LONG_MISS_SIGNAL, PROBE_SPREAD_ORDER } from "./long-steps.js";
export { PAIR_OFFSET, PAIRED_MISS_SIGNAL } from "./paired-sides.js";
export { LEVEL_REACH_GROWTH } from "./level-reach.js";
export { GRID_ROWS, GRID_SPREAD, NO_GRID } from "./value-grid.js";
export { CROSSING_CHANGES, CROSSING_FLOOR, CROSSING_SIGNAL } from "./crossing-side.js";
// Round 16 (r16-hi): a measured noise level's spread; f″'s jump read from a noisy f⁗ column's rows.
export { LEVEL_SPREAD_ORDER, NOISE_LEVEL_SPREAD } from "./level-spread.js";
export { ROWS_SECOND_JUMP_SIGNAL } from "./noisy-second-jump.js";
export { JUMP_BESIDE_HALVINGS, JUMP_BESIDE_SHARE, JUMP_BESIDE_SIGNAL } from "./jump-beside.js";
export {
  FLAT_REACH_FACTOR,
  FLAT_REACH_HALVINGS,
  FLAT_REACH_MARGIN,
  FLAT_REACH_WIDENINGS,
  FLAT_STAIR_RATIO,
} from "./flat-reach.js";
export {
  CLEAN_CHECK_BITS,
  CLEAN_CHECK_RATIO,
  CLEAN_CHECK_SIGNAL,
  CLEAN_CHECK_STEPS,
  CLEAN_LEVEL_SIGNAL,
} from "./clean-check.js";
export { FLOAT32_JUMP_RATIO } from "./float32-jump.js";
export { GRID_FLOOR, GRID_ROWS_READ, GRID_SURE, LOW_BITS } from "./even-grid.js";
