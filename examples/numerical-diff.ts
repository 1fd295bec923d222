/**
 * The book's gradient_1d.py (ch. 4): the numerical derivative of f(x) = 0.01x² + 0.1x at x = 5 and
 * x = 10 with the central difference h = 1e-4, and the tangent line at x = 5 (printed at a few x
 * instead of plotted). Run: npx tsx examples/numerical-diff.ts
 */
import { numericalDiff, tangentLine } from "../src/book/index.js";
import { derivative } from "../src/core/index.js";

function function1(x: number): number {
  return 0.01 * x ** 2 + 0.1 * x;
}

console.log(numericalDiff(function1, 5)); // 0.1999999999990898 (analytic: 0.2)
console.log(numericalDiff(function1, 10)); // 0.2999999999986347 (analytic: 0.3)

const tf = tangentLine(function1, 5);
for (const x of [0, 5, 10, 20]) console.log(`tangent at 5, x = ${x}: ${tf(x)}`);

// The library's default method, for comparison: extrapolated, with an error estimate.
const r = derivative(function1, 5);
console.log(`derivative(f, 5) = ${r.value} ± ${r.error.toExponential(1)} (${r.evaluations} evaluations)`);
