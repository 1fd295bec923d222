/**
 * Sparse Jacobians and Hessians at n = 10,000 (issue 13, items 6 and 7): F calls, seconds, CPU and
 * peak memory, and the error against the exact derivatives, with scipy's grouped sparse Jacobian
 * (scipy.optimize._numdiff.approx_derivative with `sparsity`) on the same F and x in the same run.
 * Each case runs in its own process, so its peak resident set size is its own.
 *
 * ```sh
 * npx tsx bench/sparse.ts [--quick]        # all cases; writes bench/sparse-results.json, prints markdown
 * npx tsx bench/sparse.ts --case NAME      # one case, one JSON line (used by the above)
 * ```
 */
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { performance } from "node:perf_hooks";
import { fileURLToPath, pathToFileURL } from "node:url";
import { jacobian, hessian, type SparsityPattern } from "../src/core/index.js";
import { pythonVersions, runPython } from "./python.js";

/** Size of the full run (the issue's n) and of the quick run. */
export const SPARSE_N = 10_000;
export const QUICK_SPARSE_N = 2_000;

const MiB = 1024 * 1024;
const RESULTS = fileURLToPath(new URL("./sparse-results.json", import.meta.url));

/** The figures of one case. */
export interface SparseCase {
  name: string;
  what: string;
  n: number;
  nnz: number;
  groups: number | null;
  evaluations: number;
  seconds: number;
  cpuSeconds: number;
  peakRssMiB: number;
  baselineRssMiB: number;
  /** max |estimate − exact| over the pattern. */
  maxAbsError: number;
  /** max |estimate − exact| / max(|exact|, 1): the error relative to the entry (absolute below 1). */
  maxScaledError: number;
  /** Entries whose estimated error is below their true error. */
  underestimated: number;
  /** Calls of a batched F (`batch: true`; `evaluations` then counts its points), or null. */
  batches: number | null;
}

function grid(n: number, lo: number, hi: number): Float64Array {
  return Float64Array.from({ length: n }, (_, i) => lo + ((hi - lo) * i) / (n - 1));
}

function band(n: number, b: number): SparsityPattern {
  const rowPtr = new Int32Array(n + 1);
  const cols: number[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = Math.max(0, i - b); j <= Math.min(n - 1, i + b); j++) cols.push(j);
    rowPtr[i + 1] = cols.length;
  }
  return { m: n, n, rowPtr, colIdx: Int32Array.from(cols) };
}

/** F_i = 3x_i + cos x_i − x_{i−1}² − sin x_{i+1}, and its Jacobian entry (i, j). */
function tridiagonal(v: Float64Array): Float64Array {
  const n = v.length;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    out[i] =
      3 * v[i] + Math.cos(v[i]) - (i > 0 ? v[i - 1] * v[i - 1] : 0) - (i < n - 1 ? Math.sin(v[i + 1]) : 0);
  }
  return out;
}
const tridiagonalEntry = (x: Float64Array, i: number, j: number): number =>
  j === i ? 3 - Math.sin(x[i]) : j === i - 1 ? -2 * x[j] : -Math.cos(x[j]);

/** F = 2x + cos x (the issue's dense case), and its Jacobian entry. */
function diagonal(v: Float64Array): Float64Array {
  const out = new Float64Array(v.length);
  for (let i = 0; i < v.length; i++) out[i] = 2 * v[i] + Math.cos(v[i]);
  return out;
}
const diagonalEntry = (x: Float64Array, i: number): number => 2 - Math.sin(x[i]);

/** Chained Rosenbrock, Σ 100(x_{i+1} − x_i²)² + (1 − x_i)²: a tridiagonal Hessian. */
function rosen(x: Float64Array): number {
  let s = 0;
  for (let i = 0; i + 1 < x.length; i++) {
    const a = x[i + 1] - x[i] * x[i];
    const b = 1 - x[i];
    s += 100 * a * a + b * b;
  }
  return s;
}
function rosenEntry(x: Float64Array, i: number, j: number): number {
  const n = x.length;
  if (i !== j) return -400 * x[Math.min(i, j)];
  let h = 0;
  if (i + 1 < n) h += 1200 * x[i] * x[i] - 400 * x[i + 1] + 2;
  if (i > 0) h += 200;
  return h;
}

