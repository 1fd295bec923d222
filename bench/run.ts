/**
 * The benchmark: numdiff against the peers, side by side, in one run. Writes bench/results.json and
 * bench/RESULTS.md.
 *
 * ```sh
 * npm run bench             # full sizes (a few minutes)
 * npm run bench -- --quick  # the same sections at small sizes (under a minute)
 * ```
 *
 * Sections: accuracy and cost on the reference set (numdiff, scipy, numdifftools), gradient overhead
 * and Jacobian scale (bench/gradient-overhead.ts, bench/jacobian-scale.ts, when present), scipy's
 * Jacobian at n = 1000 and 2000, throughput of sin at 100,000 points. See bench/README.md.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import * as prettier from "prettier";
import { accuracyReport, summarize, type AccuracySummary, type CaseOutcome } from "./accuracy.js";
import { pickNumber, runExternal } from "./external.js";
import { loadDerivativeCases, type DerivativeCase } from "./fixtures.js";
import { loadMultivariateCases, multivariateReport, type MultivariateSummary } from "./multivariate.js";
import { runPeer, type PeerReport } from "./peers.js";
import { PYTHON, pythonVersions, runPython, type PythonVersions } from "./python.js";
import { renderMarkdown } from "./report.js";
import {
  throughput,
  QUICK_THROUGHPUT_POINTS,
  THROUGHPUT_POINTS,
  type ThroughputResult,
} from "./throughput.js";

/** scipy.differentiate.jacobian sizes of the full run (issue 6). */
export const SCIPY_JACOBIAN_SIZES: readonly number[] = Object.freeze([1000, 2000]);

/** scipy.differentiate.jacobian sizes of the quick run (its cost grows like n²). */
export const QUICK_SCIPY_JACOBIAN_SIZES: readonly number[] = Object.freeze([200, 400]);

/** The Jacobian size issue 3 asks for, where scipy's memory is projected rather than measured. */
export const PROJECTED_JACOBIAN_N = 10_000;

/** Bytes per MiB. */
const MIB = 1024 * 1024;

/** Options of {@link runBenchmarks}. */
export interface BenchOptions {
  /** Small sizes (under a minute). */
  quick?: boolean;
  /** Run the Python peers (default true). */
  python?: boolean;
  /** Run bench/gradient-overhead.ts and bench/jacobian-scale.ts when present (default true). */
  external?: boolean;
  /** The reference cases (default: all of test/fixtures/derivative-cases.json). */
  cases?: DerivativeCase[];
  /** Throughput points (default 100,000; quick 10,000). */
  throughputPoints?: number;
  /** Timed passes of the throughput section (median reported). */
  throughputRepeats?: number;
  /** scipy Jacobian sizes. */
  scipyJacobianSizes?: readonly number[];
  /** Progress lines (default: none). */
  log?: (line: string) => void;
}

/** A failing or under-estimating case, briefly. */
export interface CaseBrief {
  id: string;
  value: number;
  exact: number;
  relativeError: number;
  tolerance: number;
  estimate: number;
  evaluations: number;
}

/** One tool's accuracy figures plus the cases that missed. */
export type AccuracySection = AccuracySummary & {
  /** The figures on the first-derivative cases alone (what scipy computes). */
  firstOrder: AccuracySummary;
  failures: CaseBrief[];
  underEstimates: string[];
};

/** A peer's section: its figures, or null with the reason. */
export type PeerSection =
  | (AccuracySection & {
      tool: string;
      options: string;
      note: string | null;
      functionMismatches: PeerReport["functionMismatches"];
    })
  | null;

/** scipy's Jacobian at one n. */
export interface ScipyJacobian {
  n: number;
  seconds: number;
  peakRssMiB: number;
  baselineRssMiB: number;
  maxAbsError: number;
}

