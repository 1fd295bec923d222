import { jacobian } from "../src/core/index.js";
import { plainColumn } from "../src/core/plain-step.js";
console.log(plainColumn(0.5, 0.5, 0.5 + 1e-6, 1, 4, "auto"));
const F = (x: Float64Array): number[] => [Math.exp(x[0]) * x[1], x[0] * x[1] * x[2], Math.sin(x[2])];
const x=[0.3,-1.2,2.5];
const a = jacobian(F, x, { errors: false }).value;
const b = jacobian((b: Float64Array) => Array.from({ length: b.length / 3 }, (_, r) => F(b.subarray(3 * r, 3 * r + 3))), x, { errors: false, batch: true }).value;
console.log(a, b);
const n=150; const xs=Float64Array.from({length:n},(_, i)=>-5+10*i/(n-1));
const G=(v: Float64Array)=>{const o=new Float64Array(v.length);for(let i=0;i<v.length;i++)o[i]=2*v[i]+Math.cos(v[i]);return o;};
const r=jacobian(G, xs, {errors:false}); for (let i=0;i<n;i++) for (let j=0;j<n;j++) if (i!==j && !Object.is(r.value[i][j],0)) { console.log(i,j,r.value[i][j]); }
