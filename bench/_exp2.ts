import { jacobian } from "../src/core/index.js";
const F = (x: Float64Array) => { const out = new Array<number>(4); for (let i = 0; i < 4; i++) out[i] = i + 1; return out; };
function cpu() { const u = process.cpuUsage(); return (u.user + u.system) * 1e3; }
let s = 0;
for (const n of [1, 2, 4, 8, 16, 32]) {
  const points = Array.from({ length: 100 }, (_, k) => Float64Array.from({ length: n }, (_, i) => Math.sin(k + i) + 2));
  let best = Infinity, ev = 0;
  for (let r = 0; r < 300; r++) {
    const t0 = cpu(); ev = 0; for (const p of points) { const j = jacobian(F, p); s += j.value[0][0]; ev += j.evaluations; } best = Math.min(best, cpu() - t0);
  }
  console.log("n", n, "evals/jac", ev / 100, "ns/jac", (best / 100).toFixed(0));
}