/** Σ cos(x_i)·x_{i+2}²: a Hessian of bandwidth 2 (entries at |i − j| = 0 and 2; the ±1 band is zero). */
function banded2(x: Float64Array): number {
  let s = 0;
  for (let i = 0; i + 2 < x.length; i++) s += Math.cos(x[i]) * x[i + 2] * x[i + 2];
  return s;
}
function banded2Entry(x: Float64Array, i: number, j: number): number {
  const n = x.length;
  if (Math.abs(i - j) === 1) return 0;
  if (i !== j) {
    const a = Math.min(i, j);
    return -2 * Math.sin(x[a]) * x[a + 2];
  }
  let h = 0;
  if (i + 2 < n) h -= Math.cos(x[i]) * x[i + 2] * x[i + 2];
  if (i >= 2) h += 2 * Math.cos(x[i - 2]);
  return h;
}

/** The batched form of F (`batch: true`): a row-major block of points in, their values out; counts calls. */
function batched<R extends number | Float64Array>(
  F: (x: Float64Array) => R,
  n: number,
): {
  F: (b: Float64Array) => R[];
  calls: () => number;
} {
  let calls = 0;
  return {
    F: (b) => {
      calls++;
      return Array.from({ length: b.length / n }, (_, r) => F(b.subarray(r * n, (r + 1) * n)));
    },
    calls: () => calls,
  };
}

interface Csr extends SparsityPattern {
  value: Float64Array;
  error: Float64Array;
  evaluations: number;
  groups?: number;
}

type Entry = (x: Float64Array, i: number, j: number) => number;

/** x of the tridiagonal cases: [0.5, 1.5], where no F_i is near 0 (min |F_i| ≈ 1.3). */
export const TRIDIAGONAL_GRID: readonly [number, number] = [0.5, 1.5];
/** A wider grid, [−5, 5], where some F_i cross 0 (min |F_i| ≈ 5e-5) and the engine works harder. */
export const WIDE_GRID: readonly [number, number] = [-5, 5];

const CASES: Record<
  string,
  { what: string; run: (n: number) => { r: Csr; x: Float64Array; entry: Entry; batches?: number } }
> = {
  tridiagonal: {
    what: "Jacobian, tridiagonal F, x ∈ [0.5, 1.5], pattern given",
    run: (n) => {
      const x = grid(n, ...TRIDIAGONAL_GRID);
      return { r: jacobian(tridiagonal, x, { sparsity: band(n, 1) }), x, entry: tridiagonalEntry };
    },
  },
  "tridiagonal-wide": {
    what: "Jacobian, tridiagonal F, x ∈ [−5, 5] (some F_i ≈ 0), pattern given",
    run: (n) => {
      const x = grid(n, ...WIDE_GRID);
      return { r: jacobian(tridiagonal, x, { sparsity: band(n, 1) }), x, entry: tridiagonalEntry };
    },
  },
  "tridiagonal-batch": {
    what: "Jacobian, tridiagonal F, x ∈ [0.5, 1.5], pattern given, batch: true",
    run: (n) => {
      const x = grid(n, ...TRIDIAGONAL_GRID);
      const b = batched(tridiagonal, n);
      const r = jacobian(b.F, x, { sparsity: band(n, 1), batch: true });
      return { r, x, entry: tridiagonalEntry, batches: b.calls() };
    },
  },
  "tridiagonal-detect-batch": {
    what: 'Jacobian, tridiagonal F, x ∈ [0.5, 1.5], sparsity: "detect", batch: true',
    run: (n) => {
      const x = grid(n, ...TRIDIAGONAL_GRID);
      const b = batched(tridiagonal, n);
      const r = jacobian(b.F, x, { sparsity: "detect", batch: true });
      return { r, x, entry: tridiagonalEntry, batches: b.calls() };
    },
  },
  diagonal: {
    what: "Jacobian, F = 2x + cos x, x ∈ [−5, 5], pattern given",
    run: (n) => {
      const x = grid(n, ...WIDE_GRID);
      return { r: jacobian(diagonal, x, { sparsity: band(n, 0) }), x, entry: diagonalEntry };
    },
  },
  "tridiagonal-detect": {
    what: 'Jacobian, tridiagonal F, x ∈ [0.5, 1.5], sparsity: "detect"',
    run: (n) => {
      const x = grid(n, ...TRIDIAGONAL_GRID);
      return { r: jacobian(tridiagonal, x, { sparsity: "detect" }), x, entry: tridiagonalEntry };
    },
  },
  "tridiagonal-step": {
    what: "Jacobian, tridiagonal F, x ∈ [0.5, 1.5], central step 1e-5 (scipy's 3-point shape)",
    run: (n) => {
      const x = grid(n, ...TRIDIAGONAL_GRID);
      return {
        r: jacobian(tridiagonal, x, { sparsity: band(n, 1), method: "central", step: 1e-5 }),
        x,
        entry: tridiagonalEntry,
      };
    },
  },
  "hessian-rosenbrock": {
    what: "Hessian, chained Rosenbrock (tridiagonal), x ∈ [−1.2, 1.2]",
    run: (n) => {
      const x = grid(n, -1.2, 1.2);
      return { r: hessian(rosen, x, { sparsity: band(n, 1) }), x, entry: rosenEntry };
    },
  },
  "hessian-rosenbrock-batch": {
    what: "Hessian, chained Rosenbrock (tridiagonal), x ∈ [−1.2, 1.2], batch: true",
    run: (n) => {
      const x = grid(n, -1.2, 1.2);
      const b = batched(rosen, n);
      const r = hessian(b.F, x, { sparsity: band(n, 1), batch: true });
      return { r, x, entry: rosenEntry, batches: b.calls() };
    },
  },
  "hessian-band2": {
    what: "Hessian, Σ cos(x_i)·x_{i+2}² (bandwidth 2), x ∈ [−2, 2]",
    run: (n) => {
      const x = grid(n, -2, 2);
      return { r: hessian(banded2, x, { sparsity: band(n, 2) }), x, entry: banded2Entry };
    },
  },
};

