/**
 * What the honesty scan records: one entry per judged number, and incidents (a throw, a changed
 * caller's array, a runaway f, results that differ where they must be the same bits), with the
 * guards that catch them.
 */
import { NumdiffError } from "../../src/core/index.js";
import type { Category } from "./categories.js";
import type { Spec } from "./spec.js";
import { judge, num, specText, type Answer, type Verdict } from "./verdict.js";

/** One judged number. */
export interface Entry {
  api: string;
  category: Category;
  tag: string;
  verdict: Verdict;
  /** The call, with f and x spelled out (or, for a Jacobian entry, its row). */
  repro: string;
  /** The whole call where `repro` shows a part (a Jacobian's F). */
  context?: string;
  /** "value ± error (status)". */
  answer: string;
  spec: string;
}

/** Something that must never happen, whatever f is. */
export interface Incident {
  api: string;
  category: Category;
  what: "threw NumdiffError" | "threw other" | "caller's array changed" | "runaway f" | "bits differ";
  repro: string;
  detail: string;
}

/** Entries and incidents of a scan. */
export interface Collector {
  entries: Entry[];
  incidents: Incident[];
}

/**
 * Calls of f after which a run is stopped as a runaway (a hang, in effect): 2 million, far above the
 * few hundred an adaptive estimate makes.
 */
export const CALL_CAP = 2_000_000;

/** Thrown from inside f when a run passes {@link CALL_CAP}. */
export class Runaway extends Error {}

/**
 * f with its calls counted, throwing {@link Runaway} past {@link CALL_CAP}.
 *
 * @example
 * ```ts
 * const g = capped((t: number) => t);
 * g(2); // 2
 * ```
 */
export function capped<A extends unknown[], R>(f: (...a: A) => R): (...a: A) => R {
  let calls = 0;
  return (...a) => {
    if (++calls > CALL_CAP) throw new Runaway(`more than ${CALL_CAP} calls`);
    return f(...a);
  };
}

/** Where an entry or incident belongs. */
export interface Where {
  api: string;
  category: Category;
  repro: string;
  context?: string;
}

/**
 * Runs `call`, recording a throw as an incident (undefined is returned then).
 *
 * @example
 * ```ts
 * guarded(out, where, () => derivative(Math.sin, 1));
 * ```
 */
export function guarded<T>(out: Collector, where: Where, call: () => T): T | undefined {
  try {
    return call();
  } catch (e) {
    out.incidents.push(incidentOf(where, e));
    return undefined;
  }
}

/**
 * The async form of {@link guarded}.
 *
 * @example
 * ```ts
 * await guardedAsync(out, where, () => derivativeAsync(Math.sin, 1));
 * ```
 */
export async function guardedAsync<T>(
  out: Collector,
  where: Where,
  call: () => Promise<T>,
): Promise<T | undefined> {
  try {
    return await call();
  } catch (e) {
    out.incidents.push(incidentOf(where, e));
    return undefined;
  }
}

function incidentOf(where: Where, e: unknown): Incident {
  const what: Incident["what"] =
    e instanceof Runaway ? "runaway f" : e instanceof NumdiffError ? "threw NumdiffError" : "threw other";
  const detail = e instanceof Error ? `${e.constructor.name}: ${e.message}` : String(e);
  return { ...where, what, detail };
}

/**
 * Records an incident when the caller's array no longer holds the same bits.
 *
 * @example
 * ```ts
 * checkUnchanged(out, where, [1, 2], [1, 2]); // nothing recorded
 * ```
 */
export function checkUnchanged(
  out: Collector,
  where: Where,
  before: readonly number[],
  after: ArrayLike<number>,
): void {
  for (let i = 0; i < before.length; i++) {
    if (!Object.is(before[i], after[i]) || after.length !== before.length) {
      out.incidents.push({
        ...where,
        what: "caller's array changed",
        detail: `x[${i}] ${before[i]} → ${after[i]}`,
      });
      return;
    }
  }
}

/**
 * Records an incident when two answers that must be bit-identical are not.
 *
 * @example
 * ```ts
 * checkSame(out, where, "sync", { value: 1, error: 0 }, { value: 1, error: 0 }); // nothing recorded
 * ```
 */
export function checkSame(out: Collector, where: Where, against: string, a: Answer, b: Answer): void {
  if (Object.is(a.value, b.value) && Object.is(a.error, b.error) && (a.status ?? "ok") === (b.status ?? "ok"))
    return;
  out.incidents.push({
    ...where,
    what: "bits differ",
    detail: `${answerText(a)} vs ${against} ${answerText(b)}`,
  });
}

/**
 * "value ± error (status)".
 *
 * @example
 * ```ts
 * answerText({ value: 1, error: 1e-15, status: "ok" }); // "1 ± 1e-15 (ok)"
 * ```
 */
export function answerText(a: Answer): string {
  return `${num(a.value)} ± ${num(a.error)} (${a.status ?? "ok"})`;
}

/**
 * Judges an answer and records the entry.
 *
 * @example
 * ```ts
 * record(out, where, "sin", { kind: "truth", truth: 1 }, { value: 1, error: 1e-15 });
 * ```
 */
export function record(out: Collector, where: Where, tag: string, spec: Spec, a: Answer): void {
  out.entries.push({
    ...where,
    tag,
    verdict: judge(spec, a),
    answer: answerText(a),
    spec: specText(spec),
  });
}
