/**
 * The honesty scan's one-variable probes: `derivative` at orders 1–4 (default options), with
 * `method: "forward"` and `"backward"`, on an array of points, and `numdiff/async`'s derivative.
 */
import { derivative, type DerivativeOptions, type DerivativeResult } from "../../src/core/index.js";
import { derivative as derivativeAsync } from "../../src/core/async/index.js";
import { drawCase, type Case, type Category } from "./categories.js";
import {
  capped,
  checkSame,
  checkUnchanged,
  guarded,
  guardedAsync,
  record,
  type Collector,
} from "./collect.js";
import { logUniform, randomSign, type Rng } from "./random.js";

/** Orders of the default-options probe. */
export const ORDERS: readonly number[] = [1, 2, 3, 4];

/** Orders of the one-sided probes. */
export const ONE_SIDED_ORDERS: readonly number[] = [1, 2, 3, 4];

/** Extra points beside the case's own in the array probe. */
export const ARRAY_EXTRA_POINTS = 3;

function optionsText(o: DerivativeOptions): string {
  const parts = Object.entries(o).map(([k, v]) => `${k}: ${JSON.stringify(v)}`);
  return parts.length === 0 ? "" : `, { ${parts.join(", ")} }`;
}

function scalarF(c: Case): (t: number) => number {
  return capped((t: number) => c.f(t, 0));
}

function one(out: Collector, api: string, c: Case, options: DerivativeOptions): DerivativeResult | undefined {
  const where = { api, category: c.category, repro: `derivative(${c.text}, ${c.x}${optionsText(options)})` };
  const r = guarded(out, where, () => derivative(scalarF(c), c.x, options));
  if (r !== undefined) {
    const method = options.method === "forward" || options.method === "backward" ? options.method : "central";
    record(out, where, c.tag, c.spec(c.x, options.order ?? 1, method), r);
  }
  return r;
}

/**
 * `derivative(f, x, { order })` for orders 1–4 on `count` cases of the category.
 *
 * @example
 * ```ts
 * probeOrders(out, rngFor(1, "smooth/derivative"), "smooth", 10);
 * ```
 */
export function probeOrders(out: Collector, r: Rng, category: Category, count: number): void {
  for (let i = 0; i < count; i++) {
    const c = drawCase(r, category);
    for (const order of ORDERS) one(out, `derivative order ${order}`, c, order === 1 ? {} : { order });
  }
}

/**
 * `derivative(f, x, { method, order })` with forward and backward stencils, orders 1 to 4.
 *
 * @example
 * ```ts
 * probeOneSided(out, rngFor(1, "kink-at/one-sided"), "kink-at", 10);
 * ```
 */
export function probeOneSided(out: Collector, r: Rng, category: Category, count: number): void {
  for (let i = 0; i < count; i++) {
    const c = drawCase(r, category);
    for (const method of ["forward", "backward"] as const) {
      for (const order of ONE_SIDED_ORDERS) {
        one(out, `derivative ${method} order ${order}`, c, order === 1 ? { method } : { method, order });
      }
    }
  }
}

/** The case's point and a few others near it (same sign; 1e-12 … 1e-1 relative away). */
function pointsNear(r: Rng, x: number): number[] {
  const xs = [x];
  for (let k = 0; k < ARRAY_EXTRA_POINTS; k++) {
    const d = logUniform(r, -12, -1) * (x === 0 ? 1 : Math.abs(x));
    xs.push(x === 0 ? randomSign(r) * d : x + randomSign(r) * d);
  }
  return xs;
}

/**
 * `derivative(f, xs)` on the case's point and three near it; each entry judged, and compared with the
 * scalar `derivative(f, xs[i])` bit for bit.
 *
 * @example
 * ```ts
 * probeArray(out, rngFor(1, "smooth/array"), "smooth", 10);
 * ```
 */
export function probeArray(out: Collector, r: Rng, category: Category, count: number): void {
  const api = "derivative(f, xs)";
  for (let i = 0; i < count; i++) {
    const c = drawCase(r, category);
    const xs = pointsNear(r, c.x);
    const given = xs.slice();
    const where = { api, category, repro: `derivative(${c.text}, [${xs.join(", ")}])` };
    const res = guarded(out, where, () => derivative(scalarF(c), given));
    checkUnchanged(out, where, xs, given);
    if (res === undefined) continue;
    xs.forEach((x, k) => {
      const at = { ...where, repro: `${where.repro} [${k}]` };
      const entry = { value: res.value[k], error: res.error[k], status: res.results[k].status };
      record(out, at, c.tag, c.spec(x, 1, "central"), entry);
      const single = guarded(out, at, () => derivative(scalarF(c), x));
      if (single !== undefined) checkSame(out, at, "scalar", entry, single);
    });
  }
}

/**
 * `numdiff/async`'s derivative (order 1 and 2) of an async f, judged, and compared with the sync
 * result bit for bit.
 *
 * @example
 * ```ts
 * await probeAsync(out, rngFor(1, "smooth/async"), "smooth", 10);
 * ```
 */
export async function probeAsync(out: Collector, r: Rng, category: Category, count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    const c = drawCase(r, category);
    for (const order of [1, 2]) {
      const options = order === 1 ? {} : { order };
      const api = `async derivative order ${order}`;
      const where = {
        api,
        category,
        repro: `await derivative(async ${c.text}, ${c.x}${optionsText(options)})`,
      };
      const f = scalarF(c);
      const res = await guardedAsync(out, where, () =>
        derivativeAsync(async (t: number) => f(t), c.x, options),
      );
      if (res === undefined) continue;
      record(out, where, c.tag, c.spec(c.x, order, "central"), res);
      const sync = guarded(out, where, () => derivative(scalarF(c), c.x, options));
      if (sync !== undefined) checkSame(out, where, "sync", res, sync);
    }
  }
}
