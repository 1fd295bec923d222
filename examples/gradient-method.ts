/**
 * The book's gradient_method.py (ch. 4.3.1): gradient descent on f(x0, x1) = x0² + x1² from (-3, 4)
 * with learning rate 0.1 for 100 steps (reaches the minimum), 10 (diverges) and 1e-10 (barely moves),
 * and the 20 steps of the book's figure. Run: npx tsx examples/gradient-method.ts
 */
import { gradientDescent } from "../src/book/index.js";

function function2(x: Float64Array): number {
  return x[0] ** 2 + x[1] ** 2;
}

const show = (g: ArrayLike<number>): string => `[${Array.from(g).join(", ")}]`;
const initX = [-3.0, 4.0];

for (const [lr, stepNum] of [
  [0.1, 100],
  [10, 100],
  [1e-10, 100],
  [0.1, 20],
]) {
  const { x } = gradientDescent(function2, initX, { lr, stepNum });
  console.log(`lr = ${lr}, ${stepNum} steps: ${show(x)}`);
}
