/**
 * The book's gradient_2d.py (ch. 4.3): the numerical gradient of f(x0, x1) = x0² + x1² at (3, 4),
 * (0, 2) and (3, 0), printed in full (numpy would print [6. 8.], [0. 4.], [6. 0.]), and the same
 * points as one batch. Run: npx tsx examples/gradient-2d.ts
 */
import { numericalGradient } from "../src/book/index.js";
import { gradient } from "../src/core/index.js";

function function2(x: Float64Array): number {
  return x[0] ** 2 + x[1] ** 2;
}

const show = (g: ArrayLike<number>): string => `[${Array.from(g).join(", ")}]`;

for (const p of [
  [3.0, 4.0],
  [0.0, 2.0],
  [3.0, 0.0],
]) {
  console.log(show(numericalGradient(function2, Float64Array.from(p))));
}
const batch = [Float64Array.of(3, 4), Float64Array.of(0, 2), Float64Array.of(3, 0)];
console.log(`batch: ${numericalGradient(function2, batch).map(show).join(" ")}`);
console.log(`gradient(f, [3, 4]) = ${show(gradient(function2, [3, 4]).value)} (default method)`);
