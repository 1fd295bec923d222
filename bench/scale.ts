/**
 * Scale figures of issue 13: points per second of `derivative(f, xs)` (plain loop, array of points,
 * batched f) beside scipy.differentiate's vectorised derivative; the gradient of a 1 ms f at N = 200
 * serial and in two worker threads (piscina); the dense Jacobian at n = 10⁴ (bench/jacobian-scale.ts,
 * each mode in its own process for its peak memory) beside a hand-written loop of 2n calls. CPU
 * seconds are reported beside wall seconds: this machine is shared, and the load average is recorded.
 *
 * ```sh
 * npx tsx bench/scale.ts [--quick]   # writes bench/scale-results.json and bench/scale-results.md
 * npx tsx bench/scale.ts --jacobian  # the dense Jacobian's figures only, into the same files
 * ```
 */
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { derivative } from "../src/core/index.js";
import { parallelGradient } from "./parallel-gradient.js";
import { runPython } from "./python.js";
import { median } from "./stats.js";
import { throughputPoints, THROUGHPUT_TOLERANCE } from "./throughput.js";

const QUICK = process.argv.includes("--quick");
const JACOBIAN_ONLY = process.argv.includes("--jacobian");
/** Points of the throughput runs, coordinates of the parallel gradient, repeats. */
const POINTS = QUICK ? 10_000 : 100_000;
const GRADIENT_N = QUICK ? 40 : 200;
const REPEATS = 3;

interface Timed {
  wall: number;
  cpu: number;
}

function timed(run: () => void): Timed {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  run();
  const c = process.cpuUsage(c0);
  return { wall: (performance.now() - t0) / 1000, cpu: (c.user + c.system) / 1e6 };
}

/** sin′ at POINTS points three ways; the median of REPEATS runs. */
function throughput(): Record<string, unknown>[] {
  const x = throughputPoints(POINTS);
  let calls = 0;
  const sinBatch = (t: Float64Array): Float64Array => {
    calls++;
    const out = new Float64Array(t.length);
    for (let i = 0; i < t.length; i++) out[i] = Math.sin(t[i]);
    return out;
  };
  const ways: [string, () => { value: Float64Array; evaluations: number }][] = [
    [
      "loop of derivative(Math.sin, x)",
      () => {
        const value = new Float64Array(POINTS);
        let evaluations = 0;
        for (let i = 0; i < POINTS; i++) {
          const r = derivative(Math.sin, x[i]);
          value[i] = r.value;
          evaluations += r.evaluations;
        }
        return { value, evaluations };
      },
    ],
    ["derivative(Math.sin, xs)", () => derivative(Math.sin, x)],
    ["derivative(sinBatch, xs, { batch: true })", () => derivative(sinBatch, x, { batch: true })],
  ];
  return ways.map(([name, run]) => {
    const runs: Timed[] = [];
    let out: { value: Float64Array; evaluations: number } = { value: new Float64Array(0), evaluations: 0 };
    calls = 0;
    for (let r = 0; r < REPEATS; r++) runs.push(timed(() => (out = run())));
    let within = 0;
    for (let i = 0; i < POINTS; i++)
      if (Math.abs(out.value[i] - Math.cos(x[i])) <= THROUGHPUT_TOLERANCE) within++;
    const wall = median(runs.map((r) => r.wall));
    const cpu = median(runs.map((r) => r.cpu));
    return {
      tool: `numdiff ${name}`,
      points: POINTS,
      wallSeconds: wall,
      cpuSeconds: cpu,
      pointsPerSecond: POINTS / wall,
      pointsPerCpuSecond: POINTS / cpu,
      withinTolerance: within,
      evaluationsPerPoint: out.evaluations / POINTS,
      callsOfF: calls > 0 ? calls / REPEATS : out.evaluations,
    };
  });
}

function scipyThroughput(): Record<string, unknown> {
  const r = runPython<Record<string, unknown>>("scipy_throughput.py", [String(POINTS), String(REPEATS)]);
  return r.ok
    ? { tool: "scipy.differentiate.derivative (vectorised)", ...r.data }
    : { tool: "scipy", skipped: r.reason };
}

