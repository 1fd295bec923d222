/**
 * The Jacobian's output written by rows. A column of an n × n Jacobian touches n rows, one number in
 * each: written as it finishes, every number is a cache miss (and, rows being 8n bytes apart, a TLB
 * miss). Columns are kept instead as blocks of ROW_BLOCK_COLUMNS: for each, the step its screened
 * components settled at (their error is the rounding level, computed row by row from F(x)) and the
 * entries the driver computed. A finished block is written row by row, each row's segment at once;
 * value entries that are +0 are never written (the rows start at +0).
 */

import { flatNoise } from "./flat-screen.js";
import { FLOAT32_FLAT_FACTOR } from "./float32.js";
import type { Stencil } from "./stencil.js";
import { divideByPower } from "./step.js";

/**
 * Columns written together, row by row: each row then gets a segment of 64 doubles (512 bytes, 8
 * cache lines) at once instead of 64 scattered numbers. The block's own memory is O(64) plus the
 * entries the driver computed in it (one per column for a diagonal F). Measured at n = 10⁴ on this
 * machine: writing n² numbers by columns cost 1.2 s of CPU, by rows 0.14 s (bench/RESULTS.md).
 *
 * @default 64
 * @example
 * ```ts
 * ROW_BLOCK_COLUMNS; // 64
 * ```
 */
export const ROW_BLOCK_COLUMNS = 64;

/** Blocks written and free, shared by every Jacobian (a block is taken and written synchronously). */
const SPARE_BLOCKS: Block[] = [];
const LOCKSTEP_BLOCKS = 8;

/** What a column of a block holds besides its entries. */
const FILL = Object.freeze({ none: 0, flat: 1, nan: 2 } as const);

/** The columns [j0, j0 + size) while they finish, in any order. */
class Block {
  j0 = 0;
  size = 0;
  finished = 0;
  readonly fill = new Uint8Array(ROW_BLOCK_COLUMNS);
  readonly step = new Float64Array(ROW_BLOCK_COLUMNS);
  count = 0;
  rows = new Int32Array(64);
  cols = new Int32Array(64);
  values = new Float64Array(64);
  errors = new Float64Array(64);
  codes = new Uint8Array(64);

  reset(j0: number, size: number): void {
    this.j0 = j0;
    this.size = size;
    this.finished = 0;
    this.count = 0;
    this.fill.fill(FILL.none);
  }

  add(k: number, j: number, v: number, e: number, code: number): void {
    if (this.count === this.rows.length) this.grow();
    const i = this.count++;
    this.rows[i] = k;
    this.cols[i] = j;
    this.values[i] = v;
    this.errors[i] = e;
    this.codes[i] = code;
  }

  private grow(): void {
    const size = 2 * this.rows.length;
    const more = <T extends Int32Array | Float64Array | Uint8Array>(a: T, b: T): T => (b.set(a), b);
    this.rows = more(this.rows, new Int32Array(size));
    this.cols = more(this.cols, new Int32Array(size));
    this.values = more(this.values, new Float64Array(size));
    this.errors = more(this.errors, new Float64Array(size));
    this.codes = more(this.codes, new Uint8Array(size));
  }
}

/**
 * Writes the Jacobian's columns into its rows, block by block (see the file comment). Columns may
 * finish in any order (the async loop); each block is written once all its columns have finished.
 *
 * @example
 * ```ts
 * import { baseStencil } from "./driver.js";
 * const value = [new Float64Array(1), new Float64Array(1)];
 * const error = [new Float64Array(1), new Float64Array(1)];
 * const statuses = [new Uint8Array(1), new Uint8Array(1)];
 * const out = new JacobianRows(value, error, statuses, Float64Array.of(5, 1), baseStencil("central", 1), 1);
 * out.settle(0, 0.5); // column 0: every component not given otherwise is flat, settled at h = 0.5
 * out.entry(0, 0, 2, 1e-14, 0); // ∂F_0/∂x_0 = 2 ± 1e-14
 * out.finish(0); // column 0's block (1 column here) is complete: written
 * value[0][0]; // => 2
 * error[1][0]; // => 8.881784197001252e-16
 * ```
 */
