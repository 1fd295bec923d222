import { NumdiffError } from "numdiff";

/**
 * A formula that numdiff refuses: bad syntax, a name or construct outside the whitelist, a formula too
 * long or too deeply nested. The message names what was refused and where, as a 1-based column;
 * `position` is the same place as a 0-based index into the formula text (undefined when the fault has
 * no single place, such as an empty formula).
 *
 * @example
 * ```ts
 * import { compileFormula, FormulaError } from "@numdiff/expr";
 * try { compileFormula("import({}, {})"); }
 * catch (e) { if (e instanceof FormulaError) console.log(e.message, e.position); }
 * // invalid formula; function "import" is not allowed (at column 1) 0
 * ```
 */
export class FormulaError extends NumdiffError {
  /** 0-based index into the formula text of the refused part, when it has one. */
  readonly position: number | undefined;

  constructor(detail: string, position?: number) {
    super(
      "INVALID_FORMULA",
      "formula",
      `invalid formula; ${detail}` + (position === undefined ? "" : ` (at column ${position + 1})`),
    );
    this.name = "FormulaError";
    this.position = position;
  }
}
