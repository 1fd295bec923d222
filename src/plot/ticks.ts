/**
 * Tick values and their labels: d3's nice ticks, labelled by d3-format in plain, SI or exponent
 * notation, never longer than {@link MAX_TICK_LABEL}; powers of ten on log axes.
 */
import { format } from "d3-format";
import { scaleLinear } from "d3-scale";
import type { Scale } from "./frame.js";

/**
 * Most labelled ticks wanted on an axis; a log axis over many decades labels every k-th power of ten
 * to stay under it.
 *
 * @default 9
 * @example
 * ```ts
 * MAX_TICKS; // 9
 * ```
 */
export const MAX_TICKS = 9;

/**
 * Longest tick label, in characters: "−1.25e-12" style labels fit in the left margin and under a
 * tick spacing of 80 px; d3's plain labels longer than this ("220,000,000,000,000,000") are written
 * in SI ("220E") or exponent notation ("2.2e+17") instead.
 *
 * @default 8
 * @example
 * ```ts
 * MAX_TICK_LABEL; // 8
 * ```
 */
export const MAX_TICK_LABEL = 8;

const SUPERSCRIPTS: Record<string, string> = {
  "-": "⁻",
  "0": "⁰",
  "1": "¹",
  "2": "²",
  "3": "³",
  "4": "⁴",
  "5": "⁵",
  "6": "⁶",
  "7": "⁷",
  "8": "⁸",
  "9": "⁹",
};

/**
 * A power of ten as text with a superscript exponent.
 *
 * @example
 * ```ts
 * powerOfTen(-16); // "10⁻¹⁶"
 * powerOfTen(0); // "10⁰"
 * ```
 */
export function powerOfTen(exponent: number): string {
  return "10" + [...String(exponent)].map((c) => SUPERSCRIPTS[c] ?? c).join("");
}

/**
 * A tick: its value and its label.
 *
 * @example
 * ```ts
 * const t: Tick = { value: 0.5, label: "0.5" };
 * ```
 */
export interface Tick {
  /** Where the tick is, in data units. */
  value: number;
  /** Its label (at most 8 characters). */
  label: string;
}

/** SI prefixes a reader of a maths figure knows: milli to tera (no E, P, a, f…). */
const SI_OK = /^−?[\d.]+[mµkMGT]?$/;

/**
 * Labels for tick values: d3's own (the scale's tickFormat) when they fit in
 * {@link MAX_TICK_LABEL}, else SI prefixes from milli to tera, else exponent notation with the
 * fewest digits that tell the ticks apart; null when no label of that length tells them apart
 * (ticks 1e-7 apart at 1: {@link ticksOf} then labels offsets from a base).
 *
 * @example
 * ```ts
 * tickLabels([0, 5, 10], scaleLinear().domain([0, 10]).tickFormat(9)); // ["0", "5", "10"]
 * tickLabels([2e17, 4e17], scaleLinear().domain([0, 5e17]).tickFormat(9)); // ["2e+17", "4e+17"]
 * tickLabels([2000, 4000, 6000], (v) => String(v)); // ["2000", "4000", "6000"]
 * ```
 */
export function tickLabels(values: readonly number[], plain: (v: number) => string): string[] | null {
  const fits = (labels: string[]): boolean =>
    labels.every((l) => [...l].length <= MAX_TICK_LABEL) && new Set(labels).size === labels.length;
  const first = values.map(plain);
  if (fits(first)) return first;
  for (let digits = 1; digits <= 6; digits++) {
    const si = values.map((v) => (v === 0 ? "0" : format(`.${digits}~s`)(v)));
    if (si.every((l) => SI_OK.test(l)) && fits(si)) return si;
    const exp = values.map((v) => (v === 0 ? "0" : format(`.${digits - 1}~e`)(v)));
    if (fits(exp)) return exp;
  }
  return null;
}

/**
 * The ticks of an axis and, when the labels are offsets, the value they are offsets from.
 *
 * @example
 * ```ts
 * const t: AxisTicks = ticksOf(scaleLinear().domain([1 - 1e-6, 1 + 1e-6]), false);
 * t.base; // 1 (labels "−1e−6" … "+1e−6")
 * ```
 */
export interface AxisTicks {
  /** The ticks, in increasing order. */
  ticks: Tick[];
  /** The labels are offsets from this value (write "x − base" on the axis), or null. */
  base: number | null;
}

const pretty = (label: string): string => label.replace(/-/g, "−");

/**
 * The ticks of a scale: for a log axis the powers of ten (every k-th over many decades), else d3's
 * nice ticks labelled by {@link tickLabels}, or as offsets from the middle tick when no label of
 * {@link MAX_TICK_LABEL} characters tells them apart. `count` asks for fewer ticks when labels would
 * touch.
 *
 * @example
 * ```ts
 * ticksOf(scaleLinear().domain([0, 20]), false).ticks.map((t) => t.label); // ["0", "2", "4", …, "20"]
 * ticksOf(scaleLog().domain([1e-16, 1]), true).ticks[0].label; // "10⁻¹⁶"
 * ```
 */
export function ticksOf(scale: Scale, log: boolean, count = MAX_TICKS): AxisTicks {
  if (log) {
    const [lo, hi] = scale.domain() as [number, number];
    const first = Math.ceil(Math.log10(lo) - 1e-9);
    const last = Math.floor(Math.log10(hi) + 1e-9);
    const stride = Math.max(1, Math.ceil((last - first + 1) / count));
    const out: Tick[] = [];
    for (let k = last; k >= first; k -= stride) out.unshift({ value: 10 ** k, label: powerOfTen(k) });
    return { ticks: out, base: null };
  }
  const values = scale.ticks(count);
  const labels = tickLabels(values, scale.tickFormat(count));
  if (labels !== null)
    return { ticks: values.map((value, i) => ({ value, label: pretty(labels[i]) })), base: null };
  const base = values[Math.floor(values.length / 2)];
  const step = Math.abs(values[1] - values[0]);
  // multiples of the step, rounded so that 1e9 + 2 − (1e9 + 1) reads as 1, not 1.0000001
  const offsets = values.map((v) => Math.round((v - base) / step) * step);
  const plain = scaleLinear()
    .domain([offsets[0], offsets[offsets.length - 1]])
    .tickFormat(count);
  const shown = tickLabels(offsets, plain) ?? offsets.map((d) => format(".1~e")(d));
  const offsetLabels = shown.map((l, i) => (offsets[i] > 0 ? "+" + l : l));
  return { ticks: values.map((value, i) => ({ value, label: pretty(offsetLabels[i]) })), base };
}
