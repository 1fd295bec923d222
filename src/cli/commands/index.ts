import type { Command } from "../command.js";
import { derivative } from "./derivative.js";
import { gradient } from "./gradient.js";
import { hessian } from "./hessian.js";
import { jacobian } from "./jacobian.js";
import { partial } from "./partial.js";
import { tangent } from "./tangent.js";
import { errorCurve } from "./error-curve.js";
import { field } from "./field.js";
import { descent } from "./descent.js";
import { data } from "./data.js";

/**
 * Every subcommand of `numdiff`, in the order `numdiff --help` lists them. Register new ones here.
 * @example
 * ```ts
 * commands.map((c) => c.name); // ["derivative", "partial", "gradient", "hessian", "jacobian", …]
 * ```
 */
export const commands: Command[] = [
  derivative,
  partial,
  gradient,
  hessian,
  jacobian,
  tangent,
  errorCurve,
  field,
  descent,
  data,
];