/** Everything one run measured: the shape of bench/results.json. */
export interface BenchResults {
  mode: "full" | "quick";
  date: string;
  /** The commit measured (`git rev-parse HEAD`), with "-dirty" when the work tree had changes; null outside git. */
  commit: string | null;
  machine: { cpu: string; cores: number; memoryMiB: number; platform: string };
  versions: { node: string } & PythonVersions;
  accuracy: AccuracySection;
  /** gradient, hessian, jacobian and directionalDerivative on the multivariate reference set. */
  multivariate: MultivariateSummary[];
  /** Median time ratio book-mode gradient / hand-written loop (null when not measured). */
  gradientOverhead: number | null;
  gradientOverheadDetail: Record<string, unknown> | null;
  jacobian: {
    n: number | null;
    seconds: number | null;
    peakRssMiB: number | null;
    detail: Record<string, unknown> | null;
    scipy: ScipyJacobian[];
    scipyProjected: {
      n: number;
      firstBatchBytes: number;
      projectedPeakRssMiB: number | null;
      note: string;
    } | null;
  };
  throughput: {
    numdiff: number;
    scipy: number | null;
    points: number;
    numdiffDetail: ThroughputResult;
    scipyDetail: ThroughputResult | null;
  };
  peers: { scipy: PeerSection; numdifftools: PeerSection };
  notes: string[];
}

function brief(o: CaseOutcome): CaseBrief {
  return {
    id: o.id,
    value: o.value,
    exact: o.exact,
    relativeError: o.relativeError,
    tolerance: o.tolerance,
    estimate: o.estimate,
    evaluations: o.evaluations,
  };
}

/**
 * The accuracy section of one tool from its case outcomes.
 *
 * @example
 * ```ts
 * accuracySection(accuracyReport(cases).outcomes).firstOrder.cases; // 84
 * ```
 */
export function accuracySection(outcomes: readonly CaseOutcome[], missing: string[] = []): AccuracySection {
  return {
    ...summarize(outcomes, missing),
    firstOrder: summarize(outcomes.filter((o) => o.order === 1)),
    failures: outcomes.filter((o) => !o.withinTolerance).map(brief),
    underEstimates: outcomes.filter((o) => !o.estimateCovers).map((o) => o.id),
  };
}

function peerSection(report: PeerReport | null, note: string | null): PeerSection {
  if (report === null) return null;
  return {
    tool: report.tool,
    options: report.options,
    note,
    functionMismatches: report.functionMismatches,
    ...accuracySection(report.outcomes, report.summary.missingFunctions),
  };
}

/**
 * scipy's projected peak memory at n from two measured sizes, fitting peak = a + b·n² (its work
 * arrays are n×n×p); null with fewer than two sizes.
 *
 * @example
 * ```ts
 * projectPeak([{ n: 1, peakRssMiB: 2 }, { n: 2, peakRssMiB: 5 }], 3); // 10
 * ```
 */
export function projectPeak(
  measured: readonly Pick<ScipyJacobian, "n" | "peakRssMiB">[],
  n: number,
): number | null {
  if (measured.length < 2) return null;
  const [p, q] = measured.slice(-2);
  const b = (q.peakRssMiB - p.peakRssMiB) / (q.n ** 2 - p.n ** 2);
  const a = p.peakRssMiB - b * p.n ** 2;
  return a + b * n ** 2;
}

function scipyJacobians(sizes: readonly number[], notes: string[]): BenchResults["jacobian"]["scipy"] {
  const out: ScipyJacobian[] = [];
  for (const n of sizes) {
    const r = runPython<ScipyJacobian>("scipy_jacobian.py", [String(n)]);
    if (r.ok) out.push(r.data);
    else notes.push(`scipy jacobian n = ${n}: ${r.reason}`);
  }
  return out;
}

function scipyProjection(
  measured: ScipyJacobian[],
  memoryMiB: number,
): BenchResults["jacobian"]["scipyProjected"] {
  if (measured.length === 0) return null;
  const n = PROJECTED_JACOBIAN_N;
  // scipy's first batch evaluates F on an (n, n, 8) float64 array (order = 8 abscissae).
  const firstBatchBytes = n * n * 8 * 8;
  const projected = projectPeak(measured, n);
  const gib = (b: number): string => (b / 1024 ** 3).toFixed(1);
  const note =
    `not run: the first batch call alone passes an (n, n, 8) float64 array of ${gib(firstBatchBytes)} GiB, ` +
    `and F's temporaries are as large again; peak ≈ a + b·n² fitted to the measured sizes gives ` +
    `${projected === null ? "n/a" : gib(projected * MIB)} GiB against ${gib(memoryMiB * MIB)} GiB of memory`;
  return { n, firstBatchBytes, projectedPeakRssMiB: projected, note };
}