/** bench/jacobian-scale.ts in its own process (its last line is JSON). */
function jacobianScale(errors: boolean): Record<string, unknown> {
  const args = [
    "tsx",
    "bench/jacobian-scale.ts",
    ...(QUICK ? ["--quick"] : []),
    ...(errors ? [] : ["--no-errors"]),
  ];
  const r = spawnSync("npx", args, { encoding: "utf8", maxBuffer: 1 << 24 });
  const last = r.stdout.trim().split("\n").slice(-1)[0] ?? "";
  try {
    return JSON.parse(last) as Record<string, unknown>;
  } catch {
    return { failed: `${r.status}: ${r.stderr.trim().split("\n").slice(-1)[0] ?? ""}` };
  }
}

/** A hand-written loop of 2n calls of F = 2x + cos x (central differences, h = 1e-6), by columns. */
function handLoop(): Record<string, unknown> {
  const n = QUICK ? 2_000 : 10_000;
  const x = Float64Array.from({ length: n }, (_, i) => -5 + (10 * i) / (n - 1));
  const F = (v: Float64Array): Float64Array => {
    const out = new Float64Array(v.length);
    for (let i = 0; i < v.length; i++) out[i] = 2 * v[i] + Math.cos(v[i]);
    return out;
  };
  let value: Float64Array[] = [];
  const t = timed(() => {
    value = Array.from({ length: n }, () => new Float64Array(n));
    const w = x.slice();
    for (let j = 0; j < n; j++) {
      const h = 1e-6;
      w[j] = x[j] + h;
      const up = F(w);
      w[j] = x[j] - h;
      const down = F(w);
      w[j] = x[j];
      for (let k = 0; k < n; k++) value[k][j] = (up[k] - down[k]) / (2 * h);
    }
  });
  let maxAbsError = 0;
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++)
      maxAbsError = Math.max(maxAbsError, Math.abs(value[i][j] - (i === j ? 2 - Math.sin(x[i]) : 0)));
  return { n, calls: 2 * n, wallSeconds: t.wall, cpuSeconds: t.cpu, maxAbsError };
}

