/**
 * The seed of every fast-check property in `npm test`, so that a run on CI checks exactly what passed
 * here: a property that fails for one seed in a hundred would otherwise fail one CI run in a hundred,
 * and nothing would land (round 2: a subnormal f, 8e-323·sin t + 4.4e-323·eᵗ, failed one CI run so).
 * Random seeds go on finding such cases where they cost nothing: `npm run test:explore` runs the
 * properties with a fresh seed each (FC_SEED=random), and FC_SEED=<n> replays a reported seed.
 */
import fc from "fast-check";

/** The fixed seed: the date this file was written (2026-11-30). */
export const PROPERTY_SEED = 20261130;

const chosen = process.env.FC_SEED;
if (chosen !== "random") {
  const seed = chosen === undefined || chosen === "" ? PROPERTY_SEED : Number(chosen);
  if (!Number.isInteger(seed)) throw new Error(`FC_SEED must be an integer or "random"; got ${chosen}`);
  fc.configureGlobal({ seed });
}
