/**
 * A sparse Jacobian for the batched and async runners, as a generator of stages: each stage is a set
 * of independent pipelines (sampler.ts) whose requests a runner evaluates in lockstep rounds
 * (rounds.ts, the batched loop) or as they come (async/scheduler.ts). Detection is three stages of
 * probes, the adaptive loop one stage per pass of groupPasses (every group of the pass in flight, each
 * stencil row of each group one request), the fixed-step loop one stage of every point at once. The
 * engine is the sync one (the same passes, the same grouped descent, the same fixed-step loop), so the
 * results are the sync ones bit for bit.
 */

import type { PointSpace } from "../batch.js";
import { progressCounter } from "../batch.js";
import { columnsInFlight } from "../jacobian-pipeline.js";
import type { Pipeline } from "../sampler.js";
import type { ResolvedMultivariate } from "../vector.js";
import { groupPasses, leastCalls, type GroupPass } from "./adaptive-groups.js";
import { DeferredPoints } from "./deferred-points.js";
import { chunkOf, pointsPerCall, type PointWriter } from "./chunks.js";
import { densePattern, detectionRoom, detectionRounds } from "./detect.js";
import { fixedGroups } from "./fixed-groups.js";
import { GroupFrame } from "./group-points.js";
import { GroupDescent, GroupRequest } from "./grouped-column.js";
import { Group, type GroupWork } from "./group-work.js";
import { toSparsityPattern, type SparsityInput, type SparsityPattern } from "./pattern.js";
import type { SparseJacobianResult } from "./sparse-jacobian.js";
import { sparseJob } from "./sparse-job.js";

/**
 * A stage: `count` pipelines, at most `inFlight` at once; `onDone(i)` as pipeline i finishes.
 *
 * @example
 * ```ts
 * runBatched(stage.count, stage.make, stage.inFlight, [], F, space, stage.onDone);
 * ```
 */
export interface SparseStage {
  readonly count: number;
  make(i: number): Pipeline<void>;
  readonly inFlight: number;
  readonly onDone?: (i: number) => void;
}

/**
 * The point space of every stage's requests: each request writes its own points (a group's
 * x + t·d, a detection probe, a recorded fixed-step point).
 *
 * @example
 * ```ts
 * const block = sliceBlock(slices, sparseSpace(x0)); // n numbers per point
 * ```
 */
export function sparseSpace(x0: Float64Array): PointSpace {
  return {
    x0,
    coordinate: () => -1,
    write: (_task, r, q, out, at) => (r as unknown as PointWriter).writePoint(q, out, at),
  };
}

/**
 * The stages of a sparse Jacobian of F at x0, F(x0) = mid known: detection when `sparsity` is
 * "detect", then the group loops. Returns the maker of the result, given the evaluations the runner
 * counted (F(x0) included).
 *
 * @example
 * ```ts
 * const stages = sparseStages(x0, o, mid, "detect", true);
 * let evaluations = 1; // F(x0)
 * let r = stages.next();
 * for (; r.done !== true; r = stages.next()) evaluations += runStage(r.value);
 * const result = r.value(evaluations);
 * ```
 */
export function* sparseStages(
  x0: Float64Array,
  o: ResolvedMultivariate,
  mid: Float64Array,
  sparsity: SparsityInput | "detect",
  withErrors: boolean,
): Generator<SparseStage, (evaluations: number) => SparseJacobianResult, void> {
  const m = mid.length;
  const detected = { calls: 0 };
  const pattern: SparsityPattern =
    sparsity === "detect"
      ? yield* detectStages(x0, o, m, detected)
      : toSparsityPattern(sparsity, m, x0.length);
  const points = new DeferredPoints(x0, o.lo, o.hi, mid);
  const job = sparseJob(pattern, x0, o, withErrors, points, 1 + detected.calls);
  if (!job.plain) {
    const pool: GroupUnit[] = [];
    for (const pass of groupPasses(job.work)) yield passStage(job.work, pass, pool);
  } else {
    // First recording the points, without progress; then with F's values.
    fixedGroups({ ...job.work, o: { ...o, onProgress: undefined } });
    const request = points.request(m);
    if (request.count > 0) yield chunked(points, request.count, m, x0.length, request);
    points.replay();
    fixedGroups(job.work);
  }
  return job.result;
}

/** Detection's rounds, each one stage; F's values at each chunk of probes taken as they come. */
function* detectStages(
  x0: Float64Array,
  o: ResolvedMultivariate,
  m: number,
  detected: { calls: number },
): Generator<SparseStage, SparsityPattern, void> {
  const rounds = detectionRounds(x0, o.lo, o.hi, m);
  // Within the budget, as detectSparsity: where a round does not fit, the dense pattern.
  const room = detectionRoom(o.resolved.maxEvaluations, x0.length, leastCalls(o));
  let r = rounds.next();
  for (; r.done !== true; r = rounds.next()) {
    const round = r.value;
    if ((detected.calls += round.count) > room) {
      detected.calls -= round.count;
      return densePattern(m, x0.length);
    }
    yield chunked(round, round.count, m, x0.length, (c) => {
      for (let q = 0; q < c.count; q++) round.take(c.from + q, c.values, q * m);
    });
  }
  return r.value;
}

/** The `total` points of `parent` as a stage of calls of at most pointsPerCall(n) points each. */
function chunked(
  parent: PointWriter,
  total: number,
  m: number,
  n: number,
  into: Parameters<typeof chunkOf>[5],
): SparseStage {
  const size = pointsPerCall(n);
  return {
    count: Math.ceil(total / size),
    inFlight: 1,
    make: (i) => chunkOf(parent, total, m, size, i, into),
  };
}

/** What one group in flight needs: its frame, group, descent and request; reused by later groups. */
class GroupUnit {
  readonly frame: GroupFrame;
  readonly group: Group;
  readonly descent: GroupDescent;
  readonly request = new GroupRequest();

  constructor(w: GroupWork) {
    const p = w.points;
    this.frame = new GroupFrame(w.x, w.o.lo, w.o.hi, p.centre(), p.direction);
    this.group = new Group(w, this.frame);
    this.descent = new GroupDescent(w.pattern.m);
  }
}

/** A pass of groupPasses as a stage: each group one pipeline running the grouped descent. */
function passStage(w: GroupWork, pass: GroupPass, pool: GroupUnit[]): SparseStage {
  const { o } = w;
  const count = pass.grouping.groups;
  return {
    count,
    inFlight: columnsInFlight(w.pattern.m, w.pattern.n),
    onDone: pass.progress ? progressCounter(o.onProgress, count) : undefined,
    *make(g: number): Pipeline<void> {
      const unit = pool.pop() ?? new GroupUnit(w);
      const { group, descent } = unit;
      group.load(pass.grouping, g, pass.keep);
      yield* descent.pipeline(unit.frame, unit.request, group, o.order, pass);
      pass.store(group, descent);
      pool.push(unit);
    },
  };
}
