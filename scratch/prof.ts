import { jacobian } from "../src/core/index.js";
const n = 10000;
const x = Float64Array.from({ length: n }, (_, i) => -5 + (10 * i) / (n - 1));
const F = (v: Float64Array): Float64Array => { const out = new Float64Array(v.length); for (let i = 0; i < v.length; i++) out[i] = 2 * v[i] + Math.cos(v[i]); return out; };
const c0 = process.cpuUsage();
const r = jacobian(F, x, { errors: false });
const c = process.cpuUsage(c0); console.log("plain", (c.user + c.system) / 1e6, r.evaluations);