export class JacobianRows {
  /** Made at the first entry: a small Jacobian on its common path writes its matrices itself. */
  private blocksMade: Map<number, Block> | null = null;
  private readonly n: number;

  constructor(
    private readonly value: Float64Array[],
    private readonly error: Float64Array[] | null,
    private readonly statuses: Uint8Array[],
    private readonly centre: Float64Array,
    private readonly flatStencil: Stencil,
    private readonly order: number,
    /** Per component, 1 for a float32 F_k (jacobian-job.ts): its settled error is FLOAT32_FLAT_FACTOR times wider. */
    private readonly float32: Uint8Array | null = null,
  ) {
    this.n = value.length > 0 ? value[0].length : 0;
  }

  /** Column j's components not given by `entry` are flat, settled at step h. */
  settle(j: number, h: number): void {
    const b = this.block(j);
    b.fill[j - b.j0] = FILL.flat;
    b.step[j - b.j0] = h;
  }

  /** Column j is NaN (x_j is not finite): value and error NaN, status ok. */
  nanColumn(j: number): void {
    const b = this.block(j);
    b.fill[j - b.j0] = FILL.nan;
  }

  /** Entry (k, j): its value, error and status code. */
  entry(k: number, j: number, v: number, e: number, code: number): void {
    this.block(j).add(k, j, v, e, code);
  }

  /** Column j is complete; its block is written once all of its columns are. */
  finish(j: number): void {
    const index = Math.floor(j / ROW_BLOCK_COLUMNS);
    const b = this.block(j);
    if (++b.finished < b.size) return;
    this.write(b);
    this.blocks().delete(index);
    // Kept for later blocks and Jacobians, unless its entries grew large (a dense F's).
    if (SPARE_BLOCKS.length < LOCKSTEP_BLOCKS && b.rows.length <= 64 * ROW_BLOCK_COLUMNS)
      SPARE_BLOCKS.push(b);
  }

  private blocks(): Map<number, Block> {
    return (this.blocksMade ??= new Map());
  }

  private block(j: number): Block {
    const index = Math.floor(j / ROW_BLOCK_COLUMNS);
    let b = this.blocks().get(index);
    if (b === undefined) {
      b = SPARE_BLOCKS.pop() ?? new Block();
      const j0 = index * ROW_BLOCK_COLUMNS;
      b.reset(j0, Math.min(ROW_BLOCK_COLUMNS, this.n - j0));
      this.blocks().set(index, b);
    }
    return b;
  }

  /** The block's fills row by row, then its entries. */
  private write(b: Block): void {
    const { value, error, statuses, centre, order } = this;
    let flat = false;
    let nan = false;
    for (let c = 0; c < b.size; c++) {
      if (b.fill[c] === FILL.flat) flat = true;
      else if (b.fill[c] === FILL.nan) nan = true;
    }
    if ((flat && error !== null) || nan) {
      for (let k = 0; k < value.length; k++) {
        const er = error === null ? null : error[k];
        let noise = flat && er !== null ? flatNoise(centre[k], this.flatStencil) : NaN;
        if (this.float32 !== null && this.float32[k] === 1) noise *= FLOAT32_FLAT_FACTOR;
        for (let c = 0; c < b.size; c++) {
          const fill = b.fill[c];
          if (fill === FILL.flat) {
            if (er !== null)
              er[b.j0 + c] = order === 1 ? noise / b.step[c] : divideByPower(noise, b.step[c], order);
          } else if (fill === FILL.nan) {
            value[k][b.j0 + c] = NaN;
            if (er !== null) er[b.j0 + c] = NaN;
          }
        }
      }
    }
    for (let i = 0; i < b.count; i++) {
      const k = b.rows[i];
      const j = b.cols[i];
      const v = b.values[i];
      if (!Object.is(v, 0)) value[k][j] = v;
      if (error !== null) {
        error[k][j] = b.errors[i];
        if (b.codes[i] !== 0) statuses[k][j] = b.codes[i];
      }
    }
  }
}
