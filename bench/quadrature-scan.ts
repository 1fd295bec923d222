/**
 * An adaptive quadrature inside f (issue 10's "solver inside f"): `derivative()` on four integrands
 * computed by test/fixtures/hostile-functions.ts's adaptive Simpson, at three tolerances and seven x,
 * with default options and with the tolerance given as `noise`. For each default result that does
 * not cover its true error it prints the nearest jump of the computed f that could tell (a jump J at a
 * distance d from x with J/(2d) at least the true error: a row straddling it moves by that much), in
 * units of the scale s = max(|x|, 1) of the engine's first step s/32. docs/engine.md ("Quadrature
 * inside f") quotes its figures.
 *
 * ```sh
 * npx tsx bench/quadrature-scan.ts [--all]
 * ```
 */
import { pathToFileURL } from "node:url";
import { derivative } from "../src/core/index.js";
import { simpson } from "../test/fixtures/hostile-functions.js";

type Fn = (x: number) => number;

/** An integral as a function of x: its quadrature at a tolerance, and its exact derivative. */
interface Integral {
  name: string;
  at: (tol: number) => Fn;
  slope: Fn;
}

/** The four integrals: over [0, x] (the integrand's value is the slope) and over [0, 1] in x. */
export const INTEGRALS: readonly Integral[] = [
  {
    name: "∫₀ˣ exp(−t²)",
    at: (tol) => (x) => simpson((t) => Math.exp(-t * t), 0, x, tol),
    slope: (x) => Math.exp(-x * x),
  },
  {
    name: "∫₀ˣ sin(t²)",
    at: (tol) => (x) => simpson((t) => Math.sin(t * t), 0, x, tol),
    slope: (x) => Math.sin(x * x),
  },
  {
    name: "∫₀¹ cos(x·t)",
    at: (tol) => (x) => simpson((t) => Math.cos(x * t), 0, 1, tol),
    slope: (x) => (x * Math.cos(x) - Math.sin(x)) / (x * x),
  },
  {
    name: "∫₀¹ 1/(1 + x·t²)",
    at: (tol) => (x) => simpson((t) => 1 / (1 + x * t * t), 0, 1, tol),
    slope: (x) => {
      const r = Math.sqrt(x);
      return (1 / (2 * (1 + x)) - Math.atan(r) / (2 * r)) / x;
    },
  },
];

/** The tolerances and points of the scan. */
export const QUADRATURE_TOLERANCES: readonly number[] = [1e-6, 1e-8, 1e-10];
export const QUADRATURE_POINTS: readonly number[] = [0.3, 0.7, 0.9, 1.2, 1.7, 2.5, 3.1];

/** How far the search for jumps reaches beside x, in units of the scale s. */
const JUMP_REACH = 0.5;
/** Spacing of the search, in units of s: 1e-4·s, 10⁴ values of f. */
const JUMP_SPACING = 1e-4;
/**
 * A fourth difference above this is a jump (J·(1, −4, 6, −4, 1) peaks at 6J): the smooth part's
 * f⁗·(1e-4·s)⁴ and the values' rounding stay below 1e-14 for these integrals at s ≤ 3.1.
 */
const JUMP_FOURTH = 1e-13;

/**
 * The distance (in units of s) to the nearest jump of f with J/(2d) ≥ `size`, or Infinity when none
 * lies within {@link JUMP_REACH}·s of x.
 *
 * @example
 * ```ts
 * nearestTellingJump(INTEGRALS[0].at(1e-8), 1.5, 1e-11); // => 0.0217 ± 1e-4 (a jump of 2e-12)
 * ```
 */
