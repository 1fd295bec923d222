/**
 * The peers on the reference set: scipy.differentiate.derivative and numdifftools.Derivative run by
 * the scripts in bench/peers/, scored by the same rules as numdiff (bench/accuracy.ts).
 */
import { scoreCase, summarize, type AccuracySummary, type CaseOutcome } from "./accuracy.js";
import { functions1d } from "../test/fixtures/functions.js";
import type { DerivativeCase } from "./fixtures.js";
import { decodeNumber, runPython } from "./python.js";

/** One case as a peer script prints it. */
export interface PeerCase {
  id: string;
  value: number | string;
  estimate: number | string;
  evaluations: number;
  countedEvaluations: number;
  status?: number;
  function?: string;
  /** f(x) as the peer's NumPy function computes it. */
  fx?: number | string;
  threw?: string;
}

/** A peer script's whole output. */
export interface PeerOutput {
  tool: string;
  available?: boolean;
  note?: string;
  options?: string;
  versions?: Record<string, string | null>;
  supportedOrders?: number[];
  unsupported?: Record<string, number>;
  missingFunctions?: string[];
  cases?: PeerCase[];
}

/** A peer's figures on the cases it supports, plus what it could not run. */
export interface PeerReport {
  tool: string;
  options: string;
  summary: AccuracySummary;
  /** Orders the tool computes. */
  supportedOrders: number[];
  /** Cases not run because the tool does not compute that order, by order. */
  unsupported: Record<string, number>;
  outcomes: CaseOutcome[];
  /**
   * Cases where the peer's NumPy f(x) is not bit for bit the JavaScript f(x) (functions1d): there the
   * tools differentiate slightly different floating-point functions.
   */
  functionMismatches: { id: string; relativeDifference: number }[];
}

/** A peer's report, or null with the reason. */
export type PeerResult = { report: PeerReport; note: string | null } | { report: null; note: string };

/** The peer scripts, by tool. */
export const PEER_SCRIPTS = {
  scipy: "scipy_derivative.py",
  numdifftools: "numdifftools_derivative.py",
} as const;

/**
 * Runs a peer script and scores its results on the given cases (matched by id).
 *
 * @example
 * ```ts
 * const r = runPeer("scipy", loadDerivativeCases());
 * r.report?.summary.medianEvaluations; // 11
 * ```
 */
export function runPeer(tool: keyof typeof PEER_SCRIPTS, cases: readonly DerivativeCase[]): PeerResult {
  const out = runPython<PeerOutput>(PEER_SCRIPTS[tool]);
  if (!out.ok) return { report: null, note: out.reason };
  const data = out.data;
  if (data.available === false || data.cases === undefined) {
    return { report: null, note: data.note ?? `${data.tool} not available` };
  }
  const byId = new Map(cases.map((c) => [c.id, c]));
  const outcomes: CaseOutcome[] = [];
  const functionMismatches: PeerReport["functionMismatches"] = [];
  for (const p of data.cases) {
    const c = byId.get(p.id);
    if (c === undefined) continue;
    const jsF = functions1d[c.fn];
    const peerFx = decodeNumber(p.fx);
    const jsFx = jsF === undefined ? NaN : jsF(c.x);
    if (p.fx !== undefined && jsF !== undefined && !Object.is(peerFx, jsFx)) {
      functionMismatches.push({ id: p.id, relativeDifference: Math.abs(peerFx - jsFx) / Math.abs(jsFx) });
    }
    const status = p.status === undefined ? "" : `status ${p.status}`;
    outcomes.push(
      scoreCase(c, {
        value: decodeNumber(p.value),
        estimate: decodeNumber(p.estimate),
        evaluations: p.countedEvaluations,
        reportedEvaluations: p.evaluations,
        method: [p.function === "numpy" ? "" : p.function, status].filter((s) => s).join(" "),
        ...(p.threw === undefined ? {} : { threw: p.threw }),
      }),
    );
  }
  const unsupported = data.unsupported ?? {};
  const skipped = Object.entries(unsupported)
    .map(([order, n]) => `${n} of order ${order}`)
    .join(", ");
  return {
    report: {
      tool: data.tool,
      options: data.options ?? "defaults",
      summary: summarize(outcomes, data.missingFunctions ?? []),
      supportedOrders: data.supportedOrders ?? [],
      unsupported,
      outcomes,
      functionMismatches,
    },
    note: skipped === "" ? null : `${data.tool} computes first derivatives only; not run: ${skipped}`,
  };
}
