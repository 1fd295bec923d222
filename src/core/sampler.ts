/**
 * Evaluation of f for the engine: counts calls exactly, caches by argument (stencils at steps h and
 * h/2 share points), refuses points outside the bounds without calling f, and rejects results that
 * are not numbers.
 *
 * A sampler either calls a synchronous f itself, or (without f) hands the points it misses to a
 * runner as a {@link PointRequest}: the pipelines of the engine are generators that `yield*`
 * {@link Sampler.fetch}, so the one pipeline serves the sync, batched and async loops. With a sync f
 * nothing is ever yielded.
 */

import { NumdiffError, describeValue } from "./errors.js";
import type { Fn1 } from "./types.js";

/**
 * Points whose values a pipeline needs from its runner: f at `points[0..count)`, written to
 * `values[0..evaluated)`. With `prefix`, the runner may stop after the first value that is not finite
 * (as the sync loop does: the rest of that stencil row cannot be used) and set `evaluated` to the
 * number it evaluated; otherwise `evaluated` must be `count`.
 *
 * @example
 * ```ts
 * const r = new PointRequest();
 * r.reserve(3);
 * r.points.length; // 3 or more
 * ```
 */
export class PointRequest {
  points = new Float64Array(REQUEST_CAPACITY);
  values = new Float64Array(REQUEST_CAPACITY);
  count = 0;
  evaluated = 0;
  prefix = false;
  /** Values per point: 1 for a scalar f, m for a vector F (point q's values at values[q·m..]). */
  width = 1;
  /** Whether f returns an array per point (a vector F, even of one component) rather than a number. */
  arrays = false;

  /** Makes room for n points: numbers without `width`, arrays of `width` numbers (a vector F) with it. */
  reserve(n: number, width?: number): void {
    this.arrays = width !== undefined;
    width ??= 1;
    this.width = width;
    if (n > this.points.length) this.points = new Float64Array(n);
    if (n * width > this.values.length)
      this.values = new Float64Array(Math.max(n, this.points.length) * width);
  }
}

/**
 * Initial capacity of a {@link PointRequest}: the widest stencil row of the engine has 11 points, a
 * noise table NOISE_POINTS.
 *
 * @default 32
 * @example
 * ```ts
 * REQUEST_CAPACITY; // 32
 * ```
 */
export const REQUEST_CAPACITY = 32;

/**
 * A pipeline of the engine: yields requests for points, returns its result.
 *
 * @example
 * ```ts
 * function* one(s: Sampler): Pipeline<number> { return yield* s.one(1); }
 * ```
 */
export type Pipeline<R> = Generator<PointRequest, R, void>;

/**
 * Throws NON_NUMERIC_RESULT unless v is a number.
 *
 * @example
 * ```ts
 * checkNumber(1, 0); // 1
 * ```
 */
export function checkNumber(v: unknown, t: number): number {
  if (typeof v !== "number") {
    throw new NumdiffError(
      "NON_NUMERIC_RESULT",
      "f",
      `invalid f; expected a function returning numbers, got ${describeValue(v)} at x = ${t}`,
    );
  }
  return v;
}

/**
 * A counting, caching view of f restricted to [lo, hi].
 *
 * @example
 * ```ts
 * const s = new Sampler(Math.exp, 0, 1);
 * s.at(0.5); s.at(0.5); s.at(2); // 1.648…, 1.648…, NaN (outside, f not called)
 * s.evaluations; // 1
 * ```
 */
