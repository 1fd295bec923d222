/**
 * The adaptive descent of descent.ts for a vector function along one coordinate: the same steps,
 * regime tests, Richardson tableau (extrapolate.ts) and stopping rules, run for all m components of F
 * at once on shared evaluations. Each F call serves every component; each component keeps its own
 * tableau (in flat typed arrays, so a column allocates nothing) and stops on its own. The step sequence
 * is shared: it skips ahead (FAST_STEP_RATIO) only while every active component is far from its
 * asymptotic regime; a column goes one-sided (and restarts) when the components in trouble agree on the
 * side, and a component in trouble on the other side then ends with what it has. For m = 1 it makes
 * the same decisions as `descend`, so it returns the same values (a test keeps the two in step).
 */

import {
  ASYMPTOTIC_SLACK,
  CENTRAL_RETRIES,
  CENTRAL_SHRINK,
  CONVERGED_RELATIVE_ERROR,
  DIVERGENCE_FACTOR,
  EPS,
  F_ROUNDING,
  FAST_STEP_RATIO,
  MAX_COLUMNS,
  MAX_ROWS,
  MIN_ROWS,
  NON_ASYMPTOTIC_RATIO,
  ONE_SIDED_RETRIES,
  ROUNDING_MARGIN,
  STEP_RATIO,
} from "./constants.js";
import { stencil, stencilOffsets, type Stencil } from "./stencil.js";
import { divideByPower, initialStep, representableStep } from "./step.js";
import type { StencilKind } from "./types.js";
import { component } from "./vector-caller.js";

/**
 * Where the descent gets its values: the m components at a point t along the coordinate, and at x.
 * The array returned by `at` is read before the next call, so a source may reuse one buffer.
 *
 * @example
 * ```ts
 * const source: PointSource = { at: (t) => [Math.exp(t), t * t], centre: () => [1, 0] };
 * const ws = new ColumnWorkspace(2);
 * ws.active[0] = 0;
 * ws.active[1] = 1;
 * ws.activeCount = 2;
 * descendColumn(ws, source, 0, 1, 1, "central", true, false);
 * ws.value; // Float64Array [0.9999999999999966, 0] (exp′(0) = 1, (t²)′(0) = 0)
 * ```
 */
export interface PointSource {
  /** The values at t, or null (without evaluating) when t is outside the bounds or not finite. */
  at(t: number): ArrayLike<number> | null;
  /** The values at x itself (evaluated at most once by the source). */
  centre(): ArrayLike<number>;
  /**
   * For a source whose values are themselves differences of f values (the mixed stencil), the size
   * of the f values behind each component of the last `at` result, for the rounding model; when
   * absent, |value| is used.
   */
  readonly magnitude?: ArrayLike<number>;
}

function baseStencil(kind: StencilKind, order: number): Stencil {
  return stencil(stencilOffsets(kind, order, kind === "central" ? 2 : 1), order);
}

/**
 * Per-component state of one column's descent, allocated once per Jacobian and reused for every
 * column. Results of the column are left in `value`, `error`, `step` and `kind` (0 central,
 * 1 forward, -1 backward).
 *
 * @example
 * ```ts
 * const ws = new ColumnWorkspace(3); // state for F with 3 components
 * ```
 */
export class ColumnWorkspace {
  readonly value: Float64Array;
  readonly error: Float64Array;
  readonly step: Float64Array;
  readonly kind: Int8Array;
  /** Components still descending: the first `activeCount` entries of `active`. */
  readonly active: Int32Array;
  activeCount = 0;
  // Tableau of each component: the previous row's entries and their rounding (MAX_COLUMNS each).
  readonly prev: Float64Array;
  readonly prevRound: Float64Array;
  readonly cur = new Float64Array(MAX_COLUMNS);
  readonly curRound = new Float64Array(MAX_COLUMNS);
  // Last two base differences and the rounding of the last.
  readonly base1: Float64Array;
  readonly base2: Float64Array;
  readonly round1: Float64Array;
  // Best trusted entry so far.
  readonly bestValue: Float64Array;
  readonly bestError: Float64Array;
  readonly bestStep: Float64Array;
  readonly bestRow: Int32Array;
  readonly bestRound: Float64Array;
  readonly stalls: Int32Array;
  // Best entry of the previous row (any, trusted or not), for the sharpened estimate; rbTrusted -1 = none.
  readonly rbValue: Float64Array;
  readonly rbError: Float64Array;
  readonly rbStep: Float64Array;
  readonly rbRound: Float64Array;
  readonly rbTrusted: Int8Array;
  readonly lastGood: Float64Array;
  readonly lastStep: Float64Array;
  // One row: the weighted sums, |terms| sums and the side of the first non-finite point (-1, +1; 0 none).
  readonly sum: Float64Array;
  readonly absSum: Float64Array;
  readonly bad: Int8Array;
  /** 1 while every stencil value of the component so far equals the first one (`ref`) bit for bit. */
  readonly flat: Int8Array;
  /** The first stencil value of the component in this descent (NaN before it). */
  readonly ref: Float64Array;
  /** Shared across components: t = (h/h0)^p and h of each row. */
  readonly t = new Float64Array(MAX_ROWS);
  readonly steps = new Float64Array(MAX_ROWS);

