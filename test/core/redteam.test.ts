import { describe, expect, it } from "vitest";
import { derivative } from "../../src/core/index.js";
import { derivative as derivativeAsync } from "../../src/core/async/index.js";
import { redteamCases } from "../fixtures/redteam-cases.js";
import type { ScalarCase } from "../fixtures/redteam-types.js";
import { judgeCase, loadRedteamTruth, type CaseVerdict } from "../fixtures/redteam-score.js";
import { KINDS } from "../fixtures/redteam-types.js";

// The red-team battery (test/fixtures/redteam-cases.ts): hostile functions written apart from the
// project's own hostile sets, judged with default options by issue 10's rules (redteam-score.ts).
// The floors below are the counts on the commit that added the battery; the known failures are listed
// by id, each with its cause (bench/redteam.ts prints them with repros). A fix that makes one of them
// honest should remove it from the list and raise the floor.

/**
 * Dishonest on the commit that added the battery, by cause (bench/redteam.ts prints each with a repro):
 * - solver output whose computed f is smooth between the solver's decisions (its tolerance test, the
 *   number of terms, iterations or steps): the column differentiates the computed f's piece around x,
 *   whose slope differs from the ideal's by about the tolerance over the solver's scale, and the noise
 *   check's pair at x ± 2⁻²¹ lies in that same piece, so nothing shows noise;
 * (Rounding inside f far above EPS·|f| that f's values did not show, sin(1e6·x) and log(1 + eˣ) at −40,
 * was here until round 16: own-step-noise.ts measures the noise at a run-on column's own steps, and
 * flat-reach.ts reaches out from a flat zero to where f first moves.)
 * (A fast component of small amplitude, sin x + 1e-8·sin(1e7·x) at 0.9, slope 0.1, was here until
 * round 11: the column's steps averaged it out and the check's gap became a noise share; where the
 * narrow table resolves the wiggles as a smooth part, the column now runs again within its reach.)
 * (A kink 1e-6 beside x under noise of 1e-12, whose unsettled fallback took the two slopes' midpoint
 * with a tiny error, was here until round 10: the fallback's error now reaches both one-sided
 * quotients where the first column's even part did not settle; it is honest, not passing.)
 * (A jump at x of a float32 f, and a staircase of jumps 1e-9 high every 1e-6, were here until round
 * 16: float32-jump.ts reads the cells beside x's, clean-check.ts the differences at the check's step.)
 * (Float32 f with a pole 2e-3 … 7e-3 beside x, read as "not-finite" from a growth check that started at
 * a first step straddling the pole, were here until round 10: the growth is now measured again
 * GROWTH_CONFIRM_RATIO further down, settle-singular.ts.)
 * (A jump of 6e-6 only 2e-12 beside x, read as "discontinuous" at x, was here until round 16:
 * jump-beside.ts bisects the doubles to the jump.)
 */
const KNOWN_DISHONEST = [
  "fixed-sin@0.4",
  "simpson-erf@0.9",
  "simpson-atan@2",
  "trapezoid-exp@0.7",
  "series-exp@1.3",
  "series-sin@2.2",
  "rk23-logistic@1.2",
  "s-fixed-cos@0.44251651-7.0409775e-12",
];

/**
 * Honest but not passing: an error far above 10·E* or the smooth rule (order 2 at a C2 join, noise
 * tables reading a pole's curvature or a jump beside x as noise, f″ with f′'s kink beside x, naive
 * formulas whose rounding on 1's grid the noise stage over-reads), or a false
 * "not-differentiable" whose interval still holds the truth (a kink beside x inside the noise tables' reach).
 */
const KNOWN_NOT_PASSING = [
  "relu-near-noise",
  "logjoin2@1",
  "spline2@1.25",
  "relu-near-left-0.000001",
  "f32-relu-near@0.2500001",
  "s-kink-atan@29.595477+1.1689119e-12-noise3.5910173e-13",
  "s-kink-rational@0.15017035+0.00094527578-noise2.0242465e-12",
  "s-kink-sin@-4.5899433+7.1860909e-9-noise5.5664385e-12",
  "s-kink-sin@-1.3930378+1.0143848e-7-noise5.3156093e-12",
  "s-kink-sqrt@7.1016241+5.4789409e-8-noise3.8734179e-10",
  "s-kink-log@13.906356-1.6157655e-12-noise6.3021921e-13",
  "s-kink2-7@1.22652-1.50245e-7",
  "s-kink2-8@1.11404+0.0000181955",
  "s-kink2-9@1.21164-5.09464e-7",
  "floor-near@1+1e-9",
  "sign-near@0",
  "jump-near-1e-12@1",
  "s-jumpnear-exp@0.26450488+5.9726462e-7-J0.062412263",
  "s-jumpnear-rational@1.0182907-1.8983655e-10-J-5.3214682e-8",
  "s-jumpnear-log@0.9042103-5.9239031e-7-J1.0620884e-8",
  "s-jumpnear-noise@-1.67685+0.00000121226-J0.00000320511-r1.0128e-12",
  "s-jumpnear-noise@-1.82721-0.00000475934-J-0.0000174114-r3.06802e-12",
  "s-jumpnear-noise@-1.57995+9.21194e-9-J0.227171-r2.95591e-10",
  "s-jumpnear-noise@1.25894-0.0000048068-J0.985084-r1.60356e-10",
  "s-jumpnear-noise@-1.58153-0.00000197932-J0.492074-r3.37095e-11",
  "s-jumpnear-noise@0.123037-0.0000754777-J0.0000310992-r2.02929e-10",
  "s-naive-expm1@5.15903e-9",
  "s-naive-expm1@3.49346e-9",
  "s-naive-sqrt1m@4.64504e-7",
  "s-naive-sqrt1m@5.23581e-8",
  "pole-near-noise",
  "dominant-slope@0.2",
];