export class Sampler {
  /** Calls of f made so far. */
  evaluations = 0;
  /**
   * The most calls of f this sampler makes (`maxEvaluations`): a fetch whose misses do not fit is
   * refused whole, before f is called, by throwing {@link BUDGET_SPENT} (see {@link bounded}).
   */
  limit = Infinity;
  /**
   * Calls of f charged against `limit`: every point a fetch asks f for, evaluated or not. The sync loop
   * stops a row at its first value that is not finite, where a batched f gets the whole row; charged
   * alike, the loops refuse the same fetches and give the same bits (only `evaluations` can differ).
   * Counted only with a finite limit.
   */
  charged = 0;
  /**
   * Points charged but not evaluated: the rest of a row after a value that was not finite, in the
   * sync loop ({@link now}). Asked for again, they are not charged again, as the batched loop has
   * their values already.
   */
  private owed: number[] = [];
  /** Whether the budget stopped something: a refused fetch, or a stage that {@link room} turned away. */
  short = false;
  /** The request handed to the runner (see {@link PointRequest}); made when first needed. */
  private req: PointRequest | null = null;
  // The points asked for so far and their values: a derivative asks for a few dozen, so a linear
  // search of a typed array is cheaper than a Map keyed by doubles. Grows by doubling.
  private keys: Float64Array;
  private vals: Float64Array;
  private size = 0;
  /** Where each point of the last fetch comes from: ≥ 0 a miss (its index in the request), -1 known. */
  private from = EMPTY;

  constructor(
    private f: Fn1 | null,
    private lo = -Infinity,
    private hi = Infinity,
  ) {
    // A loop of derivative() reuses one sampler and its buffers (see reset).
    this.keys = new Float64Array(SAMPLER_CAPACITY);
    this.vals = new Float64Array(SAMPLER_CAPACITY);
  }

  /**
   * Makes this sampler a new one for f on [lo, hi], with its buffers (a loop of derivative() reuses
   * one sampler); `f` null lets go of the last one.
   */
  reset(f: Fn1 | null, lo = -Infinity, hi = Infinity): this {
    this.f = f;
    this.lo = lo;
    this.hi = hi;
    this.evaluations = 0;
    this.size = 0;
    this.limit = Infinity;
    this.charged = 0;
    this.owed.length = 0;
    this.short = false;
    return this;
  }

  /**
   * Whether the budget leaves room for n more calls of f; a stage asks before it evaluates n points
   * (or at most n) and does without them when not. False records that the budget stopped something.
   */
  room(n: number): boolean {
    if (this.charged + n <= this.limit) return true;
    this.short = true;
    return false;
  }

  /** Whether the budget leaves room for the points of ts[0..n) that f would be called at. */
  affords(ts: Float64Array, n: number, prefix = true): boolean {
    return this.limit === Infinity || this.room(this.misses(ts, n, prefix));
  }

  /**
   * How many distinct points of ts[0..n) f would be called at: inside the bounds, finite and not known
   * yet; with `prefix`, those before the first value known not to be finite (as {@link prepare} puts
   * them in its request, so that the sync and batched loops refuse the same fetches).
   */
  private misses(ts: Float64Array, n: number, prefix: boolean, owe?: number[]): number {
    let misses = 0;
    for (let i = 0; i < n; i++) {
      const t = ts[i];
      const c = t >= this.lo && t <= this.hi && Number.isFinite(t) ? this.find(t) : -2;
      if (c !== -1) {
        if (prefix && !(c >= 0 && Number.isFinite(this.vals[c]))) break;
        continue;
      }
      let j = 0;
      while (j < i && !Object.is(ts[j], t)) j++;
      if (j < i || owedAt(this.owed, t) >= 0) continue;
      misses++;
      owe?.push(t);
    }
    return misses;
  }

  /** Charges a sync fetch's misses before any is evaluated (each then {@link owed} until it is). */
  private charge(ts: Float64Array, n: number, prefix: boolean): void {
    const fresh: number[] = [];
    this.spend(this.misses(ts, n, prefix, fresh));
    for (const t of fresh) this.owed.push(t);
  }

  /** Charges the call of f at t, unless a fetch charged it already ({@link owed}). */
  private pay(t: number): void {
    const i = owedAt(this.owed, t);
    if (i < 0) this.spend(1);
    else this.owed.splice(i, 1);
  }

  /** Charges `misses` more calls of f, or throws {@link BUDGET_SPENT} where the budget has no room. */
  private spend(misses: number): void {
    if (this.charged + misses > this.limit) {
      this.short = true;
      throw BUDGET_SPENT;
    }
    this.charged += misses;
  }

