import { componentColumn } from "../src/core/jacobian-common-column.js";
import { JacobianCommonWork } from "../src/core/jacobian-common-work.js";
import { VectorCaller } from "../src/core/vector-caller.js";
const F = (x: Float64Array) => [x[0] * 3 + 1, x[0] * x[0], Math.exp(x[0]), 5];
const caller = new VectorCaller(F, Float64Array.of(2));
const w = new JacobianCommonWork(4);
function cpu() { const u = process.cpuUsage(); return (u.user + u.system) * 1e3; }
let s = 0;
// rows once
w.beginColumn(2, -Infinity, Infinity); w.beginScale(2 / 64);
for (let k = 0; k < 4; k++) { componentColumn(k, w, caller, 0); }
console.log("rows", w.rowCount, "points", w.size);
for (let rep = 0; rep < 3; rep++) for (const k of [0, 1, 2, 3]) {
  let best = Infinity;
  for (let r = 0; r < 200; r++) { const t0 = cpu(); for (let i = 0; i < 10000; i++) { componentColumn(k, w, caller, 0); s += w.column[0]; } best = Math.min(best, cpu() - t0); }
  console.log("component", k, (best / 10000).toFixed(1), "ns per column");
}