/**
 * The commit being measured: HEAD's hash, with "-dirty" when tracked files differ from it; null when
 * git or the repository is not there.
 *
 * @example
 * ```ts
 * currentCommit(); // "3f2c9e1…" or "3f2c9e1…-dirty"
 * ```
 */
export function currentCommit(): string | null {
  const git = (args: string[]) =>
    spawnSync("git", args, { cwd: fileURLToPath(new URL("..", import.meta.url)), encoding: "utf8" });
  const head = git(["rev-parse", "HEAD"]);
  if (head.status !== 0) return null;
  const dirty = git(["status", "--porcelain", "--untracked-files=no"]).stdout.trim() !== "";
  return head.stdout.trim() + (dirty ? "-dirty" : "");
}

function machine(): BenchResults["machine"] {
  const list = cpus();
  return {
    cpu: list[0]?.model ?? "unknown",
    cores: list.length,
    memoryMiB: Math.round(totalmem() / MIB),
    platform: `${process.platform} ${process.arch}`,
  };
}

/**
 * Runs every section and returns the results (writes nothing).
 *
 * @example
 * ```ts
 * const results = await runBenchmarks({ quick: true });
 * results.accuracy.medianEvaluations; // e.g. 10
 * ```
 */
export async function runBenchmarks(options: BenchOptions = {}): Promise<BenchResults> {
  const quick = options.quick ?? false;
  const usePython = options.python ?? true;
  const external = options.external ?? true;
  const log = options.log ?? ((): void => undefined);
  const notes: string[] = [];
  const cases = options.cases ?? loadDerivativeCases();
  const mach = machine();

  log("versions");
  const py = usePython ? pythonVersions() : { python: null, numpy: null, scipy: null, numdifftools: null };
  const haveScipy = py.scipy !== null;
  if (usePython && py.python === null) notes.push(`${PYTHON} not found: peer sections skipped`);
  else if (usePython && !haveScipy) notes.push("scipy not importable: scipy sections skipped");
  if (!usePython) notes.push("Python peers not run (python: false)");

  log("accuracy: numdiff");
  const acc = accuracyReport(cases);
  const accuracy = accuracySection(acc.outcomes, acc.summary.missingFunctions);

  log("accuracy: multivariate");
  const multivariate = multivariateReport(loadMultivariateCases());

  log("accuracy: peers");
  let scipyPeer: PeerSection = null;
  let ndtPeer: PeerSection = null;
  if (haveScipy) {
    const r = runPeer("scipy", cases);
    scipyPeer = peerSection(r.report, r.note);
    if (r.note !== null) notes.push(r.note);
    const mismatches = r.report?.functionMismatches ?? [];
    notes.push(
      mismatches.length === 0
        ? "scipy's NumPy functions give f(x) bit for bit equal to numdiff's JavaScript ones at every case point"
        : `scipy's NumPy f(x) is not bit for bit numdiff's JavaScript f(x) at ${mismatches.length} case points ` +
            `(libm rounding; largest relative difference ` +
            `${Math.max(...mismatches.map((m) => m.relativeDifference)).toExponential(1)}): ` +
            mismatches.map((m) => m.id).join(", "),
    );
  }
  if (usePython && py.python !== null) {
    const r = runPeer("numdifftools", cases);
    ndtPeer = peerSection(r.report, r.note);
    if (r.report === null) {
      notes.push(
        `numdifftools: ${r.note}; PyPI is unreachable from these machines and Debian bookworm has no ` +
          `python3-numdifftools package, so its column is null`,
      );
    }
  }

  log("gradient overhead");
  let gradientOverhead: number | null = null;
  let gradientOverheadDetail: Record<string, unknown> | null = null;
  if (external) {
    const g = runExternal("gradient-overhead", quick);
    if (g.ok) {
      gradientOverheadDetail = g.result;
      gradientOverhead = pickNumber(g.result, ["medianRatio", "ratio", "median", "overhead"]);
    } else notes.push(`gradient overhead: ${g.reason}`);
  } else notes.push("gradient overhead and Jacobian scale not run (external: false)");

  log("jacobian scale");
  const jacobian: BenchResults["jacobian"] = {
    n: null,
    seconds: null,
    peakRssMiB: null,
    detail: null,
    scipy: [],
    scipyProjected: null,
  };
  if (external) {
    const j = runExternal("jacobian-scale", quick);
    if (j.ok) {
      jacobian.detail = { ...j.result, childMaxRssMiB: j.maxRssMiB };
      jacobian.n = pickNumber(j.result, ["n"]);
      jacobian.seconds = pickNumber(j.result, ["seconds", "time", "elapsedSeconds"]);
      jacobian.peakRssMiB = pickNumber(j.result, ["peakRssMiB", "peakMiB", "maxRssMiB"]) ?? j.maxRssMiB;
    } else notes.push(`jacobian scale: ${j.reason}`);
  }
  if (haveScipy) {
    const sizes = options.scipyJacobianSizes ?? (quick ? QUICK_SCIPY_JACOBIAN_SIZES : SCIPY_JACOBIAN_SIZES);
    log(`scipy jacobian n = ${sizes.join(", ")}`);
    jacobian.scipy = scipyJacobians(sizes, notes);
    jacobian.scipyProjected = scipyProjection(jacobian.scipy, mach.memoryMiB);
  }

  const points = options.throughputPoints ?? (quick ? QUICK_THROUGHPUT_POINTS : THROUGHPUT_POINTS);
  log(`throughput (${points} points)`);
  const numdiffThroughput = throughput(points, options.throughputRepeats);
  let scipyThroughput: ThroughputResult | null = null;
  if (haveScipy) {
    const r = runPython<ThroughputResult>("scipy_throughput.py", [
      String(points),
      String(options.throughputRepeats ?? 3),
    ]);
    if (r.ok) scipyThroughput = r.data;
    else notes.push(`scipy throughput: ${r.reason}`);
  }

  return {
    mode: quick ? "quick" : "full",
    date: new Date().toISOString(),
    commit: currentCommit(),
    machine: mach,
    versions: { node: process.version, ...py },
    accuracy,
    multivariate,
    gradientOverhead,
    gradientOverheadDetail,
    jacobian,
    throughput: {
      numdiff: numdiffThroughput.pointsPerSecond,
      scipy: scipyThroughput?.pointsPerSecond ?? null,
      points,
      numdiffDetail: numdiffThroughput,
      scipyDetail: scipyThroughput,
    },
    peers: { scipy: scipyPeer, numdifftools: ndtPeer },
    notes,
  };
}