  /** f(t), or NaN without calling f when t is outside the bounds or not finite (sync f only). */
  at(t: number): number {
    if (!(t >= this.lo && t <= this.hi) || !Number.isFinite(t)) return NaN;
    const i = this.find(t);
    if (i >= 0) return this.vals[i];
    if (this.limit !== Infinity) this.pay(t);
    const v = checkNumber((this.f as Fn1)(t), t);
    this.evaluations++;
    this.store(t, v);
    return v;
  }

  /** f(t) where f was called at t already, else NaN: never a call. */
  known(t: number): number {
    const i = this.find(t);
    return i >= 0 ? this.vals[i] : NaN;
  }

  /**
   * The point f was called at nearest to t, within `within` of it, or NaN where there is none: never a
   * call. Its value is then in {@link nearValue}. A scan of the points known (for checks off the hot path).
   */
  knownNear(t: number, within: number): number {
    let best = NaN;
    let gap = within;
    for (let i = 0; i < this.size; i++) {
      const d = Math.abs(this.keys[i] - t);
      if (d <= gap) {
        gap = d;
        best = this.keys[i];
        this.nearValue = this.vals[i];
      }
    }
    return best;
  }

  /** The value of the point {@link knownNear} found last. */
  nearValue = NaN;

  /** f(t) as a one-point {@link fetch}. */
  *one(t: number): Pipeline<number> {
    ONE[0] = t; // fetch reads ts before it yields
    const res = new Float64Array(1);
    yield* this.fetch(ONE, 1, false, res);
    return res[0];
  }

  /**
   * The values of f at ts[0..n) into out[0..n), from the cache where it can, from f (or the runner)
   * for the rest. With `prefix`, stops after the first value that is not finite and returns how many
   * leading values are set (the sync loop's rule: the rest of a row cannot be used); otherwise n.
   */
  *fetch(ts: Float64Array, n: number, prefix: boolean, out: Float64Array): Pipeline<number> {
    if (this.prepare(ts, n, prefix, out)) yield this.request;
    return this.complete(n, prefix, out);
  }

  /**
   * The first half of {@link fetch} (inlined by the hot loops): takes what the cache knows and puts the
   * misses in the request; with a sync f evaluates them too. True when the runner must evaluate them.
   */
  prepare(ts: Float64Array, n: number, prefix: boolean, out: Float64Array): boolean {
    if (this.f !== null) {
      this.scanned = this.now(ts, n, prefix, out);
      return false;
    }
    const req = this.request;
    req.reserve(n);
    if (this.from.length < n) this.from = new Int32Array(req.points.length);
    const from = this.from;
    let misses = 0;
    let scanned = n;
    for (let i = 0; i < n; i++) {
      const t = ts[i];
      from[i] = -1;
      let v = NaN;
      if (t >= this.lo && t <= this.hi && Number.isFinite(t)) {
        const c = this.find(t);
        if (c >= 0) v = this.vals[c];
        else {
          let j = 0;
          while (j < misses && req.points[j] !== t) j++;
          if (j === misses) req.points[misses++] = t;
          from[i] = j;
          continue;
        }
      }
      out[i] = v;
      if (prefix && !Number.isFinite(v)) {
        scanned = i + 1;
        break;
      }
    }
    if (misses > 0) this.spend(misses);
    this.scanned = scanned;
    req.count = misses;
    req.prefix = prefix;
    req.evaluated = misses;
    return misses > 0;
  }

  /**
   * {@link fetch} for a sampler that calls a sync f itself (the sync loop): f at each point in order,
   * as soon as it is needed; with `prefix`, stops after the first value that is not finite. Returns
   * how many leading values are set (n without `prefix`). Small, so that the engine's loops inline it.
   */
  now(ts: Float64Array, n: number, prefix: boolean, out: Float64Array): number {
    // A fetch is refused whole, as the batched loops refuse its request, before f is called.
    if (this.limit !== Infinity) this.charge(ts, n, prefix);
    let i = 0;
    while (i < n) {
      const v = (out[i] = this.at(ts[i++]));
      if (prefix && !Number.isFinite(v)) break;
    }
    return prefix ? i : n;
  }

  /** The request handed to the runner (see {@link PointRequest}); reused. */
  get request(): PointRequest {
    return (this.req ??= new PointRequest());
  }

