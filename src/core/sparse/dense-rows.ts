import type { SparsityPattern } from "./pattern.js";

/**
 * A sparse result as dense rows (zeros off the pattern), for small problems and for comparing with
 * `jacobian` and `hessian` without a pattern. Takes m·n doubles: not for large n.
 *
 * @param csr - a pattern with values aligned with its colIdx (a sparse result).
 * @param which - "value" (default) or "error"; off-pattern errors are 0.
 * @example
 * ```ts
 * import { jacobian, toDenseRows } from "numdiff";
 * const r = jacobian((x) => [x[0] * x[1], x[1]], [2, 3], { sparsity: [[0, 0], [0, 1], [1, 1]] });
 * toDenseRows(r); // [Float64Array [3, 2], Float64Array [0, 1]]
 * ```
 */
export function toDenseRows(
  csr: SparsityPattern & { value: Float64Array; error?: Float64Array },
  which: "value" | "error" = "value",
): Float64Array[] {
  const data = which === "value" ? csr.value : csr.error;
  const out: Float64Array[] = [];
  for (let i = 0; i < csr.m; i++) {
    const row = new Float64Array(csr.n);
    if (data !== undefined && data.length > 0)
      for (let k = csr.rowPtr[i]; k < csr.rowPtr[i + 1]; k++) row[csr.colIdx[k]] = data[k];
    out.push(row);
  }
  return out;
}