/** Where a full run's results are written (committed). */
export const RESULTS_JSON = fileURLToPath(new URL("./results.json", import.meta.url));
/** Where a full run's readable table is written (committed). */
export const RESULTS_MD = fileURLToPath(new URL("./RESULTS.md", import.meta.url));
/** Where a quick run writes its results.json and RESULTS.md: git-ignored, never the committed pair. */
export const QUICK_OUT_DIR = fileURLToPath(new URL("./out/", import.meta.url));

async function main(argv: readonly string[]): Promise<void> {
  const quick = argv.includes("--quick");
  const t0 = Date.now();
  const results = await runBenchmarks({
    quick,
    log: (line) => console.error(`[bench ${((Date.now() - t0) / 1000).toFixed(1)}s] ${line}`),
  });
  if (quick) mkdirSync(QUICK_OUT_DIR, { recursive: true });
  const jsonFile = quick ? join(QUICK_OUT_DIR, "results.json") : RESULTS_JSON;
  const mdFile = quick ? join(QUICK_OUT_DIR, "RESULTS.md") : RESULTS_MD;
  writeFileSync(jsonFile, JSON.stringify(results, null, 2) + "\n");
  // Formatted as the repository's prettier config wants, so `npm test`'s format check passes after a run.
  const config = (await prettier.resolveConfig(RESULTS_MD)) ?? {};
  const md = await prettier.format(renderMarkdown(results), { ...config, filepath: mdFile });
  writeFileSync(mdFile, md);
  console.log(md);
  const where = (f: string) => relative(process.cwd(), f);
  console.error(
    `[bench] wrote ${where(jsonFile)} and ${where(mdFile)} in ${((Date.now() - t0) / 1000).toFixed(1)}s`,
  );
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