  constructor(readonly m: number) {
    const f = (): Float64Array => new Float64Array(m);
    this.value = f();
    this.error = f();
    this.step = f();
    this.kind = new Int8Array(m);
    this.active = new Int32Array(m);
    this.prev = new Float64Array(m * MAX_COLUMNS);
    this.prevRound = new Float64Array(m * MAX_COLUMNS);
    this.base1 = f();
    this.base2 = f();
    this.round1 = f();
    this.bestValue = f();
    this.bestError = f();
    this.bestStep = f();
    this.bestRow = new Int32Array(m);
    this.bestRound = f();
    this.stalls = new Int32Array(m);
    this.rbValue = f();
    this.rbError = f();
    this.rbStep = f();
    this.rbRound = f();
    this.rbTrusted = new Int8Array(m);
    this.lastGood = f();
    this.lastStep = f();
    this.sum = f();
    this.absSum = f();
    this.bad = new Int8Array(m);
    this.flat = new Int8Array(m);
    this.ref = f();
  }

  /** Clears the tableau of every active component (start, or a switch to one-sided). */
  reset(): void {
    for (let a = 0; a < this.activeCount; a++) this.forgetBest(this.active[a]);
    for (let a = 0; a < this.activeCount; a++) {
      const k = this.active[a];
      this.bestError[k] = Infinity;
      this.bestStep[k] = NaN;
      this.bestRow[k] = -1;
      this.bestRound[k] = NaN;
      this.stalls[k] = 0;
      this.flat[k] = 1;
      this.ref[k] = NaN;
      this.rbTrusted[k] = -1;
      this.lastGood[k] = NaN;
      this.lastStep[k] = NaN;
    }
  }

  /** Drops component k's best entry (its rows turned out not to be in the asymptotic regime). */
  forgetBest(k: number): void {
    this.bestValue[k] = NaN;
    this.bestError[k] = Infinity;
    this.bestStep[k] = NaN;
    this.bestRow[k] = -1;
    this.bestRound[k] = NaN;
    this.rbTrusted[k] = -1;
  }
}

const KIND_CODE: Record<StencilKind, number> = { central: 0, forward: 1, backward: -1 };

/**
 * Rows after which a component whose stencil values were all bit for bit the same is taken as
 * constant along x_j (derivative 0, error the rounding level) instead of running MIN_ROWS rows: two
 * rows are four distinct points (central), which a non-constant smooth function does not hit exactly.
 *
 * @default 2
 * @example
 * ```ts
 * FLAT_ROWS; // 2
 * ```
 */
export const FLAT_ROWS = 2;

/**
 * Runs the adaptive descent for the active components of `ws` at the point x at scale s. On return
 * each of those components has its estimate in `ws.value/error/step/kind` (error NaN when no trusted
 * entry exists). A central stencil that meets a non-finite value on one side is retried with steps cut
 * by CENTRAL_SHRINK (up to CENTRAL_RETRIES times); with `canSwitch` it then becomes one-sided on the
 * other side, restarting from the first step. With `probeOnly` (a second scale, which only checks
 * whether larger steps do better) a non-finite value ends the descent instead.
 *
 * @example
 * ```ts
 * // derivative.ts, m = 1:
 * const ws = new ColumnWorkspace(1);
 * ws.active[0] = 0; ws.activeCount = 1;
 * descendColumn(ws, source, 1, 1, 1, "central", true, false); // source of Math.exp
 * ws.value[0]; // 2.718281828459028 (error ≈ 1.3e-13)
 * ```
 */
