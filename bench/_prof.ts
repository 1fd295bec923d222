import { jacobian } from "../src/core/index.js";
function smallMap(x: Float64Array): number[] {
  const out = new Array<number>(4);
  for (let i = 0; i < 4; i++) out[i] = x[i] * x[i + 1] + x[i + 2];
  return out;
}
const points = Array.from({ length: 100 }, (_, k) => Float64Array.from({ length: 8 }, (_, i) => Math.sin(k + i) + 2));
let s = 0;
const t0 = process.cpuUsage();
for (let r = 0; r < 3000; r++) for (const p of points) s += jacobian(smallMap, p).value[0][0];
const t = process.cpuUsage(t0);
console.log(s, (t.user + t.system) / 300000, "us per jacobian");
