/**
 * Finding a Jacobian's sparsity pattern from evaluations: F at base points near x, and at each base
 * point with sets of coordinates moved; a component that changes depends on a moved coordinate.
 * Compressed probes (group testing on a √n × √n grid of the columns, then one probe per colour of the
 * candidates) keep the cost near 2√n + a few calls per base point instead of n.
 */

import type { VecFn } from "../types.js";
import { checkFunction } from "../validate.js";
import { toPoint } from "../vector.js";
import { VectorCaller, component } from "../vector-caller.js";
import { colour } from "./colouring.js";
import { columnsOf } from "./columns.js";
import type { SparsityPattern } from "./pattern.js";

/**
 * How many base points the pattern is probed at. Two, so that an entry that happens to vanish at one
 * of them (x0·x1 probed along x0 where x1 = 0) is found at the other.
 *
 * @default 2
 * @example
 * ```ts
 * DETECT_POINTS; // 2: detection costs DETECT_POINTS · (n + 1) calls of F
 * ```
 */
export const DETECT_POINTS = 2;

/**
 * Largest offset of a base point from x, relative to the scale max(|x_j|, 1) of each coordinate: each
 * x_j moves by u·DETECT_OFFSET·scale, u uniform in [−1, 1) (kept within the bounds). Small, so the base
 * points stay in F's domain; nonzero, so a base point is not a special point of F such as x = 0.
 *
 * @default 2^-10 ≈ 9.8e-4
 * @example
 * ```ts
 * DETECT_OFFSET; // 0.0009765625
 * ```
 */
export const DETECT_OFFSET = 2 ** -10;

/**
 * Step of a probe, relative to the scale of the coordinate: x_j moves by (1 + u)·DETECT_STEP·scale,
 * u uniform in [0, 1), towards the inside of the bounds. Large enough that a component depending on
 * x_j changes visibly (its change must exceed its rounding); small enough to stay near x.
 *
 * @default 2^-7 ≈ 7.8e-3
 * @example
 * ```ts
 * DETECT_STEP; // 0.0078125
 * ```
 */
export const DETECT_STEP = 2 ** -7;

/**
 * Seed of the generator of the offsets and steps: detection is deterministic, the same pattern on
 * every run.
 *
 * @default 0x2545f491
 * @example
 * ```ts
 * DETECT_SEED; // 625341585
 * ```
 */
export const DETECT_SEED = 0x2545f491;

/**
 * Uniform numbers in [0, 1) from a 32-bit xorshift generator (Marsaglia, J. Stat. Softw. 8(14), 2003):
 * deterministic for a seed, enough for spreading probe points (not for statistics).
 *
 * @example
 * ```ts
 * const rand = uniforms(1);
 * rand(); // 0.00006295018829405308, then 0.015747428173199296, … (the same on every run)
 * ```
 */
export function uniforms(seed: number): () => number {
  let s = seed | 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
}

/** A point at offset `delta` from p inside [lo, hi]: p + delta, else p − delta, else halfway to the farther bound. */
function inside(p: number, delta: number, lo: number, hi: number): number {
  if (p + delta <= hi && p + delta >= lo) return p + delta;
  if (p - delta >= lo && p - delta <= hi) return p - delta;
  return p + ((hi - p > p - lo ? hi : lo) - p) / 2;
}

/**
 * One round of detection's probes, all independent of each other: probe q is F at base point
 * `base[q]` with the coordinates `cols[q]` moved (none: the base point itself). A runner writes each
 * probe's point (`writePoint`) and hands F's m values there to `take`, in any order.
 *
 * @example
 * ```ts
 * for (let q = 0; q < round.count; q++) {
 *   round.writePoint(q, w, 0);
 *   round.take(q, F(w), 0);
 * }
 * ```
 */
export class ProbeRound {
  readonly base: number[] = [];
  readonly cols: Int32Array[] = [];
  /** The number of probes. */
  count = 0;

  constructor(
    private readonly probe: Probe,
    /** What F's values at probe q tell (v[at..at + m)). */
    readonly take: (q: number, v: ArrayLike<number>, at: number) => void,
  ) {}

