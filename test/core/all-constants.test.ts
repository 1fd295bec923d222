import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import * as constants from "../../src/core/all-constants.js";

// numdiff/constants promises "every tuning constant of the numerics". These exported UPPER_CASE
// constants of src/core are not tuning: layout (enumerations, buffer sizes, scratch memory, tables,
// byte order) and speed only (the results are the same bits either way, as their TSDoc says). A new
// exported UPPER_CASE constant must be re-exported by src/core/all-constants.ts or listed here with
// its reason.
const NOT_TUNING: Readonly<Record<string, string>> = {
  // enumerations, flags and sentinels
  COLUMN_FLAG: "bit flags of a column's state",
  GRID_SLOT: "indices into a column's grid record",
  COLUMN_END: "how a common column ended",
  COMPONENT_END: "how a Jacobian component's column ended",
  COMPONENT_STATE: "a Jacobian component's state",
  REGIME: "a tableau's regime codes",
  STATUSES: "the result statuses (API, not numerics)",
  NO_ENTRY: "the Hessian entry of no estimate",
  ROW_MISSED: "rowGaps' return where a row missed",
  BUDGET_SPENT: "the error thrown when maxEvaluations is spent",
  // capacities and sizes of buffers (they grow, or hold the widest stencil)
  COLUMN_POINTS_CAPACITY: "a column cache's first capacity",
  COLUMN_POINTS: "the common Jacobian column's point slots",
  COLUMN_ROWS: "a slot of the common Jacobian column's result",
  MAX_POINTS: "room for the widest stencil",
  MISFIT_HITS: "slots for a column's misfit hits",
  MIXED_POINT_SIZE: "numbers mixedPoints writes",
  POINT_CACHE_SIZE: "a point cache's slots",
  REQUEST_CAPACITY: "a sampler's first request capacity",
  SAMPLER_CAPACITY: "a sampler's first capacity",
  SPARE_WORK_COMPONENTS: "the largest Jacobian work kept for reuse",
  ONE_BUFFER_NUMBERS: "the largest matrix allocated as one buffer",
  ON_HEAP_ROW_BYTES: "the largest row allocated on V8's heap",
  SMALL_MATRIX_BYTES: "the largest matrix with a typed array per row",
  // scratch memory, tables and byte order
  KINK_ANCHOR: "scratch for the rows' kink test's anchor",
  KINK_UNDECIDED: "scratch: where the rows' kink test was left undecided",
  KINK_READ: "scratch: the jump the rows' kink test last read",
  GRID_SCRATCH: "scratch for reading a double's bits",
  LOW_WORD: "the platform's byte order",
  HIGH_WORD: "the platform's byte order",
  GRID_POWERS: "a table of the powers of 2",
  GRID_POWER_ZERO: "the index of 2⁰ in GRID_POWERS",
  // speed only: the same results either way
  COMMON_PATH_PATIENCE: "when derivative(f, xs) stops trying the common path",
  COMMON_PATH_PROBE: "how often derivative(f, xs) tries it again",
  LOOP_RESTORE_LENGTH: "how x is restored (a loop or set())",
  SCREEN_COMPONENTS: "the fewest components of F whose columns are screened",
};

const CORE = new URL("../../src/core/", import.meta.url);
const EXPORTED_CONSTANT = /^export const ([A-Z][A-Z0-9_]*)\b/gm;

/** Every exported UPPER_CASE constant of src/core/*.ts, with its file. */
function coreConstants(): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of readdirSync(CORE).filter((f) => f.endsWith(".ts"))) {
    const text = readFileSync(new URL(file, CORE), "utf8");
    for (const m of text.matchAll(EXPORTED_CONSTANT)) found.set(m[1], file);
  }
  return found;
}

describe("numdiff/constants (src/core/all-constants.ts)", () => {
  const found = coreConstants();
  const reexported = new Set(Object.keys(constants));

  it("re-exports every exported UPPER_CASE constant of src/core that is not layout or speed only", () => {
    const missing = [...found].filter(([name]) => !reexported.has(name) && !(name in NOT_TUNING));
    expect(missing.map(([name, file]) => `${name} (${file})`)).toEqual([]);
  });

  it("lists as not tuning only constants that exist and that it does not re-export", () => {
    const stale = Object.keys(NOT_TUNING).filter((name) => !found.has(name) || reexported.has(name));
    expect(stale).toEqual([]);
  });

  it("finds the constants it checks (the scan of src/core is not empty)", () => {
    // 207 exported UPPER_CASE constants in round 15; far fewer means the pattern or the path broke.
    expect(found.size).toBeGreaterThan(150);
    expect(found.get("WIDE_ROW_RATIO")).toBe("wide-rows-jump.ts");
  });

  it("re-exports the values where they are defined (exactly: a re-export is the same binding)", () => {
    expect(constants.WIDE_ROW_RATIO).toBe(16);
    expect(constants.ROWS_JUMP_SIGNAL).toBe(2);
    expect(constants.NOISE_POINTS).toBe(9);
    expect(constants.EVEN_NOISE_STEPS).toEqual([1.5, 2.5]);
  });
});
