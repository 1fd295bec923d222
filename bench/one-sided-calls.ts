/**
 * Calls of f that `derivative(f, x, { method: "forward" | "backward", order })` makes on the honesty
 * scan's smooth one-sided cases (the same seed and draws as bench/honesty-scan.ts's one-sided probe),
 * per method and order, with the dishonest results among them (honesty/verdict.ts). The one-sided
 * checks of other-side.ts cost calls on every one-sided result; this is what they cost where there is
 * nothing to find.
 *
 * ```sh
 * npx tsx bench/one-sided-calls.ts [--cases N] [--category NAME]
 * ```
 *
 * Prints a markdown table.
 */
import { pathToFileURL } from "node:url";
import { derivative } from "../src/core/index.js";
import { drawCase, type Category } from "./honesty/categories.js";
import { rngFor } from "./honesty/random.js";
import { HONESTY_SEED, HONESTY_SIZES } from "./honesty-scan.js";
import { judge } from "./honesty/verdict.js";

/** The methods and orders of the scan's one-sided probe. */
export const ONE_SIDED_METHODS = ["forward", "backward"] as const;
export const ONE_SIDED_CALL_ORDERS: readonly number[] = [1, 2, 3, 4];

/** One row of the table: calls of f per derivative (mean) and dishonest results. */
export interface CallsRow {
  method: (typeof ONE_SIDED_METHODS)[number];
  order: number;
  cases: number;
  meanCalls: number;
  dishonest: number;
}

/**
 * The rows for `cases` cases of the category, drawn as the honesty scan's one-sided probe draws them.
 *
 * @example
 * ```ts
 * oneSidedCalls("smooth", 20)[0].meanCalls; // about 19 (forward, order 1)
 * ```
 */
export function oneSidedCalls(category: Category, cases: number): CallsRow[] {
  const rows: CallsRow[] = [];
  for (const method of ONE_SIDED_METHODS) {
    for (const order of ONE_SIDED_CALL_ORDERS)
      rows.push({ method, order, cases: 0, meanCalls: 0, dishonest: 0 });
  }
  const r = rngFor(HONESTY_SEED, `${category}/one-sided`);
  for (let i = 0; i < cases; i++) {
    const c = drawCase(r, category);
    for (const row of rows) {
      const res = derivative((t) => c.f(t, 0), c.x, { method: row.method, order: row.order });
      row.cases++;
      row.meanCalls += (res.evaluations - row.meanCalls) / row.cases;
      if (!judge(c.spec(c.x, row.order, row.method), res).honest) row.dishonest++;
    }
  }
  return rows;
}

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const category = (argValue("--category") ?? "smooth") as Category;
  const cases = Number(argValue("--cases") ?? HONESTY_SIZES.full.scalar);
  console.log(`### One-sided calls of f (${category}, ${cases} cases of the honesty scan)\n`);
  console.log("| method | order | mean calls | dishonest |");
  console.log("| --- | ---: | ---: | ---: |");
  for (const row of oneSidedCalls(category, cases)) {
    console.log(`| ${row.method} | ${row.order} | ${row.meanCalls.toFixed(2)} | ${row.dishonest} |`);
  }
}