  /** Adds the probe at base point b with cols moved (copied). */
  add(b: number, cols: Int32Array): void {
    this.base.push(b);
    this.cols.push(cols.slice());
    this.count = this.base.length;
  }

  /** Writes probe q's point (n numbers) at out[at..]. */
  writePoint(q: number, out: Float64Array, at: number): void {
    const b = this.base[q];
    const moved = this.probe.moved[b];
    out.set(this.probe.bases[b], at);
    for (const j of this.cols[q]) out[at + j] = moved[j];
  }
}

/** The base points, the moved value of every coordinate at each, F there, and what a probe changed. */
class Probe {
  readonly bases: Float64Array[] = [];
  readonly moved: Float64Array[] = [];
  readonly refs: Float64Array[] = [];
  readonly changed: Uint8Array;

  constructor(
    x: Float64Array,
    lo: ArrayLike<number> | undefined,
    hi: ArrayLike<number> | undefined,
    private readonly m: number,
  ) {
    const n = x.length;
    this.changed = new Uint8Array(m);
    const rand = uniforms(DETECT_SEED);
    for (let b = 0; b < DETECT_POINTS; b++) {
      const p = new Float64Array(n);
      const q = new Float64Array(n);
      for (let j = 0; j < n; j++) {
        const s = Math.max(Math.abs(x[j]), 1);
        const l = lo?.[j] ?? -Infinity;
        const h = hi?.[j] ?? Infinity;
        p[j] = Number.isFinite(x[j]) ? inside(x[j], (2 * rand() - 1) * DETECT_OFFSET * s, l, h) : x[j];
        q[j] = Number.isFinite(x[j]) ? inside(p[j], (1 + rand()) * DETECT_STEP * s, l, h) : x[j];
      }
      this.bases.push(p);
      this.moved.push(q);
      this.refs.push(new Float64Array(m));
    }
  }

  /** The round of F at the base points themselves. */
  baseRound(): ProbeRound {
    const round = new ProbeRound(this, (q, v, at) => {
      for (let i = 0; i < this.m; i++) this.refs[q][i] = component(v, at + i);
    });
    for (let b = 0; b < DETECT_POINTS; b++) round.add(b, EMPTY);
    return round;
  }

  /** Sets `changed[i]` = 1 where F_i at a probe of base point b (values v[at..]) differs from F_i there. */
  compare(b: number, v: ArrayLike<number>, at: number): void {
    const { changed } = this;
    const ref = this.refs[b];
    for (let i = 0; i < changed.length; i++) {
      const fi = v[at + i];
      if (typeof fi !== "number") component(v, at + i); // throws NON_NUMERIC_RESULT
      const r = ref[i];
      changed[i] = fi !== r && !(fi !== fi && r !== r) ? 1 : 0;
    }
  }
}

const EMPTY = new Int32Array(0);

/**
 * The sparsity pattern of F near x, found from F's values at DETECT_POINTS base points p near x,
 * each evaluated as is and with sets of coordinates moved by a probe step; a component whose value
 * differs (bit for bit) depends on a moved coordinate. Two rounds per base point:
 *
 * 1. Candidates, by group testing: with K = ⌈√n⌉, column j sits at (j mod K, ⌊j/K⌋) on a grid; one
 *    probe per grid column and one per grid row (about 2√n calls) tell each row i which grid columns A_i
 *    and rows B_i hold its dependencies, and the columns in A_i × B_i are its candidates (a superset:
 *    a tridiagonal row gets 3 to 6).
 * 2. Verification: the candidate pattern is coloured (distance-2, {@link columnColouring}), and each
 *    colour is one probe; a row has at most one candidate per colour, so a change confirms exactly that
 *    entry.
 *
 * The found entries of both base points are merged. Cost DETECT_POINTS·(1 + ~2√n + colours of the
 * candidates) calls (about 420 for a tridiagonal F at n = 10^4, against 2(n + 1) probing one coordinate
 * at a time; never more than DETECT_POINTS·(1 + 2√n + n)), O(m·√n) work per call of round 1.
 *
 * Limits (the pattern is what F showed at the probes, not a proof):
 * - an entry that is zero near all probe points is missed: a term switched off by a branch
 *   (`x0 > 5 ? x1 : 0` at x0 = 1), a max or a clamp, a table lookup, a dependence smaller than the
 *   rounding of F_i (F_i = 1 + 1e-20·x_j);
 * - a component that is NaN or infinite at a base point and stays so shows no change;
 * - moving several coordinates at once could cancel exactly in a component (F_i = x_j − x_k moved by
 *   the same amount); the probe steps are random per coordinate, so this needs a coincidence;
 * - noise or rounding changes make extra entries (harmless: they come out near 0), and an F with
 *   random noise looks dense;
 * - coordinates whose x_j is NaN or infinite are not probed (their columns come out empty).
 * Give the pattern when you know it; use the detected one for F whose structure is fixed.
 *
 * @param caller - F, or F with its counting and checks (a VectorCaller; F(x) is called if it has not been).
 * @param x - the point; never changed.
 * @param lo - lower bounds per coordinate (default none).
 * @param hi - upper bounds per coordinate (default none).
 * @param room - the most calls of F detection may make (a budget, see detectionRoom): where a round
 * of probes does not fit, detection stops and every entry counts (the dense pattern). Default ∞.
 * @example
 * ```ts
 * import { detectSparsity } from "numdiff";
 * const F = (v: Float64Array) => [v[0] * v[1], Math.sin(v[2])];
 * detectSparsity(F, [0, 0, 0]); // { m: 2, n: 3, rowPtr: Int32Array [0, 2, 3], colIdx: Int32Array [0, 1, 2] }
 * ```
 */
