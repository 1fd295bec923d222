/**
 * Scale of the dense Jacobian: F(x) = 2x + cos x (elementwise) at n = 10,000 with default options,
 * its time and peak memory. The output is two n × n matrices of doubles (value and error), 2 × 763 MiB;
 * the rest should be the runtime and O(n) of state. scipy.differentiate.jacobian runs out of memory
 * here (it builds an n × n × 8 array). Run it in its own process: peak RSS is per process.
 *
 * ```sh
 * npx tsx bench/jacobian-scale.ts [--quick] [--no-errors]
 * ```
 */
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { jacobian } from "../src/core/index.js";

/** Size of the full run (issue 3) and of the quick run. */
export const SCALE_N = 10_000;
export const QUICK_SCALE_N = 2_000;

/** How often the resident set size is sampled while the Jacobian runs (every this many columns). */
const SAMPLE_EVERY = 250;

/** Figures of one run. */
export interface ScaleResult {
  n: number;
  /** Wall-clock seconds of the call. */
  seconds: number;
  /** CPU seconds (user + system) of the process during the call: the cost, whatever the machine's load. */
  cpuSeconds: number;
  /** Peak resident set size of the process (resourceUsage().maxRSS), MiB. */
  peakRssMiB: number;
  /** Largest RSS sampled during the run, MiB (a cross-check of the peak). */
  sampledPeakRssMiB: number;
  /** RSS before the call, MiB. */
  baselineRssMiB: number;
  /** Size of the result's matrices: n²·8 bytes each, value and (unless errors: false) error. */
  outputMiB: number;
  /** (peak − baseline) / output: 1 means nothing but the output. */
  memoryOverOutput: number;
  evaluations: number;
  evaluationsPerColumn: number;
  /** CPU seconds of as many calls of F alone, in the same process after the run: the floor of any method making them. */
  fCallsCpuSeconds: number;
  /** cpuSeconds − fCallsCpuSeconds: what the Jacobian costs beyond its calls of F. */
  overheadCpuSeconds: number;
  /** max |J_ij − exact| (exact: 2 − sin x_i on the diagonal, 0 elsewhere). */
  maxAbsError: number;
  /** Entries whose estimated error is below their true error (should be 0 or very few). */
  underestimated: number;
  errors: boolean;
}

const MiB = 1024 * 1024;

/**
 * Runs the Jacobian of 2x + cos x at x_i = −5 + 10·i/(n − 1).
 *
 * @example
 * ```ts
 * run({ quick: true }).seconds; // a few seconds at n = 2000
 * ```
 */
export function run(options: { quick?: boolean; errors?: boolean } = {}): ScaleResult {
  const n = options.quick ? QUICK_SCALE_N : SCALE_N;
  const withErrors = options.errors ?? true;
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) x[i] = -5 + (10 * i) / (n - 1);
  const F = (v: Float64Array): Float64Array => {
    const out = new Float64Array(v.length);
    for (let i = 0; i < v.length; i++) out[i] = 2 * v[i] + Math.cos(v[i]);
    return out;
  };
  const baseline = process.memoryUsage().rss;
  let sampled = baseline;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const r = jacobian(F, x, {
    errors: withErrors,
    onProgress: (done) => {
      if (done % SAMPLE_EVERY === 0) sampled = Math.max(sampled, process.memoryUsage().rss);
    },
  });
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  sampled = Math.max(sampled, process.memoryUsage().rss);
  const peak = process.resourceUsage().maxRSS * 1024;
  let maxAbsError = 0;
  let underestimated = 0;
  for (let i = 0; i < n; i++) {
    const row = r.value[i];
    for (let j = 0; j < n; j++) {
      const exact = i === j ? 2 - Math.sin(x[i]) : 0;
      const e = Math.abs(row[j] - exact);
      if (e > maxAbsError) maxAbsError = e;
      if (withErrors && e > r.error[i][j]) underestimated++;
    }
  }
  const fCallsCpuSeconds = callsAlone(F, x, r.evaluations);
  const outputMiB = ((withErrors ? 2 : 1) * n * n * 8) / MiB;
  return {
    n,
    seconds,
    cpuSeconds,
    peakRssMiB: peak / MiB,
    sampledPeakRssMiB: sampled / MiB,
    baselineRssMiB: baseline / MiB,
    outputMiB,
    memoryOverOutput: (peak - baseline) / MiB / outputMiB,
    evaluations: r.evaluations,
    evaluationsPerColumn: r.evaluations / n,
    fCallsCpuSeconds,
    overheadCpuSeconds: cpuSeconds - fCallsCpuSeconds,
    maxAbsError,
    underestimated,
    errors: withErrors,
  };
}

/** CPU seconds of `calls` calls of F, each at x with one coordinate nudged (as a Jacobian's calls). */
function callsAlone(F: (v: Float64Array) => Float64Array, x: Float64Array, calls: number): number {
  const w = x.slice();
  const cpu0 = process.cpuUsage();
  for (let c = 0; c < calls; c++) {
    const j = c % x.length;
    w[j] = x[j] + 1e-3;
    F(w);
    w[j] = x[j];
  }
  const cpu = process.cpuUsage(cpu0);
  return (cpu.user + cpu.system) / 1e6;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const r = run({ quick: process.argv.includes("--quick"), errors: !process.argv.includes("--no-errors") });
  console.log(
    `jacobian of 2x + cos x, n = ${r.n}: ${r.seconds.toFixed(1)} s (CPU ${r.cpuSeconds.toFixed(1)} s), peak RSS ${r.peakRssMiB.toFixed(0)} MiB ` +
      `(baseline ${r.baselineRssMiB.toFixed(0)} MiB, output ${r.outputMiB.toFixed(0)} MiB, ` +
      `(peak − baseline)/output ${r.memoryOverOutput.toFixed(3)}), ${r.evaluationsPerColumn.toFixed(1)} calls per column ` +
      `(as many calls of F alone: CPU ${r.fCallsCpuSeconds.toFixed(1)} s), ` +
      `max error ${r.maxAbsError.toExponential(2)}, underestimated errors ${r.underestimated}`,
  );
  console.log(JSON.stringify(r));
}
