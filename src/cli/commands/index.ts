import type { Command } from "../command.js";
import { derivative } from "./derivative.js";
import { gradient } from "./gradient.js";
import { hessian } from "./hessian.js";
import { jacobian } from "./jacobian.js";
import { partial } from "./partial.js";

/** Every subcommand of `numdiff`, in the order `numdiff --help` lists them. Register new ones here. */
export const commands: Command[] = [derivative, partial, gradient, hessian, jacobian];