export function detectSparsity(
  caller: VectorCaller | VecFn,
  x: ArrayLike<number>,
  lo?: ArrayLike<number>,
  hi?: ArrayLike<number>,
  room = Infinity,
): SparsityPattern {
  if (!(caller instanceof VectorCaller)) checkFunction(caller, "F");
  const x0 = toPoint(x, "x");
  const c = caller instanceof VectorCaller ? caller : new VectorCaller(caller, new Float64Array(x0));
  if (c.m < 0) c.call();
  const rounds = detectionRounds(x0, lo, hi, c.m);
  let r = rounds.next();
  for (let used = 0; r.done !== true; r = rounds.next()) {
    const round = r.value;
    if ((used += round.count) > room) {
      c.w.set(x0);
      return densePattern(c.m, x0.length);
    }
    for (let q = 0; q < round.count; q++) {
      round.writePoint(q, c.w, 0);
      round.take(q, c.call(), 0);
    }
  }
  c.w.set(x0);
  return r.value;
}

/**
 * Detection ({@link detectSparsity}) as three rounds of independent probes, for any runner: F at the
 * base points, the group tests of the grid, and the verification of the candidates; each round's
 * values are taken before the next round is made. Returns the pattern.
 *
 * @example
 * ```ts
 * const rounds = detectionRounds(x0, undefined, undefined, m);
 * for (let r = rounds.next(); r.done !== true; r = rounds.next()) evaluate(r.value); // 3 rounds
 * ```
 */
export function* detectionRounds(
  x0: Float64Array,
  lo: ArrayLike<number> | undefined,
  hi: ArrayLike<number> | undefined,
  m: number,
): Generator<ProbeRound, SparsityPattern, void> {
  const probe = new Probe(x0, lo, hi, m);
  yield probe.baseRound();
  const candidates = yield* gridCandidates(probe, x0, m);
  return yield* verify(probe, candidates);
}

