import { jacobian } from "../src/core/index.js";
import { jacobianViaGeneral } from "../src/core/jacobian.js";
const F = (x: Float64Array): number[] => [
  Math.exp(x[0]) * x[1],
  Math.abs(x[0]) + Math.max(0, x[1]),
  Math.floor(x[2]) + Math.sqrt(x[0]),
  Math.fround(Math.tanh(Math.fround(x[1]))),
  1 / x[2],
];
const x = [1, 2, 3];
const log = () => { const pts: number[] = []; return { pts, F: (w: Float64Array) => { if (w[0]===1&&w[1]===2) pts.push(w[2]-3); return F(w); } }; };
const a = log(), b = log();
const ra = jacobian(a.F, x), rb = jacobianViaGeneral(b.F, x);
console.log(ra.evaluations, rb.evaluations);
console.log(a.pts.join(" "));
console.log(b.pts.join(" "));