/**
 * Runs one case in this process.
 *
 * @example
 * ```ts
 * runCase("diagonal", 1000).evaluations; // 11
 * ```
 */
export function runCase(name: string, n: number): SparseCase {
  const c = CASES[name];
  if (c === undefined) throw new Error(`unknown case ${name}; one of ${Object.keys(CASES).join(", ")}`);
  const baseline = process.memoryUsage().rss;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const { r, x, entry, batches } = c.run(n);
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  let maxAbsError = 0;
  let maxScaledError = 0;
  let underestimated = 0;
  for (let i = 0; i < r.m; i++) {
    for (let k = r.rowPtr[i]; k < r.rowPtr[i + 1]; k++) {
      const exact = entry(x, i, r.colIdx[k]);
      const e = Math.abs(r.value[k] - exact);
      maxAbsError = Math.max(maxAbsError, e);
      maxScaledError = Math.max(maxScaledError, e / Math.max(Math.abs(exact), 1));
      if (r.error.length > 0 && e > r.error[k]) underestimated++;
    }
  }
  return {
    name,
    what: c.what,
    n,
    nnz: r.rowPtr[r.m],
    groups: r.groups ?? null,
    evaluations: r.evaluations,
    seconds,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    peakRssMiB: (process.resourceUsage().maxRSS * 1024) / MiB,
    baselineRssMiB: baseline / MiB,
    maxAbsError,
    maxScaledError,
    underestimated,
    batches: batches ?? null,
  };
}

/** One case in a child process (its own peak memory), or why it failed. */
function inChild(name: string, n: number): SparseCase | { name: string; failed: string } {
  const me = fileURLToPath(import.meta.url);
  const r = spawnSync(process.execPath, ["--import", "tsx", me, "--case", name, String(n)], {
    encoding: "utf8",
    timeout: 600_000,
  });
  if (r.status !== 0) return { name, failed: (r.stderr || String(r.signal)).trim().split("\n").slice(-1)[0] };
  return JSON.parse(r.stdout.trim().split("\n").slice(-1)[0]) as SparseCase;
}

interface ScipyCase {
  case: string;
  method: string;
  n: number;
  grid: [number, number];
  evaluations: number;
  seconds: number;
  peakRssMiB: number;
  baselineRssMiB: number;
  maxAbsError: number;
  maxScaledError: number;
}