/** Round 1: each row's candidate columns, from one probe per grid column and per grid row. */
function* gridCandidates(
  probe: Probe,
  x: Float64Array,
  m: number,
): Generator<ProbeRound, SparsityPattern, void> {
  const n = x.length;
  const K = Math.ceil(Math.sqrt(n));
  const L = Math.ceil(n / K);
  const inA = new Uint8Array(m * K);
  const inB = new Uint8Array(m * L);
  const cols = new Int32Array(Math.max(K, L));
  // Probe q marks grid column (or, from L on, grid row) line[q] of the rows it changed.
  const line: number[] = [];
  const round = new ProbeRound(probe, (q, v, at) => {
    probe.compare(round.base[q], v, at);
    const a = line[q];
    for (let i = 0; i < m; i++) {
      if (probe.changed[i] === 1) {
        if (a < K) inA[i * K + a] = 1;
        else inB[i * L + a - K] = 1;
      }
    }
  });
  for (let b = 0; b < DETECT_POINTS; b++) {
    for (let a = 0; a < K; a++) {
      let count = 0;
      for (let j = a; j < n; j += K) if (Number.isFinite(x[j])) cols[count++] = j;
      if (count === 0) continue;
      round.add(b, cols.subarray(0, count));
      line.push(a);
    }
    for (let r = 0; r < L; r++) {
      let count = 0;
      for (let j = r * K; j < Math.min(n, (r + 1) * K); j++) if (Number.isFinite(x[j])) cols[count++] = j;
      if (count === 0) continue;
      round.add(b, cols.subarray(0, count));
      line.push(K + r);
    }
  }
  if (round.count > 0) yield round;
  const rowPtr = new Int32Array(m + 1);
  const colIdx: number[] = [];
  for (let i = 0; i < m; i++) {
    for (let r = 0; r < L; r++) {
      if (inB[i * L + r] === 0) continue;
      for (let a = 0; a < K; a++) {
        const j = r * K + a;
        if (j < n && inA[i * K + a] === 1 && Number.isFinite(x[j])) colIdx.push(j);
      }
    }
    rowPtr[i + 1] = colIdx.length;
  }
  return { m, n, rowPtr, colIdx: Int32Array.from(colIdx) };
}

/** Round 2: the candidates confirmed by one probe per colour of the candidate pattern. */
function* verify(probe: Probe, p: SparsityPattern): Generator<ProbeRound, SparsityPattern, void> {
  const cc = columnsOf(p);
  const grouping = colour(p, cc);
  const keep = new Uint8Array(p.colIdx.length);
  const round = new ProbeRound(probe, (q, v, at) => {
    probe.compare(round.base[q], v, at);
    for (const j of round.cols[q]) {
      for (let a = cc.colPtr[j]; a < cc.colPtr[j + 1]; a++)
        if (probe.changed[cc.rowIdx[a]] === 1) keep[cc.position[a]] = 1;
    }
  });
  for (let b = 0; b < DETECT_POINTS; b++) {
    for (let g = 0; g < grouping.groups; g++) {
      round.add(b, grouping.groupCols.subarray(grouping.groupPtr[g], grouping.groupPtr[g + 1]));
    }
  }
  if (round.count > 0) yield round;
  const rowPtr = new Int32Array(p.m + 1);
  const colIdx: number[] = [];
  for (let i = 0; i < p.m; i++) {
    for (let k = p.rowPtr[i]; k < p.rowPtr[i + 1]; k++) if (keep[k] === 1) colIdx.push(p.colIdx[k]);
    rowPtr[i + 1] = colIdx.length;
  }
  return { m: p.m, n: p.n, rowPtr, colIdx: Int32Array.from(colIdx) };
}

/**
 * Every entry of an m × n Jacobian as a pattern: what detection gives where its budget ran out (an
 * entry it did not rule out may be nonzero; the engine finds the zeros).
 *
 * @example
 * ```ts
 * densePattern(2, 2); // { m: 2, n: 2, rowPtr: Int32Array [0, 2, 4], colIdx: Int32Array [0, 1, 0, 1] }
 * ```
 */
export function densePattern(m: number, n: number): SparsityPattern {
  const rowPtr = new Int32Array(m + 1);
  const colIdx = new Int32Array(m * n);
  for (let i = 0; i < m; i++) {
    rowPtr[i + 1] = (i + 1) * n;
    for (let j = 0; j < n; j++) colIdx[i * n + j] = j;
  }
  return { m, n, rowPtr, colIdx };
}

/**
 * The calls of F sparsity detection may make within `maxEvaluations` B for n columns: n·B in all, less
 * F(x) and one stencil per column for the group descents that follow (each column alone, the dense
 * pattern, where detection stops). ∞ without a budget.
 *
 * @example
 * ```ts
 * detectionRoom(10, 4, 2); // => 31: 40 − 1 − 4·2
 * detectionRoom(Infinity, 4, 2); // => Infinity
 * ```
 */
export function detectionRoom(budget: number, n: number, least: number): number {
  return budget === Infinity ? Infinity : n * budget - 1 - n * least;
}
