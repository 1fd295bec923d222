/**
 * The honesty scan's multivariate probes: `gradient` (and the same f computed in place), `jacobian`
 * with m < 16 and m ≥ 16 rows (two code paths), `hessian` and `checkGradient`, on sums of random
 * one-variable cases of a category (sums.ts).
 */
import { STATUSES, checkGradient, gradient, hessian, jacobian } from "../../src/core/index.js";
import { drawCase, type Case, type Category } from "./categories.js";
import { capped, checkSame, checkUnchanged, guarded, record, type Collector } from "./collect.js";
import { randomInt, type Rng } from "./random.js";
import { atValue, shiftSpec, truthSpec, type Spec } from "./spec.js";
import { saltOf, sumInPlace, sumOf, sumText } from "./sums.js";
import { num } from "./verdict.js";

/** Rows of the small Jacobians (jacobian-common.ts takes m < 16 on its own path). */
export const SMALL_ROWS: readonly [number, number] = [2, 8];

/** Rows of the large Jacobians. */
export const LARGE_ROWS: readonly [number, number] = [16, 24];

const noCoupling = (): number => 0;

function drawCases(r: Rng, category: Category, n: number): Case[] {
  return Array.from({ length: n }, () => drawCase(r, category));
}

const statusOf = (codes: ArrayLike<number> | undefined, i: number): string =>
  codes === undefined || codes.length === 0 ? "ok" : STATUSES[codes[i]];

/**
 * `gradient(f, x)` of f = Σ case_k(x_k) (2–5 terms), each component judged; then the same f written
 * in place, whose result must be the same bits.
 *
 * @example
 * ```ts
 * probeGradient(out, rngFor(1, "smooth/gradient"), "smooth", 10);
 * ```
 */
export function probeGradient(out: Collector, r: Rng, category: Category, count: number): void {
  for (let i = 0; i < count; i++) {
    const cases = drawCases(r, category, randomInt(r, 2, 5));
    const x = cases.map((c) => c.x);
    const given = x.slice();
    const where = { api: "gradient", category, repro: `gradient(${sumText(cases, "")}, [${x.join(", ")}])` };
    const res = guarded(out, where, () => gradient(capped(sumOf(cases, noCoupling)), given));
    checkUnchanged(out, where, x, given);
    if (res === undefined) continue;
    const inPlace = { ...where, api: "gradient, f writes into x" };
    const res2 = guarded(out, inPlace, () => gradient(capped(sumInPlace(cases, noCoupling)), given));
    const fx = sumOf(cases, noCoupling)(x);
    cases.forEach((c, k) => {
      const at = { ...where, repro: `${where.repro} [${k}]` };
      const a = { value: res.value[k], error: res.error[k], status: statusOf(res.statuses, k) };
      record(out, at, c.tag, atValue(fx, c.spec(x[k], 1, "central")), a);
      if (res2 === undefined) return;
      const b = { value: res2.value[k], error: res2.error[k], status: statusOf(res2.statuses, k) };
      checkSame(out, { ...inPlace, repro: at.repro }, "plain f", b, a);
    });
  }
}

/**
 * `checkGradient(f, grad, x)` on the gradient probe's sums where every component has a derivative:
 * the true gradient must pass; a gradient with one component off by 10% (of itself, or of 1e-3 of
 * the largest) must fail, unless the numerical error estimate of that component admits half the gap.
 *
 * @example
 * ```ts
 * probeCheckGradient(out, rngFor(1, "smooth/checkGradient"), "smooth", 10);
 * ```
 */
export function probeCheckGradient(out: Collector, r: Rng, category: Category, count: number): void {
  for (let i = 0; i < count; i++) {
    const cases = drawCases(r, category, randomInt(r, 2, 5));
    const x = cases.map((c) => c.x);
    const specs = cases.map((c, k) => c.spec(x[k], 1, "central"));
    if (!specs.every((s) => s.kind === "truth")) continue;
    const truth = specs.map((s) => (s as { truth: number }).truth);
    const k0 = randomInt(r, 0, truth.length - 1);
    const scale = Math.max(...truth.map(Math.abs));
    const delta = 0.1 * Math.max(Math.abs(truth[k0]), 1e-3 * scale, 1e-8);
    const wrong = truth.slice();
    wrong[k0] += delta;
    const f = sumText(cases, "");
    for (const [label, grad] of [
      ["right", truth],
      ["wrong", wrong],
    ] as const) {
      const repro = `checkGradient(${f}, () => [${grad.join(", ")}], [${x.join(", ")}])`;
      const where = { api: `checkGradient, ${label} gradient`, category, repro };
      const given = x.slice();
      const c = guarded(out, where, () => checkGradient(capped(sumOf(cases, noCoupling)), () => grad, given));
      checkUnchanged(out, where, x, given);
      if (c === undefined) continue;
      // as an answer: the check passes (1) or fails (0); the truth is what it should say
      const admits = c.numericalError[k0] >= 0.5 * delta;
      const should: Spec = truthSpec(label === "right" ? 1 : 0);
      const said = { value: c.pass ? 1 : 0, error: label === "wrong" && admits ? 1 : 0, status: "ok" };
      record(
        out,
        { ...where, repro: `${repro} (worst ${c.worst.index}: ${num(c.worst.relativeError)})` },
        cases[k0].tag,
        should,
        said,
      );
    }
  }
}

