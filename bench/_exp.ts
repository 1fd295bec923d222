import { jacobian } from "../src/core/index.js";
const m = +(process.argv[2] ?? 4);
const kinds: Record<string, (x: Float64Array) => number[]> = {
  smallMap: (x) => { const out = new Array<number>(4); for (let i = 0; i < 4; i++) out[i] = x[i] * x[i + 1] + x[i + 2]; return out; },
  constant: (x) => { const out = new Array<number>(m); for (let i = 0; i < m; i++) out[i] = i + 1; return out; },
  linear1: (x) => { const out = new Array<number>(m); for (let i = 0; i < m; i++) out[i] = i === 0 ? x[0]+x[1]+x[2]+x[3]+x[4]+x[5]+x[6]+x[7] : i + 1; return out; },
  allLinear: (x) => { const s = x[0]+x[1]+x[2]+x[3]+x[4]+x[5]+x[6]+x[7]; const out = new Array<number>(m); for (let i = 0; i < m; i++) out[i] = s * (i + 1); return out; },
};
const points = Array.from({ length: 100 }, (_, k) => Float64Array.from({ length: 8 }, (_, i) => Math.sin(k + i) + 2));
function cpu() { const u = process.cpuUsage(); return (u.user + u.system) * 1e3; }
let s = 0;
for (const [name, F] of Object.entries(kinds)) {
  let best = Infinity, bare = Infinity, ev = 0;
  for (let r = 0; r < 200; r++) {
    const t0 = cpu(); ev = 0; for (const p of points) { const j = jacobian(F, p); s += j.value[0][0]; ev += j.evaluations; } best = Math.min(best, cpu() - t0);
    const t1 = cpu(); const w = new Float64Array(8); for (let e = 0; e < ev; e++) { w.set(points[e % 100]); s += F(w)[0]; } bare = Math.min(bare, cpu() - t1);
  }
  console.log(name.padEnd(10), "evals/jac", ev / 100, "ns/jac", (best / 100).toFixed(0), "overhead ns/eval", ((best - bare) / ev).toFixed(0));
}
