/**
 * The worker side of {@link threadPool}: imports the user's module once per thread and evaluates its
 * function on the rows of a block of points. An exception of f comes back as data with the point, so
 * that the caller's error names it (a thrown error would lose the point in the structured clone).
 */

import { pathToFileURL } from "node:url";

/**
 * A block of points for one worker.
 *
 * @example
 * ```ts
 * const task: WorkerTask = { module: "file:///srv/model.mjs", name: "loss", dimension: 2, points: Float64Array.of(1, 2) };
 * ```
 */
export interface WorkerTask {
  module: string;
  name: string;
  /** Numbers per point: 0 for f of one number. */
  dimension: number;
  points: Float64Array;
}

/**
 * The values of the block (m per point, row-major), or the first failure.
 *
 * @example
 * ```ts
 * const reply: WorkerReply = { values: Float64Array.of(0.84), width: 1 };
 * ```
 */
export type WorkerReply =
  { values: Float64Array; width: number } | { error: string; stack: string | undefined; point: number[] };

const loaded = new Map<string, Promise<Record<string, unknown>>>();

/**
 * Evaluates f on every point of the task, in order.
 *
 * @example
 * ```ts
 * await evaluateTask({ module: "file:///f.mjs", name: "default", dimension: 0, points: Float64Array.of(1, 2) });
 * // { values: Float64Array [f(1), f(2)], width: 1 }
 * ```
 */
export default async function evaluateTask(task: WorkerTask): Promise<WorkerReply> {
  let mod = loaded.get(task.module);
  if (mod === undefined)
    loaded.set(task.module, (mod = import(task.module) as Promise<Record<string, unknown>>));
  const f = (await mod)[task.name];
  if (typeof f !== "function") {
    return { error: `${task.module} exports no function "${task.name}"`, stack: undefined, point: [] };
  }
  const d = task.dimension;
  const count = d === 0 ? task.points.length : task.points.length / d;
  let width = -1;
  let values = new Float64Array(0);
  for (let r = 0; r < count; r++) {
    const x = d === 0 ? task.points[r] : task.points.slice(r * d, r * d + d);
    let v: unknown;
    try {
      v = await (f as (x: unknown) => unknown)(x);
    } catch (e) {
      const err = e instanceof Error ? e : new Error(String(e));
      return { error: err.message, stack: err.stack, point: typeof x === "number" ? [x] : Array.from(x) };
    }
    const row = typeof v === "number" ? [v] : (v as ArrayLike<number>);
    if (width < 0) {
      width = row.length;
      values = new Float64Array(count * width).fill(NaN);
    }
    for (let k = 0; k < width && k < row.length; k++) values[r * width + k] = Number(row[k]);
  }
  return { values, width: Math.max(width, 1) };
}

/**
 * A module given as a path or URL, as the file URL `import()` takes.
 *
 * @example
 * ```ts
 * moduleUrl("/srv/model.mjs"); // "file:///srv/model.mjs"
 * ```
 */
export function moduleUrl(module: string | URL): string {
  return module instanceof URL
    ? module.href
    : module.startsWith("file:")
      ? module
      : pathToFileURL(module).href;
}

/**
 * A point in an error message.
 *
 * @example
 * ```ts
 * describePoint([1, 2]); // "x = [1, 2]"
 * describePoint([3]); // "x = 3"
 * ```
 */
export function describePoint(point: readonly number[]): string {
  return point.length === 1 ? `x = ${point[0]}` : `x = [${point.join(", ")}]`;
}
