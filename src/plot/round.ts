import { COORDINATE_DECIMALS } from "./constants.js";

/**
 * Formats a coordinate for an SVG: rounded to {@link COORDINATE_DECIMALS} decimals, without trailing
 * zeros, and never "-0", so the same figure gives the same text on every machine.
 *
 * @example
 * ```ts
 * round(12.3456); // "12.35"
 * round(-0.001); // "0"
 * round(3); // "3"
 * round(1 / 3, 4); // "0.3333"
 * ```
 */
export function round(value: number, decimals: number = COORDINATE_DECIMALS): string {
  const factor = 10 ** decimals;
  const r = Math.round(value * factor) / factor;
  return r === 0 ? "0" : String(r);
}