function markdown(r: Record<string, unknown>): string {
  const rows = (r.throughput as Record<string, unknown>[]).concat([r.scipy as Record<string, unknown>]);
  const fmt = (v: unknown, d = 2): string =>
    typeof v === "number" ? (Math.abs(v) >= 1000 ? v.toFixed(0) : v.toFixed(d)) : String(v ?? "–");
  const p = r.parallel as Record<string, unknown>;
  const q = r.parallelSleeping as Record<string, unknown>;
  const w = r.parallelWork as Record<string, unknown>;
  const j = r.jacobian as Record<string, Record<string, unknown>>;
  // The parallel runs present (a --jacobian refresh keeps whatever the last full run wrote).
  const runs = [p, q, w].filter((v) => v !== undefined);
  return [
    "## Scale (issue 13)",
    "",
    `Run ${String(r.date)} on ${String(r.machine)}; load average ${fmt((r.loadAverage as number[])[0])} on 2 cores.`,
    "",
    `### sin′ at ${POINTS} points (all within 1e-12 of cos x)`,
    "",
    "| tool | points/s (wall) | points/s (CPU) | within 1e-12 | f evaluations per point | calls of f |",
    "| --- | ---: | ---: | ---: | ---: | ---: |",
    ...rows.map(
      (t) =>
        `| ${String(t.tool)} | ${fmt(t.pointsPerSecond)} | ${fmt(t.pointsPerCpuSecond)} | ${fmt(t.withinTolerance ?? t.within_tolerance)} | ${fmt(t.evaluationsPerPoint ?? t.medianEvaluations ?? t.median_nfev)} | ${fmt(t.callsOfF)} |`,
    ),
    "",
    `### Gradient of a 1 ms f at N = ${String(p.n)} (${String(p.evaluations)} evaluations), 2 worker threads`,
    "",
    `Best of ${String(p.runs)} runs each; the pool keeps ${String(p.concurrency)} tasks in flight (\`pool.concurrency\`). slowChain`,
    "is busy for 1 ms (it needs the cores), sleepyChain sleeps 1 ms (the speed-up then measures only how well",
    "the runner keeps both threads fed), workChain does about 1 ms of arithmetic (process CPU seconds, all",
    "threads, against serial: what threads and messages cost beyond f, whatever the load).",
    "",
    "| f | run | seconds (wall) | process CPU s | speed-up |",
    "| --- | --- | ---: | ---: | ---: |",
    ...runs.flatMap((v) => [
      `| ${String(v.f)} | serial (sync gradient) | ${fmt(v.serialSeconds)} | ${fmt(v.serialCpuSeconds)} | 1 |`,
      `| ${String(v.f)} | threadPool, one point per task | ${fmt(v.threadsPerPointSeconds)} | ${fmt(v.processCpuSecondsPerPoint)} | ${fmt(v.speedupPerPoint)} |`,
      `| ${String(v.f)} | threadPool, batched (${fmt(v.batchCallsPerRun)} tasks) | ${fmt(v.threadsBatchedSeconds)} | ${fmt(v.processCpuSecondsBatched)} | ${fmt(v.speedupBatched)} |`,
    ]),
    "",
    `Bit-identical to serial: ${String(runs.every((v) => v.bitIdentical === true))}. Load average before/after (busy f): ${(p.loadAverageBefore as number[]).map((v) => v.toFixed(1)).join(", ")} / ${(p.loadAverageAfter as number[]).map((v) => v.toFixed(1)).join(", ")}.`,
    "",
    `### Dense Jacobian of 2x + cos x at n = ${String(j.errors.n)}`,
    "",
    "| run | CPU s | wall s | F calls | calls per column | peak RSS MiB | (peak − baseline)/output | max error |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...(["errors", "noErrors"] as const).map((k) => {
      const v = j[k];
      return `| jacobian${k === "errors" ? "" : " { errors: false }"} | ${fmt(v.cpuSeconds)} | ${fmt(v.seconds)} | ${fmt(v.evaluations)} | ${fmt(v.evaluationsPerColumn)} | ${fmt(v.peakRssMiB)} | ${fmt(v.memoryOverOutput)} | ${typeof v.maxAbsError === "number" ? v.maxAbsError.toExponential(2) : "–"} |`;
    }),
    `| hand-written loop, 2n calls | ${fmt(j.hand.cpuSeconds)} | ${fmt(j.hand.wallSeconds)} | ${fmt(j.hand.calls)} | 2 | – | – | ${typeof j.hand.maxAbsError === "number" ? j.hand.maxAbsError.toExponential(2) : "–"} |`,
    "",
    ...(j.errors.fCallsCpuSeconds === undefined
      ? []
      : [
          `The same number of calls of F alone, in each run's process: ${fmt(j.errors.fCallsCpuSeconds)} s and ${fmt(j.noErrors.fCallsCpuSeconds)} s of CPU; ` +
            `the Jacobian beyond its calls of F: ${fmt(j.errors.overheadCpuSeconds)} s and ${fmt(j.noErrors.overheadCpuSeconds)} s. ` +
            `Measured ${String(r.jacobianDate ?? r.date)}, load average ${((r.jacobianLoadAverage ?? r.loadAverage) as number[]).map((v) => v.toFixed(1)).join(", ")} before and ${((r.jacobianLoadAverageAfter ?? r.loadAverage) as number[]).map((v) => v.toFixed(1)).join(", ")} after, on 2 cores.`,
          "",
        ]),
  ].join("\n");
}

const suffix = QUICK ? "-quick" : "";
const result: Record<string, unknown> = JACOBIAN_ONLY
  ? (JSON.parse(readFileSync(new URL(`./scale-results${suffix}.json`, import.meta.url), "utf8")) as Record<
      string,
      unknown
    >)
  : {
      date: new Date().toISOString(),
      machine: `${process.platform} ${process.arch}, Node ${process.version}`,
      loadAverage: loadavg(),
      quick: QUICK,
    };
if (!JACOBIAN_ONLY) {
  result.throughput = throughput();
  result.scipy = scipyThroughput();
  result.parallel = await parallelGradient(GRADIENT_N, REPEATS, "slowChain");
  result.parallelSleeping = await parallelGradient(GRADIENT_N, REPEATS, "sleepyChain");
  result.parallelWork = await parallelGradient(GRADIENT_N, REPEATS, "workChain");
}
result.jacobianDate = new Date().toISOString();
result.jacobianLoadAverage = loadavg();
result.jacobian = { errors: jacobianScale(true), noErrors: jacobianScale(false), hand: handLoop() };
result.jacobianLoadAverageAfter = loadavg();
writeFileSync(
  new URL(`./scale-results${suffix}.json`, import.meta.url),
  JSON.stringify(result, null, 2) + "\n",
);
writeFileSync(new URL(`./scale-results${suffix}.md`, import.meta.url), markdown(result));
console.log(markdown(result));