const fmt = (v: number, d = 2): string => (Number.isFinite(v) ? v.toFixed(d) : String(v));
const sci = (v: number): string => (Number.isFinite(v) ? v.toExponential(1) : String(v));

function markdown(
  n: number,
  ours: (SparseCase | { name: string; failed: string })[],
  scipy: (ScipyCase | { case: string; method: string; failed: string })[],
): string {
  const lines = [
    `## Sparse Jacobians and Hessians (n = ${n})`,
    "",
    `numdiff (\`npx tsx bench/sparse.ts\`), each case in its own process; x on an even grid. Peak is the`,
    `process's peak RSS, Δ its rise over the RSS before the call. Scaled error: max |estimate − exact| /`,
    `max(|exact|, 1) over the pattern.`,
    "",
    "| case | groups | F calls | seconds | CPU s | peak MiB (Δ) | max abs error | scaled error | under-estimated |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
  ];
  for (const c of ours) {
    if ("failed" in c) lines.push(`| ${c.name} | failed: ${c.failed} | | | | | | | |`);
    else {
      lines.push(
        `| ${c.what} | ${c.groups ?? "–"} | ${c.evaluations}${c.batches == null ? "" : ` points in ${c.batches} calls`} | ${fmt(c.seconds)} | ${fmt(c.cpuSeconds)} | ` +
          `${fmt(c.peakRssMiB, 0)} (${fmt(c.peakRssMiB - c.baselineRssMiB, 0)}) | ${sci(c.maxAbsError)} | ` +
          `${sci(c.maxScaledError)} | ${c.underestimated} of ${c.nnz} |`,
      );
    }
  }
  lines.push(
    "",
    "scipy 1.x `approx_derivative(F, x, method, sparsity=csr)` on the same F (NumPy-vectorised) and x: it",
    "groups the columns itself and takes one fixed step per group, with no error estimate. scipy has no",
    "sparse Hessian from function values.",
    "",
    "| scipy case | x | method | F calls | seconds | peak MiB (Δ) | max abs error | scaled error |",
    "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: |",
  );
  for (const s of scipy) {
    if ("failed" in s) lines.push(`| ${s.case} | | ${s.method} | failed: ${s.failed} | | | | |`);
    else {
      lines.push(
        `| ${s.case} | [${s.grid[0]}, ${s.grid[1]}] | ${s.method} | ${s.evaluations} | ${fmt(s.seconds, 3)} | ${fmt(s.peakRssMiB, 0)} ` +
          `(${fmt(s.peakRssMiB - s.baselineRssMiB, 0)}) | ${sci(s.maxAbsError)} | ${sci(s.maxScaledError)} |`,
      );
    }
  }
  return lines.join("\n");
}

function main(argv: readonly string[]): void {
  const at = argv.indexOf("--case");
  if (at >= 0) {
    const n = Number(argv[at + 2] ?? SPARSE_N);
    console.log(JSON.stringify(runCase(argv[at + 1], n)));
    return;
  }
  const n = argv.includes("--quick") ? QUICK_SPARSE_N : SPARSE_N;
  const ours = Object.keys(CASES).map((name) => inChild(name, n));
  const scipy = (
    [
      ["tridiagonal", "3-point", TRIDIAGONAL_GRID],
      ["tridiagonal", "2-point", TRIDIAGONAL_GRID],
      ["tridiagonal", "3-point", WIDE_GRID],
      ["diagonal", "3-point", WIDE_GRID],
      ["diagonal", "2-point", WIDE_GRID],
    ] as const
  ).map(([c, method, g]) => {
    const out = runPython<ScipyCase>("scipy_sparse.py", [c, method, String(n), String(g[0]), String(g[1])]);
    return out.ok ? out.data : { case: c, method, failed: out.reason };
  });
  const results = {
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, model: cpus()[0]?.model ?? "unknown", node: process.version },
    python: pythonVersions(),
    n,
    numdiff: ours,
    scipy,
  };
  writeFileSync(RESULTS, JSON.stringify(results, null, 1) + "\n");
  console.log(markdown(n, ours, scipy));
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2));
}
