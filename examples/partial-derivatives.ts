/**
 * The book's partial derivatives of f(x0, x1) = x0² + x1² at (3, 4) (ch. 4.2): each one a
 * one-variable function with the other variable held fixed (function_tmp1, function_tmp2), and the
 * same through the library's `partial` in the book's mode. Run: npx tsx examples/partial-derivatives.ts
 */
import { numericalDiff } from "../src/book/index.js";
import { partial } from "../src/core/index.js";

const functionTmp1 = (x0: number): number => x0 * x0 + 4.0 ** 2.0;
const functionTmp2 = (x1: number): number => 3.0 ** 2.0 + x1 * x1;

console.log(numericalDiff(functionTmp1, 3.0)); // 6.00000000000378
console.log(numericalDiff(functionTmp2, 4.0)); // 7.999999999999119

const function2 = (x: Float64Array): number => x[0] ** 2 + x[1] ** 2;
const book = { method: "central", step: 1e-4 } as const;
console.log(`partial(f, [3, 4], 0, book) = ${partial(function2, [3, 4], 0, book).value}`);
console.log(`partial(f, [3, 4], 1, book) = ${partial(function2, [3, 4], 1, book).value}`);
console.log(`partial(f, [3, 4], 1) = ${partial(function2, [3, 4], 1).value} (default method)`);