export function descendColumn(
  ws: ColumnWorkspace,
  source: PointSource,
  x: number,
  order: number,
  s: number,
  startKind: StencilKind,
  canSwitch: boolean,
  probeOnly: boolean,
): void {
  // Imported bindings read once: under some loaders (tsx) each read of an imported name is a getter
  // call, which showed as a fifth of the time of a large Jacobian.
  const C = MAX_COLUMNS;
  const fNoise = F_ROUNDING * EPS;
  const margin = ROUNDING_MARGIN;
  const slack = ASYMPTOTIC_SLACK;
  const nonAsymptotic = NON_ASYMPTOTIC_RATIO;
  const minRows = MIN_ROWS;
  const converged = CONVERGED_RELATIVE_ERROR;
  const divergence = DIVERGENCE_FACTOR;
  const divide = divideByPower;
  let kind = startKind;
  let st = baseStencil(kind, order);
  let reach = order + 1;
  for (const o of st.offsets) reach = Math.max(reach, Math.abs(o));
  const h0 = initialStep(s, order, x, reach);
  let h = h0;
  let rows = 0;
  let retries = 0;
  ws.reset();

  while (rows < MAX_ROWS && ws.activeCount > 0) {
    const hr = representableStep(x, h);
    if (!(hr > 0)) break;
    for (let a = 0; a < ws.activeCount; a++) {
      const k = ws.active[a];
      ws.sum[k] = 0;
      ws.absSum[k] = 0;
      ws.bad[k] = 0;
    }
    // One row: Σ w_q F_k(x + o_q·h) for every active component k, F called once per point.
    let firstBadSide = 0;
    let badCount = 0;
    // Once every active component is in trouble, the remaining points would only cost evaluations.
    for (let q = 0; q < st.offsets.length && badCount < ws.activeCount; q++) {
      const o = st.offsets[q];
      const wt = st.weights[q];
      const v = o === 0 ? source.centre() : source.at(x + o * hr);
      const magnitude = source.magnitude;
      for (let a = 0; a < ws.activeCount; a++) {
        const k = ws.active[a];
        if (ws.bad[k] !== 0) continue;
        const fk = v === null ? NaN : v[k];
        if (typeof fk !== "number") component(v as ArrayLike<number>, k); // throws NON_NUMERIC_RESULT
        if (!Number.isFinite(fk)) {
          ws.bad[k] = o < 0 ? -1 : 1;
          if (firstBadSide === 0) firstBadSide = ws.bad[k];
          badCount++;
          continue;
        }
        if (Number.isNaN(ws.ref[k])) ws.ref[k] = fk;
        else if (fk !== ws.ref[k]) ws.flat[k] = 0;
        ws.sum[k] += wt * fk;
        ws.absSum[k] += Math.abs(wt) * (magnitude === undefined || o === 0 ? Math.abs(fk) : magnitude[k]);
      }
    }
    if (firstBadSide !== 0) {
      // Components in trouble: those not finite at x (or, for a second scale, any) are finished;
      // the rest retry with smaller steps together, then go one-sided together.
      let kept = 0;
      let conflict = false;
      for (let a = 0; a < ws.activeCount; a++) {
        const k = ws.active[a];
        if (ws.bad[k] !== 0 && (probeOnly || !Number.isFinite(component(source.centre(), k)))) {
          finish(ws, k, kind);
          continue;
        }
        if (ws.bad[k] !== 0 && ws.bad[k] !== firstBadSide) conflict = true;
        ws.active[kept++] = k;
      }
      ws.activeCount = kept;
      if (probeOnly) continue;
      if (kind === "central" && retries < CENTRAL_RETRIES) {
        retries++;
        h /= CENTRAL_SHRINK;
        continue;
      }
      if (kind !== "central" || !canSwitch) {
        if (++retries > ONE_SIDED_RETRIES) break;
        h /= CENTRAL_SHRINK;
        continue;
      }
      if (conflict) {
        // Trouble on both sides for different components: those on the other side end here.
        kept = 0;
        for (let a = 0; a < ws.activeCount; a++) {
          const k = ws.active[a];
          if (ws.bad[k] !== 0 && ws.bad[k] !== firstBadSide) finish(ws, k, kind);
          else ws.active[kept++] = k;
        }
        ws.activeCount = kept;
      }
      kind = firstBadSide < 0 ? "forward" : "backward";
      st = baseStencil(kind, order);
      rows = 0;
      ws.reset();
      h = h0; // the good side was never the problem: start afresh from the first step
      continue;
    }

    const i = rows++;
    const n = rows;
    const p = kind === "central" ? 2 : 1;
    ws.steps[i] = hr;
    ws.t[i] = (hr / ws.steps[0]) ** p;
    const noiseWeight = Number.MIN_VALUE * st.weightSum;
    let allFar = true;
    let kept = 0;
    for (let a = 0; a < ws.activeCount; a++) {
      const k = ws.active[a];
      const d = order === 1 ? ws.sum[k] / hr : divide(ws.sum[k], hr, order);
      const noise = fNoise * ws.absSum[k] + noiseWeight;
      const rounding = order === 1 ? noise / hr : divide(noise, hr, order);
      if (n >= FLAT_ROWS && ws.flat[k] === 1) {
        // F_k took exactly the same value at every point of FLAT_ROWS rows: it does not depend on x
        // here (most entries of a large sparse Jacobian). Its derivative is 0, to rounding.
        ws.bestValue[k] = 0;
        ws.bestError[k] = rounding;
        ws.bestStep[k] = hr;
        finish(ws, k, kind);
        continue;
      }
      // Regime, as `regime` in descent.ts: 0 unknown, 1 rounding, 2 asymptotic, 3 far.
      let state = 0;
      if (n >= 2) {
        const diff = Math.abs(d - ws.base1[k]);
        if (diff <= margin * (rounding + ws.round1[k])) state = 1;
        else if (n >= 3) {
          const hh = ws.steps[n - 3];
          const t1 = (ws.steps[n - 2] / hh) ** p;
          const t2 = (hr / hh) ** p;
          const expected = (t1 - t2) / (1 - t1);
          const ratio = diff / Math.abs(ws.base1[k] - ws.base2[k]);
          state = ratio <= Math.max(nonAsymptotic, slack * expected) ? 2 : 3;
        }
      }
      if (state === 3) ws.forgetBest(k);
      const settled = state === 1 || state === 2;
      // Neville-Richardson row: column c eliminates the h^(p·c) term, t = (h/h0)^p.
      const off = k * C;
      ws.cur[0] = d;
      ws.curRound[0] = rounding;
      let rowError = Infinity;
      let rbValue = NaN;
      let rbRound = NaN;
      const cols = Math.min(i, C - 1);
      for (let c = 1; c <= cols; c++) {
        const qq = ws.t[i - c] / ws.t[i] - 1;
        const v = ws.cur[c - 1] + (ws.cur[c - 1] - ws.prev[off + c - 1]) / qq;
        const r = ws.curRound[c - 1] + (ws.curRound[c - 1] + ws.prevRound[off + c - 1]) / qq;
        ws.cur[c] = v;
        ws.curRound[c] = r;
        const e = Math.max(Math.abs(v - ws.cur[c - 1]), Math.abs(v - ws.prev[off + c - 1])) + r;
        if (e < rowError) {
          rowError = e;
          rbValue = v;
          rbRound = r;
        }
        if (settled && e < ws.bestError[k]) {
          ws.bestValue[k] = v;
          ws.bestError[k] = e;
          ws.bestStep[k] = hr;
          ws.bestRow[k] = i;
          ws.bestRound[k] = r;
        }
      }
      for (let c = 0; c <= cols; c++) {
        ws.prev[off + c] = ws.cur[c];
        ws.prevRound[off + c] = ws.curRound[c];
      }
      // Sharpened estimate of the newest row's best entry: when row errors fall geometrically
      // (e_{i-1} -> e_i), the entry is off by about e_i^2/e_{i-1}, the next term (cf. Aitken's Δ²).
      let sharpError = NaN;
      if (rowError < Infinity && settled && ws.rbTrusted[k] === 1) {
        const ePrev = ws.rbError[k] - ws.rbRound[k];
        const e = rowError - rbRound;
        if (e < ePrev) sharpError = (e * e) / ePrev + rbRound;
      }
      if (rowError < Infinity) {
        ws.rbValue[k] = rbValue;
        ws.rbError[k] = rowError;
        ws.rbStep[k] = hr;
        ws.rbRound[k] = rbRound;
        ws.rbTrusted[k] = settled ? 1 : 0;
      } else ws.rbTrusted[k] = -1;
      ws.base2[k] = ws.base1[k];
      ws.base1[k] = d;
      ws.round1[k] = rounding;
      ws.lastGood[k] = d;
      ws.lastStep[k] = hr;

      let done = false;
      if (sharpError <= margin * rbRound) {
        ws.bestValue[k] = rbValue;
        ws.bestError[k] = sharpError;
        ws.bestStep[k] = hr;
        done = true;
      } else {
        const be = ws.bestError[k];
        if (n >= minRows && settled) {
          if (be <= converged * Math.abs(ws.bestValue[k])) done = true;
          else if (be <= margin * ws.bestRound[k]) done = true;
        }
        if (!done) {
          if (rowError > divergence * be && n - 1 > ws.bestRow[k]) {
            if (++ws.stalls[k] >= 2 && settled) done = true;
          } else ws.stalls[k] = 0;
        }
      }
      if (done) finish(ws, k, kind);
      else {
        ws.active[kept++] = k;
        if (state !== 3) allFar = false;
      }
    }
    ws.activeCount = kept;
    h /= allFar ? FAST_STEP_RATIO : STEP_RATIO;
  }
  for (let a = 0; a < ws.activeCount; a++) finish(ws, ws.active[a], kind);
  ws.activeCount = 0;
}

function finish(ws: ColumnWorkspace, k: number, kind: StencilKind): void {
  ws.kind[k] = KIND_CODE[kind];
  if (Number.isFinite(ws.bestValue[k]) && ws.bestError[k] < Infinity) {
    ws.value[k] = ws.bestValue[k];
    ws.error[k] = ws.bestError[k];
    ws.step[k] = ws.bestStep[k];
  } else {
    ws.value[k] = ws.lastGood[k];
    ws.error[k] = NaN;
    ws.step[k] = ws.lastStep[k];
  }
}