const atan1 = (t: number): number => 1 / (1 + t * t);

/**
 * `jacobian(F, x)` with F_i(x) = case_i(x_{i mod n}) + atan(x_{(i+1) mod n}), n = 2–4 columns and m rows
 * in `rows`; each entry judged (its case's derivative, atan′, or 0).
 *
 * @example
 * ```ts
 * probeJacobian(out, rngFor(1, "smooth/jacobian"), "smooth", 10, SMALL_ROWS);
 * ```
 */
export function probeJacobian(
  out: Collector,
  r: Rng,
  category: Category,
  count: number,
  rows: readonly [number, number],
): void {
  const api = `jacobian m ${rows[0] >= 16 ? ">= 16" : "< 16"}`;
  for (let i = 0; i < count; i++) {
    const n = randomInt(r, 2, 4);
    const m = randomInt(r, ...rows);
    const head = drawCases(r, category, n);
    const x = head.map((c) => c.x);
    const cases = Array.from({ length: m }, (_, row) =>
      row < n ? head[row] : drawCase(r, category, x[row % n]),
    );
    const round = cases.some((c) => c.float32) ? Math.fround : (v: number) => v;
    const F = (v: ArrayLike<number>): number[] => {
      const salt = saltOf(v);
      return cases.map((c, row) => round(c.f(v[row % n], salt) + Math.atan(v[(row + 1) % n])));
    };
    const rowText = (row: number): string =>
      `(${cases[row].text})(x[${row % n}]) + Math.atan(x[${(row + 1) % n}])`;
    const text = `x => [${cases.map((_, row) => rowText(row)).join(", ")}]`;
    const given = x.slice();
    const where = { api, category, repro: `jacobian(${text}, [${x.join(", ")}])` };
    const res = guarded(out, where, () => jacobian(capped(F), given));
    checkUnchanged(out, where, x, given);
    if (res === undefined) continue;
    const fx = F(x);
    for (let row = 0; row < m; row++) {
      for (let j = 0; j < n; j++) {
        const spec = atValue(
          fx[row],
          j === row % n
            ? cases[row].spec(x[j], 1, "central")
            : truthSpec(j === (row + 1) % n ? atan1(x[j]) : 0),
        );
        const a = {
          value: res.value[row][j],
          error: res.error[row][j],
          status: statusOf(res.statuses[row], j),
        };
        const at = {
          ...where,
          repro: `jacobian(F, [${x.join(", ")}]) [${row}][${j}]: F has ${m} rows, row ${row} = x => ${rowText(row)}`,
          context: where.repro,
        };
        record(out, at, cases[row].tag, spec, a);
      }
    }
  }
}

function couplingSecond(x: readonly number[], i: number, j: number): number {
  const d2 = (t: number) => (-2 * t) / (1 + t * t) ** 2;
  if (i === j)
    return i === 0 ? 0.25 * Math.atan(x[1]) * d2(x[0]) : i === 1 ? 0.25 * Math.atan(x[0]) * d2(x[1]) : 0;
  return (i === 0 && j === 1) || (i === 1 && j === 0) ? 0.25 * atan1(x[0]) * atan1(x[1]) : 0;
}

/**
 * `hessian(f, x)` with f = Σ case_k(x_k) + 0.25·atan(x0)·atan(x1), n = 2–4; the diagonal judged against
 * the cases' second derivatives, the mixed entries against the coupling's.
 *
 * @example
 * ```ts
 * probeHessian(out, rngFor(1, "smooth/hessian"), "smooth", 10);
 * ```
 */
export function probeHessian(out: Collector, r: Rng, category: Category, count: number): void {
  const coupling = (v: ArrayLike<number>): number => 0.25 * Math.atan(v[0]) * Math.atan(v[1]);
  for (let i = 0; i < count; i++) {
    const cases = drawCases(r, category, randomInt(r, 2, 4));
    const x = cases.map((c) => c.x);
    const given = x.slice();
    const where = {
      api: "hessian",
      category,
      repro: `hessian(${sumText(cases, "0.25 * Math.atan(x[0]) * Math.atan(x[1]) + ")}, [${x.join(", ")}])`,
    };
    const res = guarded(out, where, () => hessian(capped(sumOf(cases, coupling)), given));
    checkUnchanged(out, where, x, given);
    if (res === undefined) continue;
    const fx = sumOf(cases, coupling)(x);
    for (let a = 0; a < x.length; a++) {
      for (let b = a; b < x.length; b++) {
        const spec: Spec = atValue(
          fx,
          a === b
            ? shiftSpec(cases[a].spec(x[a], 2, "central"), couplingSecond(x, a, a))
            : truthSpec(couplingSecond(x, a, b)),
        );
        const ans = { value: res.value[a][b], error: res.error[a][b], status: statusOf(res.statuses[a], b) };
        record(
          out,
          { ...where, repro: `${where.repro} [${a}][${b}]` },
          a === b ? cases[a].tag : "mixed",
          spec,
          ans,
        );
      }
    }
  }
}
