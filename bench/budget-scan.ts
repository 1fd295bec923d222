/**
 * `maxEvaluations` as a bound. For every API and loop (sync, batched, async), eight kinds of f
 * (smooth, noisy at 1e-10 relative, float32, a kink at x, a jump at x, a kink 1e-9 from x, a pole at
 * x, a pole 1e-3 from x) and every budget from one stencil to 60, it counts the calls of f (points,
 * for a batched f) against the budget (a gradient or a Jacobian n·B, a Hessian n(n + 1)/2·B) and
 * against `result.evaluations`, and compares the three loops' results. Then it judges derivative()'s
 * results under those budgets against their truths: a result that claims a derivative (status ok or
 * noise-limited, a finite error) whose error does not cover the truth is dishonest.
 *
 * ```sh
 * npx tsx bench/budget-scan.ts [--x 0.7]
 * ```
 *
 * Prints two markdown tables. Run it in another checkout (its src/core) to compare.
 */
import { pathToFileURL } from "node:url";
import * as S from "../src/core/index.js";
import * as A from "../src/core/async/index.js";
import { BUDGET_KINDS, type BudgetKind } from "../test/fixtures/budget-kinds.js";

type Kind = BudgetKind;
const KINDS = BUDGET_KINDS;
const BUDGETS = Array.from({ length: 59 }, (_, i) => i + 2);
const LOOPS = ["sync", "batch", "async"] as const;
type Loop = (typeof LOOPS)[number];
type Result = { evaluations: number };
type Fn = (x: Float64Array) => unknown;

/** One API on one f: f's values per point (`width`), the bound for budget B, and a run in a loop. */
interface Api {
  name: string;
  width: number;
  f: Fn;
  bound(B: number): number;
  run(B: number, loop: Loop, g: Fn): Promise<Result>;
}

/** A result's numbers as text (NaN and ±∞ as themselves), `evaluations` left out. */
function bits(r: object): string {
  const { evaluations: _, ...rest } = r as Result;
  return JSON.stringify(rest, (_k, v: unknown) =>
    ArrayBuffer.isView(v) ? Array.from(v as Float64Array) : typeof v === "number" ? String(v) : v,
  );
}

/** The APIs on the kind, its feature at c (in the first coordinate of the functions of several). */
function apis(c: number, kind: Kind): Api[] {
  const x0 = [c, 0.4, -0.3];
  const n = x0.length;
  const scalar: Fn = (x) => kind(x[0], c) + Math.sin(x[1]) * x[2] + Math.exp(x[2]);
  const vector =
    (m: number): Fn =>
    (x) =>
      Array.from(
        { length: m },
        (_, r) => (r % 3 === 0 ? kind(x[0], c) : Math.cos(x[0] * (1 + 0.1 * r))) + Math.sin(x[1] + r) * x[2],
      );
  const out: Api[] = [];
  for (const order of [1, 2, 3, 4])
    for (const method of ["central", "forward", "backward"] as const)
      out.push({
        name: `derivative order ${order} ${method}`,
        width: 1,
        f: (x) => kind(x[0], c),
        bound: (B) => B,
        run: async (B, loop, g) => {
          const o = { order, method, maxEvaluations: B };
          const at = (t: number): number => g(Float64Array.of(t)) as number;
          if (loop === "async") return A.derivative(async (t: number) => at(t), c, o);
          if (loop === "batch")
            return S.derivative((t: Float64Array) => g(t) as number[], c, { ...o, batch: true });
          return S.derivative(at, c, o);
        },
      });
  const several = (name: string, f: Fn, entries: number, sync: unknown, async: unknown): Api => ({
    name,
    width: n,
    f,
    bound: (B) => entries * B,
    run: async (B, loop, g) => {
      const o = { maxEvaluations: B };
      if (loop === "async") return (async as (...a: unknown[]) => Promise<Result>)(g, x0, o);
      return (sync as (...a: unknown[]) => Result)(g, x0, loop === "batch" ? { ...o, batch: true } : o);
    },
  });
  out.push(several("gradient", scalar, n, S.gradient, A.gradient));
  out.push(several("jacobian m = 4", vector(4), n, S.jacobian, A.jacobian));
  out.push(several("jacobian m = 16", vector(16), n, S.jacobian, A.jacobian));
  out.push(several("hessian", scalar, (n * (n + 1)) / 2, S.hessian, A.hessian));
  return out;
}

/** The API run in the loop with a counted f: its result and the calls of f (points, when batched). */
async function counted(api: Api, B: number, loop: Loop): Promise<{ r: Result; calls: number }> {
  let calls = 0;
  const one: Fn = (x) => (calls++, api.f(x));
  const batched: Fn = (b) => {
    const values: unknown[] = [];
    for (let i = 0; i < b.length; i += api.width) values.push(one(b.slice(i, i + api.width)));
    return values.map((v) => (typeof v === "number" ? v : Array.from(v as ArrayLike<number>)));
  };
  const r = await api.run(B, loop, loop === "batch" ? batched : one);
  return { r, calls };
}

/** Per path (API and loop): the runs, the worst overrun, miscounted `evaluations`, disagreeing loops. */
export interface PathRow {
  runs: number;
  over: number;
  miscounted: number;
  disagree: number;
}

