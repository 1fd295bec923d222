/**
 * `npm start` until the CLI lands: the seed's derivative by the book's method and by numdiff's
 * default, beside the analytic value 0.02x + 0.1.
 */
import { derivative } from "./core/index.js";
import { numericalDiff } from "./book/index.js";

const f = (x: number): number => 0.01 * x ** 2 + 0.1 * x;
for (const x of [5, 10]) {
  const auto = derivative(f, x);
  const exact = 0.02 * x + 0.1;
  console.log(`f(x) = 0.01x² + 0.1x at x = ${x}`);
  console.log(`  book (central, h = 1e-4)  ${numericalDiff(f, x)}`);
  console.log(
    `  numdiff default           ${auto.value}  (error estimate ${auto.error.toExponential(1)}, ${auto.evaluations} evaluations)`,
  );
  console.log(`  analytic 0.02x + 0.1      ${exact}`);
}
