import { jacobian } from "../src/core/index.js";
const F = (x: Float64Array) => { const out = new Array<number>(4); for (let i = 0; i < 4; i++) out[i] = i + 1; return out; };
const points = Array.from({ length: 100 }, (_, k) => Float64Array.from({ length: 8 }, (_, i) => Math.sin(k + i) + 2));
let s = 0;
for (let r = 0; r < 3000; r++) for (const p of points) s += jacobian(F, p).value[0][0];
console.log(s);
