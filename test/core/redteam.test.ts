import { describe, expect, it } from "vitest";
import { redteamCases } from "../fixtures/redteam-cases.js";
import { judgeCase, loadRedteamTruth, type CaseVerdict } from "../fixtures/redteam-score.js";
import { KINDS } from "../fixtures/redteam-types.js";

// The red-team battery (test/fixtures/redteam-cases.ts): hostile functions written apart from the
// project's own hostile sets, judged with default options by issue 10's rules (redteam-score.ts).
// The floors below are the counts on the commit that added the battery; the known failures are listed
// by id, each with its cause (bench/redteam.ts prints them with repros). A fix that makes one of them
// honest should remove it from the list and raise the floor.

/**
 * Dishonest on the commit that added the battery, by cause:
 * - solver output whose computed f is smooth between the solver's decisions (its tolerance test, the
 *   number of terms or steps): the engine differentiates the computed f exactly, its slope differs
 *   from the ideal's by about the tolerance over the solver's scale, and the estimate knows only
 *   rounding;
 * - rounding inside f far above eps·|f| with no sign of it in f's values (sin(1e6·x): the argument's
 *   rounding; log(1 + eˣ) at −40: f is exactly 0 over a wide interval);
 * - a component of tiny amplitude and high frequency (1e-8·sin(1e7·x)) that no step of the column
 *   resolves;
 * - a kink 1e-6 beside x under noise of 1e-12, taken for the midpoint of its two slopes;
 * - a jump at x in float32 values, and a staircase of small jumps close on both sides of x, read as
 *   noise with a finite error;
 * - float32 1/(x − 0.5) at 0.501 called "not-finite" where f is finite (a false flag).
 */
const KNOWN_DISHONEST = [
  "fixed-cos@0.6",
  "fixed-sin@0.4",
  "simpson-erf@0.9",
  "simpson-atan@2",
  "trapezoid-exp@0.7",
  "series-exp@1.3",
  "series-sin@2.2",
  "rk23-logistic@1.2",
  "relu-near-noise",
  "f32-step@0.75",
  "staircase@0.1234565",
  "f32-pole@0.501",
  "fast-sin@0.0012345",
  "wiggle@0.9",
  "softplus-naive@-40",
];

/** Honest but not passing (too wide an error, or a false flag whose interval still covers the truth). */
const KNOWN_NOT_PASSING = [
  "logjoin2@1",
  "relu-near-left-0.000001",
  "f32-relu-near@0.2500001",
  "floor-near@1+1e-9",
  "sign-near@0",
  "jump-near-1e-12@1",
  "pole-near-noise",
  "dominant-slope@0.2",
  "spline2@1.25",
];

/** Honest cases on the commit that added the battery (of 218). */
const HONEST_FLOOR = 203;

/** Passing cases on the commit that added the battery (of 218). */
const PASS_FLOOR = 194;

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
});
