import { jacobian } from "../src/core/index.js";
import { jacobianJob, finishJacobian } from "../src/core/jacobian-job.js";
import { resolveMultivariate, toPoint } from "../src/core/vector.js";
import { VectorCaller } from "../src/core/vector-caller.js";
function smallMap(x: Float64Array): number[] {
  const out = new Array<number>(4);
  for (let i = 0; i < 4; i++) out[i] = x[i] * x[i + 1] + x[i + 2];
  return out;
}
const points = Array.from({ length: 100 }, (_, k) => Float64Array.from({ length: 8 }, (_, i) => Math.sin(k + i) + 2));
let s = 0;
function fixed(p: Float64Array) {
  const w = toPoint(p, "x");
  const o = resolveMultivariate(undefined, w);
  const caller = new VectorCaller(smallMap, w);
  const first = caller.call();
  const job = jacobianJob(caller.x0, o, first, true);
  return finishJacobian(job, 0, caller.evaluations);
}
function calls(p: Float64Array) {
  const w = toPoint(p, "x");
  const caller = new VectorCaller(smallMap, w);
  let e = 0;
  for (let i = 0; i < 44; i++) e += caller.callAt(i & 7, p[i & 7] + 1e-3 * i, -Infinity, Infinity)!.length;
  return e;
}
function cpu() { const u = process.cpuUsage(); return (u.user + u.system) * 1e3; }
for (const [name, f] of [["full", (p: Float64Array) => jacobian(smallMap, p).value[0][0]], ["fixed", (p: Float64Array) => fixed(p).value[0][0]], ["44 callAt", calls], ["44 bare F", (p: Float64Array) => { let e = 0; for (let i = 0; i < 44; i++) e += smallMap(p).length; return e; }]] as const) {
  let best = Infinity;
  for (let r = 0; r < 200; r++) { const t0 = cpu(); for (const p of points) s += (f as (p: Float64Array) => number)(p); best = Math.min(best, cpu() - t0); }
  console.log(name, (best / 100).toFixed(0), "ns per jacobian");
}
