const n = 10000;
const x = Float64Array.from({ length: n }, (_, i) => -5 + (10 * i) / (n - 1));
const F = (v: Float64Array): Float64Array => { const out = new Float64Array(v.length); for (let i = 0; i < v.length; i++) out[i] = 2 * v[i] + Math.cos(v[i]); return out; };
const c0 = process.cpuUsage();
const value = Array.from({ length: n }, () => new Float64Array(n));
const w = x.slice();
for (let j = 0; j < n; j++) { const h = 1e-6; w[j] = x[j] + h; const up = F(w); w[j] = x[j] - h; const down = F(w); w[j] = x[j]; for (let k = 0; k < n; k++) value[k][j] = (up[k] - down[k]) / (2 * h); }
const c = process.cpuUsage(c0); console.log("hand", (c.user + c.system) / 1e6);
