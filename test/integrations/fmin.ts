/**
 * fmin 0.0.4 as published cannot be imported by Node: its package.json says `"type": "module"` while
 * `main` is a UMD bundle (which then exports nothing), and its ESM `index.js` imports files without
 * extensions. Its UMD bundle is evaluated here with a CommonJS `exports` object instead.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { runInNewContext } from "node:vm";

/** fmin's conjugate gradient: f(x, fxprime) returns f(x) and writes the gradient into fxprime. */
export interface Fmin {
  conjugateGradient(
    f: (x: number[], fxprime: number[]) => number,
    initial: number[],
    params?: { maxIterations?: number },
  ): { x: number[]; fx: number; fxprime: number[] };
}

export function loadFmin(): Fmin {
  const file = createRequire(import.meta.url).resolve("fmin/build/fmin.js");
  const sandbox = { exports: {} as Fmin, module: {} };
  runInNewContext(readFileSync(file, "utf8"), sandbox, { filename: file });
  return sandbox.exports;
}