/**
 * The first table's rows at the point c.
 *
 * @example
 * ```ts
 * (await budgetPaths(0.7)).get("gradient sync")?.over; // ≤ 0 where the budget is a bound
 * ```
 */
export async function budgetPaths(c: number): Promise<Map<string, PathRow>> {
  const rows = new Map<string, PathRow>();
  for (const kind of Object.values(KINDS)) {
    for (const api of apis(c, kind)) {
      for (const B of BUDGETS) {
        let first: string | null = null;
        for (const loop of LOOPS) {
          let got: { r: Result; calls: number };
          try {
            got = await counted(api, B, loop);
          } catch (e) {
            if ((e as { code?: string }).code === "INVALID_OPTION") break; // below one stencil
            throw e;
          }
          const key = `${api.name} | ${loop}`;
          const row = rows.get(key) ?? { runs: 0, over: -Infinity, miscounted: 0, disagree: 0 };
          row.runs++;
          row.over = Math.max(row.over, got.calls - api.bound(B));
          if (got.r.evaluations !== got.calls) row.miscounted++;
          const b = bits(got.r);
          first ??= b;
          if (b !== first) row.disagree++;
          rows.set(key, row);
        }
      }
    }
  }
  return rows;
}

/** The n-th derivative of eˣ sin x + x³ (the smooth kind), n = 1 … 4. */
function smoothTruth(c: number, n: number): number {
  const e = Math.exp(c);
  const [s, k] = [Math.sin(c), Math.cos(c)];
  return [e * (s + k) + 3 * c * c, 2 * e * k + 6 * c, 2 * e * (k - s) + 6, -4 * e * s][n - 1];
}

/**
 * What a derivative of order n at c may honestly claim for the kind: a number, both one-sided slopes
 * (a kink, order 1), or null (no derivative: any claim is dishonest). One-sided methods at a kink claim
 * the derivative of their side's smooth part at orders 2 to 4.
 */
function truth(kind: string, c: number, n: number, oneSided: boolean): number | [number, number] | null {
  const sin = [Math.cos(c), -Math.sin(c), -Math.cos(c), Math.sin(c)][n - 1];
  switch (kind) {
    case "smooth":
      return smoothTruth(c, n);
    case "noisy":
      return smoothTruth(c, n) - [3 * c * c, 6 * c, 6, 0][n - 1];
    case "float32":
    case "kinkNear":
      return Math.exp(c);
    case "kink":
      return n === 1 ? [sin - 1, sin + 1] : oneSided ? sin : null;
    case "poleNear":
      return ((n % 2 === 1 ? -1 : 1) * [1, 2, 6, 24][n - 1]) / (-1e-3) ** (n + 1) + sin;
    default:
      return null;
  }
}

/**
 * The second table: derivative()'s results under every budget, at four points, and the dishonest ones.
 *
 * @example
 * ```ts
 * budgetHonesty().dishonest; // 0 where a cut check leaves an honest status
 * ```
 */
export function budgetHonesty(): { results: number; over: number; dishonest: number; worst: string[] } {
  const EXCUSES = ["not-differentiable", "discontinuous", "not-finite", "max-evaluations"];
  let [results, over, dishonest] = [0, 0, 0];
  const by = new Map<string, number>();
  for (const c of [0.7, -2.3, 41.5, 3.1])
    for (const [name, g] of Object.entries(KINDS))
      for (const order of [1, 2, 3, 4])
        for (const method of ["auto", "forward", "backward"] as const) {
          const least = method === "auto" ? [2, 3, 4, 5][order - 1] : order + 1;
          for (let B = least; B <= 60; B++) {
            let calls = 0;
            const r = S.derivative((t: number) => (calls++, g(t, c)), c, {
              order,
              method,
              maxEvaluations: B,
            });
            results++;
            if (calls > B) over++;
            if (EXCUSES.includes(r.status ?? "ok") || !(r.error < Infinity)) continue;
            const t = truth(name, c, order, method !== "auto");
            const covers = (v: number): boolean => Math.abs(r.value - v) <= r.error + 1e-15 * Math.abs(v);
            if (t === null || (Array.isArray(t) ? !(covers(t[0]) && covers(t[1])) : !covers(t))) {
              dishonest++;
              const key = `${name} order ${order} ${method}`;
              by.set(key, (by.get(key) ?? 0) + 1);
            }
          }
        }
  const worst = [...by]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 8)
    .map(([k, v]) => `${k}: ${v}`);
  return { results, over, dishonest, worst };
}

async function main(): Promise<void> {
  const at = process.argv.indexOf("--x");
  const c = at > 0 ? Number(process.argv[at + 1] ?? "0.7") : 0.7;
  console.log(`## maxEvaluations: calls of f against the budget (x = ${c}, budgets 2 to 60, 8 kinds of f)\n`);
  console.log("| API | loop | runs | worst overrun | evaluations ≠ calls | loops disagree |");
  console.log("| --- | --- | --: | --: | --: | --: |");
  for (const [key, r] of await budgetPaths(c))
    console.log(`| ${key} | ${r.runs} | ${r.over} | ${r.miscounted} | ${r.disagree} |`);
  const h = budgetHonesty();
  console.log(
    `\n## derivative() under a budget: ${h.results} results, ${h.over} over budget, ${h.dishonest} dishonest\n`,
  );
  for (const w of h.worst) console.log(`- ${w}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await main();