export function nearestTellingJump(f: Fn, x: number, size: number): number {
  const s = Math.max(Math.abs(x), 1);
  const n = Math.round(JUMP_REACH / JUMP_SPACING);
  const v = new Float64Array(2 * n + 1);
  for (let k = -n; k <= n; k++) v[k + n] = f(x + k * JUMP_SPACING * s);
  let best = Infinity;
  for (let i = 2; i < v.length - 2; i++) {
    const q = v[i - 2] - 4 * v[i - 1] + 6 * v[i] - 4 * v[i + 1] + v[i + 2];
    if (!(Math.abs(q) > JUMP_FOURTH)) continue;
    const d = Math.abs(i - n) * JUMP_SPACING;
    if (Math.abs(q) / 6 / (2 * d * s) >= size) best = Math.min(best, d);
  }
  return best;
}

/** One case of the scan. */
export interface QuadratureOutcome {
  integral: string;
  tol: number;
  x: number;
  trueError: number;
  error: number;
  calls: number;
  noiseTrueError: number;
  noiseError: number;
  noiseCalls: number;
}

/**
 * Runs the scan: every integral at every tolerance and point, default options and `noise: tol`.
 *
 * @example
 * ```ts
 * runQuadratureScan().filter((o) => !(o.error >= o.trueError)).length; // 55 of 84 (round 15)
 * ```
 */
export function runQuadratureScan(): QuadratureOutcome[] {
  const out: QuadratureOutcome[] = [];
  for (const q of INTEGRALS) {
    for (const tol of QUADRATURE_TOLERANCES) {
      const f = q.at(tol);
      for (const x of QUADRATURE_POINTS) {
        const plain = derivative(f, x);
        const given = derivative(f, x, { noise: tol });
        out.push({
          integral: q.name,
          tol,
          x,
          trueError: Math.abs(plain.value - q.slope(x)),
          error: plain.error,
          calls: plain.evaluations,
          noiseTrueError: Math.abs(given.value - q.slope(x)),
          noiseError: given.error,
          noiseCalls: given.evaluations,
        });
      }
    }
  }
  return out;
}

function median(a: number[]): number {
  const s = [...a].sort((p, q) => p - q);
  return (s[(s.length - 1) >> 1] + s[s.length >> 1]) / 2;
}

/** The bin of a telling jump's distance d (units of s): the engine's rows reach s/32, s/64, …. */
function bin(d: number): string {
  if (d <= 1 / 32) return "within s/32";
  if (d <= 1 / 8) return "s/32 to s/8";
  if (d <= 1 / 4) return "s/8 to s/4";
  return d <= JUMP_REACH ? "s/4 to s/2" : "none within s/2";
}

function main(): void {
  const all = process.argv.includes("--all");
  const outcomes = runQuadratureScan();
  const bins = new Map<string, number>();
  for (const o of outcomes) {
    const honest = o.error >= o.trueError;
    if (honest && !all) continue;
    const integral = INTEGRALS.find((q) => q.name === o.integral);
    const d =
      honest || integral === undefined ? NaN : nearestTellingJump(integral.at(o.tol), o.x, o.trueError);
    if (!honest) bins.set(bin(d), (bins.get(bin(d)) ?? 0) + 1);
    console.log(
      `${o.integral} tol ${o.tol} at ${o.x}: ${o.error.toExponential(1)} for ${o.trueError.toExponential(1)}` +
        `${honest ? "" : ", telling jump at " + (Number.isFinite(d) ? d.toFixed(3) + "·s" : "none")}` +
        ` | noise: ${o.noiseError.toExponential(1)} for ${o.noiseTrueError.toExponential(1)}`,
    );
  }
  const dishonest = outcomes.filter((o) => !(o.error >= o.trueError)).length;
  const noiseDishonest = outcomes.filter((o) => !(o.noiseError >= o.noiseTrueError)).length;
  console.log(
    `\n${outcomes.length} cases: default ${dishonest} dishonest (median ${median(outcomes.map((o) => o.calls))} calls), ` +
      `noise = tol ${noiseDishonest} dishonest (median ${median(outcomes.map((o) => o.noiseCalls))} calls)`,
  );
  console.log("nearest telling jump of the dishonest:", Object.fromEntries(bins));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) main();
