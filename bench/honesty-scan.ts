/**
 * A seeded random scan of numdiff's public API for dishonest results (issue 10's "every result is
 * honest"): random functions of ten categories (categories.ts: smooth bases at |x| up to 1e5,
 * relative and absolute hash noise at 1e-14…1e-6, float32 computations, C1 joins, kinks and jumps at
 * x and 1e-12…1e-3 from it, poles) through `derivative` at orders 1–4 (default options, forward and
 * backward), `derivative(f, xs)`, `numdiff/async`'s derivative, `gradient` (also with an f that writes
 * into x), `jacobian` with m < 16 and m ≥ 16, `hessian` and `checkGradient`. Each number is judged
 * against a truth by the rules of honesty/verdict.ts; throws, changed caller's arrays, runaway f
 * and results that must be the same bits but are not are reported as incidents.
 *
 * Truths are closed-form derivatives evaluated in double precision (honesty/bases.ts and
 * honesty/features.ts): good to a few ulps, about 1e-15 relative, far below the errors that matter
 * here; an estimate is called dishonest only when the true error exceeds it by more than
 * 8·EPS·|truth|. No Python is needed. Nothing here expects particular counts: rerun it on any main.
 *
 * ```sh
 * npx tsx bench/honesty-scan.ts [--seed N] [--quick] [--list N] [--json]
 * ```
 *
 * Prints markdown (with `--json`, the whole report, every dishonest entry, as JSON); a full run (not
 * `--quick`) with the default seed also writes bench/honesty-results.json: the tallies, the
 * incidents and the worst HONESTY_KEPT_PER_GROUP dishonest entries of each category and API.
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { CATEGORIES } from "./honesty/categories.js";
import type { Collector } from "./honesty/collect.js";
import { rngFor } from "./honesty/random.js";
import { scanMarkdown, summarize, worstPerGroup } from "./honesty/report.js";
import { probeArray, probeAsync, probeOneSided, probeOrders } from "./honesty/scalar-apis.js";
import {
  LARGE_ROWS,
  SMALL_ROWS,
  probeCheckGradient,
  probeGradient,
  probeHessian,
  probeJacobian,
} from "./honesty/vector-apis.js";

/** Where a full run with the default seed writes its results. */
export const HONESTY_RESULTS_PATH = fileURLToPath(new URL("./honesty-results.json", import.meta.url));

/** The default seed. */
export const HONESTY_SEED = 1;

/** Cases per category and probe: full run, and `--quick`. */
export const HONESTY_SIZES = {
  full: { scalar: 1000, vector: 250 },
  quick: { scalar: 20, vector: 6 },
} as const;

/** Dishonest entries kept per category and API in the committed JSON (`--json` prints them all). */
export const HONESTY_KEPT_PER_GROUP = 3;

/** What the scan was asked to do. */
export interface ScanOptions {
  seed?: number;
  quick?: boolean;
}

/**
 * Runs the scan.
 *
 * @example
 * ```ts
 * const out = await runHonestyScan({ seed: 1, quick: true });
 * summarize(out.entries).total; // { total: …, honest: …, … }
 * ```
 */
export async function runHonestyScan(options: ScanOptions = {}): Promise<Collector> {
  const seed = options.seed ?? HONESTY_SEED;
  const size = options.quick === true ? HONESTY_SIZES.quick : HONESTY_SIZES.full;
  const out: Collector = { entries: [], incidents: [] };
  for (const category of CATEGORIES) {
    const r = (probe: string) => rngFor(seed, `${category}/${probe}`);
    probeOrders(out, r("derivative"), category, size.scalar);
    probeOneSided(out, r("one-sided"), category, size.scalar);
    probeArray(out, r("array"), category, size.vector);
    await probeAsync(out, r("async"), category, size.vector);
    probeGradient(out, r("gradient"), category, size.vector);
    probeJacobian(out, r("jacobian-small"), category, size.vector, SMALL_ROWS);
    probeJacobian(out, r("jacobian-large"), category, size.vector, LARGE_ROWS);
    probeHessian(out, r("hessian"), category, size.vector);
    probeCheckGradient(out, r("checkGradient"), category, size.vector);
  }
  return out;
}

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const seed = Number(argValue("--seed") ?? HONESTY_SEED);
  const quick = process.argv.includes("--quick");
  const list = Number(argValue("--list") ?? 5);
  const start = process.cpuUsage();
  const out = await runHonestyScan({ seed, quick });
  const used = process.cpuUsage(start);
  const seconds = (used.user + used.system) / 1e6;
  const dishonest = out.entries.filter((e) => !e.verdict.honest);
  const report = { seed, quick, seconds, summary: summarize(out.entries), incidents: out.incidents };
  if (!quick && seed === HONESTY_SEED) {
    const kept = { ...report, dishonest: worstPerGroup(dishonest, HONESTY_KEPT_PER_GROUP) };
    writeFileSync(HONESTY_RESULTS_PATH, JSON.stringify(kept, null, 1) + "\n");
  }
  console.log(
    process.argv.includes("--json")
      ? JSON.stringify({ ...report, dishonest }, null, 1)
      : scanMarkdown(out, { seed, quick, list, seconds }),
  );
}