  /** The second half of {@link fetch}: stores the values of the misses; returns the usable prefix. */
  complete(n: number, prefix: boolean, out: Float64Array): number {
    const req = this.req;
    const scanned = this.scanned;
    if (this.f === null && req !== null && req.count > 0) {
      const evaluated = req.evaluated;
      for (let j = 0; j < evaluated; j++) this.store(req.points[j], req.values[j]);
      this.evaluations += evaluated;
      const from = this.from;
      for (let i = 0; i < scanned; i++) {
        const j = from[i];
        if (j >= 0) {
          if (j >= evaluated) return i; // the runner stopped before it: a value before was not finite
          out[i] = req.values[j];
        }
        if (prefix && !Number.isFinite(out[i])) return i + 1;
      }
    }
    return prefix ? scanned : n;
  }

  private scanned = 0;

  /** The points f was asked for so far, in order: a view of the cache, valid until the next call of f. */
  knownPoints(): Float64Array {
    return this.keys.subarray(0, this.size);
  }

  /** The values f gave so far, in the order asked: a view of the cache, valid until the next call of f. */
  knownValues(): Float64Array {
    return this.vals.subarray(0, this.size);
  }

  /** The cache index of t, or -1 (+0 and -0 are different points). */
  private find(t: number): number {
    const keys = this.keys;
    for (let i = this.size - 1; i >= 0; i--)
      if (keys[i] === t && (t !== 0 || Object.is(keys[i], t))) return i;
    return -1;
  }

  private store(t: number, v: number): void {
    const keys = this.keys;
    if (this.size === keys.length) {
      this.keys = new Float64Array(2 * keys.length);
      this.keys.set(keys);
      const vals = new Float64Array(2 * keys.length);
      vals.set(this.vals);
      this.vals = vals;
    }
    this.keys[this.size] = t;
    this.vals[this.size++] = v;
  }
}

/**
 * What a {@link Sampler} throws when a fetch does not fit its budget (`maxEvaluations`), before f is
 * called; never seen by a caller of the engine: the pipelines catch it with {@link bounded} and keep
 * the estimate they had, status "max-evaluations". One object, made once (no stack per refusal).
 *
 * @example
 * ```ts
 * const s = new Sampler(Math.exp);
 * s.limit = 1;
 * s.at(0);
 * try { s.at(1); } catch (e) { e === BUDGET_SPENT; } // true; f was called once
 * ```
 */
export const BUDGET_SPENT: Error = new Error("maxEvaluations: the budget of calls of f is spent");

/**
 * The pipeline p, or `fallback()` where p met the end of its sampler's budget ({@link BUDGET_SPENT}):
 * a stage that asks for more calls of f than the budget leaves does not run, and the caller's estimate
 * from before it stands (with status "max-evaluations", which the caller sets).
 *
 * @example
 * ```ts
 * import { runSync } from "./column-steps.js";
 * const s = new Sampler(Math.exp);
 * s.limit = 1;
 * function* two(): Pipeline<number> { return (yield* s.one(0)) + (yield* s.one(1)); }
 * runSync(bounded(two(), () => NaN)); // NaN, after one call of f
 * ```
 */
export function* bounded<R>(p: Pipeline<R>, fallback: () => R): Pipeline<R> {
  try {
    return yield* p;
  } catch (e) {
    if (e !== BUDGET_SPENT) throw e;
    return fallback();
  }
}

/** The index of t in a list of points, or -1 (+0 and −0 differ, as in the cache). */
function owedAt(owed: number[], t: number): number {
  for (let i = 0; i < owed.length; i++) if (Object.is(owed[i], t)) return i;
  return -1;
}

const ONE = new Float64Array(1);
const EMPTY = new Int32Array(0);

/**
 * Initial capacity of a {@link Sampler}'s cache: a first derivative typically asks for 10 points, a
 * noisy or non-smooth one for up to 60.
 *
 * @default 32
 * @example
 * ```ts
 * SAMPLER_CAPACITY; // 32
 * ```
 */
export const SAMPLER_CAPACITY = 32;
