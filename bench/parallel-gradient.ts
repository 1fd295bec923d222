/**
 * The gradient of a 1 ms f at N = 200 (issue 13): serial, and in two worker threads (piscina), one
 * point per task and batched, each the best of several runs. Two fs: `slowChain` keeps a core busy
 * for its millisecond (the case: the speed-up is bounded by the cores this process actually
 * gets, which on a shared machine the load average says), and `sleepyChain` sleeps it (a remote
 * model's wait: the speed-up then measures only how well the runner keeps both threads fed), and
 * `workChain` does a fixed amount of arithmetic (its process CPU seconds, all threads, against the
 * serial ones say what the threads and messages cost beyond f, whatever the load). Used by
 * bench/scale.ts; on its own:
 *
 * ```sh
 * npx tsx bench/parallel-gradient.ts [N] [runs]   # writes bench/parallel-gradient-results.json
 * ```
 */
import { writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { gradient, type GradientResult } from "../src/core/index.js";
import { gradient as gradientAsync } from "../src/core/async/index.js";
import { threadPool } from "../src/parallel/index.js";
// @ts-expect-error: a plain ES module without types (the module the worker threads import)
import { sleepyChain, slowChain, workChain } from "../test/parallel/fixtures/model.mjs";

const MODEL = new URL("../test/parallel/fixtures/model.mjs", import.meta.url);
const FS: Record<string, (x: Float64Array) => number> = { slowChain, sleepyChain, workChain };

/** Wall and CPU seconds of the best of `runs` runs (by wall time). */
async function best(
  runs: number,
  run: () => Promise<unknown> | unknown,
): Promise<{ wall: number; cpu: number }> {
  let out = { wall: Infinity, cpu: Infinity };
  for (let r = 0; r < runs; r++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    await run();
    const c = process.cpuUsage(c0);
    const wall = (performance.now() - t0) / 1000;
    if (wall < out.wall) out = { wall, cpu: (c.user + c.system) / 1e6 };
  }
  return out;
}

/**
 * Serial and two-thread gradients of the fixture `name` at n coordinates, the best of `runs` each,
 * and whether every parallel result is bit-identical to the serial one.
 */
export async function parallelGradient(
  n: number,
  runs: number,
  name = "slowChain",
): Promise<Record<string, unknown>> {
  const f = FS[name];
  const x = Float64Array.from({ length: n }, (_, i) => 0.5 + i / n);
  const load = loadavg();
  const serial = gradient(f, x);
  const serialTime = await best(runs, () => gradient(f, x));
  const pool = threadPool(MODEL, { threads: 2, dimension: n, exportName: name });
  await Promise.all([pool.batch(x), pool.batch(x)]); // start both threads and import the module
  const results: GradientResult[] = [];
  let calls = 0;
  const counted = (points: Float64Array): Promise<Float64Array> => (calls++, pool.batch(points));
  const perPoint = await best(runs, async () => {
    const perPointF = (p: Float64Array): Promise<number> => pool.f(p) as Promise<number>;
    results.push(await gradientAsync(perPointF, x, { concurrency: pool.concurrency }));
  });
  calls = 0;
  const batched = await best(runs, async () => {
    results.push(await gradientAsync(counted, x, { batch: true, concurrency: pool.concurrency }));
  });
  await pool.close();
  const same = (a: GradientResult): boolean =>
    a.value.every((v, i) => Object.is(v, serial.value[i])) &&
    a.error.every((v, i) => Object.is(v, serial.error[i]));
  return {
    f: name,
    n,
    runs,
    concurrency: 2 * 2,
    evaluations: serial.evaluations,
    loadAverageBefore: load,
    loadAverageAfter: loadavg(),
    serialSeconds: serialTime.wall,
    serialCpuSeconds: serialTime.cpu,
    threadsPerPointSeconds: perPoint.wall,
    processCpuSecondsPerPoint: perPoint.cpu,
    threadsBatchedSeconds: batched.wall,
    processCpuSecondsBatched: batched.cpu,
    batchCallsPerRun: calls / runs,
    speedupPerPoint: serialTime.wall / perPoint.wall,
    speedupBatched: serialTime.wall / batched.wall,
    bitIdentical: results.every(same),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const n = Number(process.argv[2] ?? 200);
  const runs = Number(process.argv[3] ?? 3);
  const out = [];
  for (const name of ["slowChain", "sleepyChain", "workChain"])
    out.push(await parallelGradient(n, runs, name));
  const json = JSON.stringify({ date: new Date().toISOString(), runs: out }, null, 2) + "\n";
  writeFileSync(new URL("./parallel-gradient-results.json", import.meta.url), json);
  console.log(json);
}
