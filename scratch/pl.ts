import { jacobian } from "../src/core/index.js";
import { plainRelativeStep, plainColumn } from "../src/core/plain-step.js";
console.log(plainRelativeStep(1,2), plainRelativeStep(1,4), plainRelativeStep(2,2), plainColumn(1,-Infinity,Infinity,1,2,"auto")?.h, plainColumn(0,0,1,1,2,"auto")?.stencil.offsets);
const F = (x: Float64Array) => [Math.sin(x[0]) * x[1], x[0] - x[1]];
const a = jacobian(F, [0.4, 0.9]); const b = jacobian(F, [0.4, 0.9], { errors: false });
console.log(a.value, b.value, a.evaluations, b.evaluations, b.status);
const n = 2000; const x = Float64Array.from({length:n},(_, i)=>-5+10*i/(n-1));
const G = (v: Float64Array) => { const o = new Float64Array(v.length); for (let i=0;i<v.length;i++) o[i]=2*v[i]+Math.cos(v[i]); return o; };
for (const e of [true,false]) { const t=process.cpuUsage(); const r = jacobian(G, x, {errors: e}); const c=process.cpuUsage(t); let mx=0; for (let i=0;i<n;i++) for (let j=0;j<n;j++) mx=Math.max(mx, Math.abs(r.value[i][j]-(i===j?2-Math.sin(x[i]):0))); console.log(e, (c.user+c.system)/1e6, r.evaluations/n, mx); }
