/**
 * The options of the differentiation subcommands, in a module of their own so that `numdiff` can
 * screen formulas before it loads math.js (see ./main.ts).
 */

/**
 * The options every differentiation subcommand takes (node:util parseArgs specification).
 * @example
 * ```ts
 * parseOptions(["x", "--at", "1"], DIFF_OPTIONS).values.at; // "1"
 * ```
 */
export const DIFF_OPTIONS = {
  at: { type: "string" },
  order: { type: "string" },
  method: { type: "string" },
  step: { type: "string" },
  accuracy: { type: "string" },
  wrt: { type: "string" },
  json: { type: "boolean" },
  format: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

/**
 * The help text of the shared options.
 * @example
 * ```ts
 * derivative.usage.includes(DIFF_OPTIONS_HELP); // true
 * ```
 */
export const DIFF_OPTIONS_HELP = `  --method m    auto (default: adaptive steps, extrapolated, one-sided at domain edges),
                central, forward or backward (one stencil; with --step, the book's method)
  --step h      a fixed step: one plain stencil with exactly this h (the book uses 1e-4)
  --accuracy p  truncation order of the fixed-step stencil: 2 (default), 4, 6 or 8 (needs --step)
  --json        print one JSON object instead of the table
  -h, --help    this help`;