/**
 * Honest cases (of 434): 411 on the commit that added the battery, 416 since round 10's pole fix, 417
 * since its unsettled kink fix, 418 since round 11's finer structure (settle-noise.ts, smoothBelow), 420
 * since round 13's row misfit (row-misfit.ts: fixed-cos@0.6 and s-fixed-cos@0.58…, fixed-point solvers),
 * 421 since round 14's quiet noise (quiet-noise.ts: s-fixed-cos@0.79…, a fixed-point solver), 426
 * since round 16's own-step noise, flat reach, clean check, jump beside x and float32 jump.
 */
const HONEST_FLOOR = 426;

/**
 * Passing cases (of 434): 380 on the commit that added the battery, 385 since round 10's pole fix, 386
 * since round 11's finer structure, 388 since round 13's row misfit, 389 since round 14's quiet noise,
 * 395 since round 16's red-team fixes.
 */
const PASS_FLOOR = 395;

const truths = loadRedteamTruth();
const verdicts: CaseVerdict[] = redteamCases.map((c) => judgeCase(c, truths));

describe("the red-team battery", () => {
  it("has at least 150 cases, every kind of issue 10 among them, with unique ids and a truth each", () => {
    expect(redteamCases.length).toBeGreaterThanOrEqual(150);
    for (const kind of KINDS) expect(redteamCases.some((c) => c.kind === kind)).toBe(true);
    expect(new Set(redteamCases.map((c) => c.id)).size).toBe(redteamCases.length);
    for (const c of redteamCases) expect(truths[c.id], c.id).toBeDefined();
    expect(Object.keys(truths).length).toBe(redteamCases.length);
  });

  it("computes f(x) within each case's tolerance of its ideal f(x) (the battery checks itself)", () => {
    expect(
      verdicts.filter((v) => v.specMismatch !== undefined).map((v) => `${v.id}: ${v.specMismatch}`),
    ).toEqual([]);
  });

  it(`keeps at least ${HONEST_FLOOR} honest and ${PASS_FLOOR} passing with default options`, () => {
    expect(verdicts.filter((v) => v.honest).length).toBeGreaterThanOrEqual(HONEST_FLOOR);
    expect(verdicts.filter((v) => v.pass).length).toBeGreaterThanOrEqual(PASS_FLOOR);
  });

  it("is dishonest only on the known failures", () => {
    const dishonest = verdicts.filter((v) => !v.honest).map((v) => v.id);
    expect(dishonest.filter((id) => !KNOWN_DISHONEST.includes(id))).toEqual([]);
  });

  it("fails the pass rule only on the known failures", () => {
    const known = [...KNOWN_DISHONEST, ...KNOWN_NOT_PASSING];
    const failing = verdicts.filter((v) => !v.pass).map((v) => v.id);
    expect(failing.filter((id) => !known.includes(id))).toEqual([]);
  });

  it("flags every kink, jump and pole at x in the battery, and never a kink at x with status ok", () => {
    const atX = verdicts.filter((v) => v.kind === "kink-at" || v.kind === "jump-at" || v.kind === "pole-at");
    expect(
      atX
        .filter((v) => v.entries.some((e) => e.expect !== "derivative" && e.status === "ok"))
        .map((v) => v.id),
    ).toEqual([]);
  });

  it("gives an f that writes into its argument the same answers as the pure f", () => {
    for (const v of verdicts.filter((k) => k.kind === "in-place")) expect(v.pass, v.id).toBe(true);
  });

  it("gives the same value, error and status by the sync, batched and async loops on every one-variable case", async () => {
    // Only `evaluations` may differ: the sync loop stops a row at its first value that is not finite.
    const scalar = redteamCases.filter((c): c is ScalarCase => c.api === "derivative");
    const differ: string[] = [];
    for (const c of scalar) {
      const s = derivative(c.f, c.x, { order: c.order });
      const b = derivative((p: Float64Array) => Array.from(p, c.f), c.x, { order: c.order, batch: true });
      const a = await derivativeAsync(async (t: number) => c.f(t), c.x, { order: c.order });
      for (const r of [b, a])
        if (!Object.is(r.value, s.value) || !Object.is(r.error, s.error) || r.status !== s.status)
          differ.push(c.id);
    }
    expect(differ).toEqual([]);
  });
});
