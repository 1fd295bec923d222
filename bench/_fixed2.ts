import { jacobianJob, finishJacobian } from "../src/core/jacobian-job.js";
import { resolveMultivariate, toPoint } from "../src/core/vector.js";
import { VectorCaller } from "../src/core/vector-caller.js";
const F = (x: Float64Array) => [x[0], x[1], x[2], x[3]];
const points = Array.from({ length: 100 }, (_, k) => Float64Array.from({ length: 8 }, (_, i) => Math.sin(k + i) + 2));
function cpu() { const u = process.cpuUsage(); return (u.user + u.system) * 1e3; }
let s = 0;
const w0 = toPoint(points[0], "x"); const o0 = resolveMultivariate(undefined, w0); const c0 = new VectorCaller(F, w0); const f0 = c0.call();
const steps: [string, (p: Float64Array) => number][] = [
  ["toPoint", (p) => toPoint(p, "x").length],
  ["resolveMultivariate", (p) => resolveMultivariate(undefined, w0).lo.length],
  ["VectorCaller+call", (p) => new VectorCaller(F, w0).call().length],
  ["jacobianJob", (p) => jacobianJob(c0.x0, o0, f0, true).centre.length],
  ["job+finish", (p) => finishJacobian(jacobianJob(c0.x0, o0, f0, true), 0, 1).evaluations],
];
for (let rep = 0; rep < 2; rep++) for (const [name, f] of steps) {
  let best = Infinity;
  for (let r = 0; r < 300; r++) { const t0 = cpu(); for (let i = 0; i < 10; i++) for (const p of points) s += f(p); best = Math.min(best, cpu() - t0); }
  console.log(name.padEnd(22), (best / 1000).toFixed(0), "ns");
}
