/**
 * What a BullMQ job costs: a local redis-server, two worker processes evaluating a 1 ms f, and
 * batches of 256 points cut into jobs of 1 to 64 points. Seconds per batch against the ideal
 * (256 ms of f over 2 workers), so the docs can say how many evaluations per job pay.
 *
 * ```sh
 * npx tsx bench/queue-overhead.ts   # writes bench/queue-overhead.json
 * ```
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { queueEvaluator } from "../src/parallel/index.js";

const POINTS = 256;
const PER_JOB = [1, 4, 16, 64];
const WORKER = new URL("../test/parallel/fixtures/queue-worker.ts", import.meta.url).pathname;

function waitFor(p: ChildProcess, pattern: RegExp): Promise<void> {
  return new Promise((resolve) => {
    let seen = "";
    p.stdout?.on("data", (d: Buffer) => {
      seen += d.toString();
      if (pattern.test(seen)) resolve();
    });
  });
}

const port = await new Promise<number>((resolve) => {
  const s = createServer().listen(0, "127.0.0.1", () => {
    const p = (s.address() as { port: number }).port;
    s.close(() => resolve(p));
  });
});
const dir = mkdtempSync(join(tmpdir(), "numdiff-redis-"));
const redis = spawn(
  "redis-server",
  ["--port", String(port), "--dir", dir, "--save", "", "--appendonly", "no"],
  {
    stdio: ["ignore", "pipe", "inherit"],
  },
);
await waitFor(redis, /Ready to accept/);
const workers = [0, 1].map(() =>
  spawn(process.execPath, ["--import", "tsx", WORKER, String(port), "bench", "slowChain"], {
    stdio: ["ignore", "pipe", "inherit"],
  }),
);
await Promise.all(workers.map((w) => waitFor(w, /ready/)));
const rows: { pointsPerJob: number; seconds: number; overheadPerJobMs: number }[] = [];
const ideal = (POINTS * 1e-3) / 2;
const stop = (): void => {
  for (const w of workers) w.kill("SIGKILL");
  redis.kill("SIGKILL");
  rmSync(dir, { recursive: true, force: true });
};
process.on("uncaughtException", (e) => {
  stop();
  throw e;
});
for (const perJob of PER_JOB) {
  const client = queueEvaluator({ port, queue: "bench" }, { dimension: 2, pointsPerJob: perJob });
  const points = Float64Array.from({ length: 2 * POINTS }, (_, i) => i / POINTS);
  await client.batch(points.subarray(0, 2 * perJob)); // warm up
  const t0 = performance.now();
  await client.batch(points);
  const seconds = (performance.now() - t0) / 1000;
  rows.push({
    pointsPerJob: perJob,
    seconds,
    overheadPerJobMs: ((seconds - ideal) * 1000 * 2) / (POINTS / perJob),
  });
  await client.close();
}
stop();
const result = {
  date: new Date().toISOString(),
  loadAverage: loadavg(),
  points: POINTS,
  idealSeconds: ideal,
  rows,
};
writeFileSync(new URL("./queue-overhead.json", import.meta.url), JSON.stringify(result, null, 2) + "\n");
console.log(JSON.stringify(result, null, 2));
