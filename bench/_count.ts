import { jacobian } from "../src/core/index.js";
function smallMap(x: Float64Array): number[] { const out = new Array<number>(4); for (let i = 0; i < 4; i++) out[i] = x[i] * x[i + 1] + x[i + 2]; return out; }
const points = Array.from({ length: 100 }, (_, k) => Float64Array.from({ length: 8 }, (_, i) => Math.sin(k + i) + 2));
let ev = 0; for (const p of points) ev += jacobian(smallMap, p).evaluations;
const g = globalThis as any; console.log("per jacobian: evals", ev / 100, "component calls", g.calls / 100, "component rows", g.rows / 100);
