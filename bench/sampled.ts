/**
 * Derivatives of sampled data (issue 15), beside numpy.gradient in the same run:
 * - time for 10^6 samples, first derivative, 4th-order accuracy (numpy: numpy.gradient, which is
 *   2nd order, and the 4th-order central difference written in numpy slicing);
 * - accuracy on smooth data (max |error| against cos on 1,000 samples of sin over [0, 2π]);
 * - RMS error on the issue's noisy sine (the same doubles on both sides: the peer script draws them).
 *
 * ```sh
 * npx tsx bench/sampled.ts            # 10^6 samples; writes bench/sampled-results.json and .md
 * npx tsx bench/sampled.ts --quick    # 10^5 samples
 * ```
 */
import { writeFileSync } from "node:fs";
import { cpus, totalmem, platform, arch } from "node:os";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { differentiate, type DifferentiateOptions } from "../src/core/index.js";
import { runPython } from "./python.js";
import { median } from "./stats.js";

/** Samples of the timing run (issue 15: 10^6). */
export const SAMPLED_TIMING_POINTS = 1_000_000;
/** Samples of the quick timing run. */
export const QUICK_SAMPLED_TIMING_POINTS = 100_000;
/** Timed runs; the median is reported. */
export const SAMPLED_REPEATS = 5;
/** Samples of the smooth-accuracy and noisy cases (issue 15: 1,000). */
export const SAMPLED_SMOOTH_POINTS = 1000;

interface PeerOutput {
  points: number;
  timing: Record<string, { seconds: number; maxAbsError?: number }>;
  smooth: { points: number; maxAbsError: Record<string, number> };
  noisy: { points: number; noise: number; seed: number; y: number[]; gradientRms: number };
  versions: Record<string, string | null>;
}

function grid(n: number): { x: Float64Array; h: number } {
  const x = Float64Array.from({ length: n }, (_, i) => (2 * Math.PI * i) / (n - 1));
  return { x, h: x[1] - x[0] };
}

function timed(fn: () => unknown, repeats: number): number {
  fn(); // warm-up (JIT)
  const runs: number[] = [];
  for (let r = 0; r < repeats; r++) {
    const t0 = performance.now();
    fn();
    runs.push((performance.now() - t0) / 1000);
  }
  return median(runs);
}

function maxAbsError(v: Float64Array, x: Float64Array): number {
  let m = 0;
  for (let i = 0; i < v.length; i++) m = Math.max(m, Math.abs(v[i] - Math.cos(x[i])));
  return m;
}

function rms(v: Float64Array, x: Float64Array): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += (v[i] - Math.cos(x[i])) ** 2;
  return Math.sqrt(s / v.length);
}

const fmt = (v: number, digits = 3) => (Number.isFinite(v) ? v.toPrecision(digits) : String(v));

/** The issue's noisy sine drawn in TypeScript (seeded), for runs without the numpy peer. */
function localNoisySine(n: number, noise: number): number[] {
  let seed = 20261129;
  const uniform = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const gauss = () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
  const { x } = grid(n);
  return Array.from(x, (t) => Math.sin(t) + noise * gauss());
}

/** The noisy-sine figures: central differences and the two smoothers on `yn`. */
function noisyCase(yn: Float64Array, noise: number, numpyGradientRms: number) {
  const s = grid(yn.length);
  const plain = rms(differentiate(yn, s.h).value, s.x);
  const t0 = performance.now();
  const sg = differentiate(yn, s.h, { smooth: "auto" });
  const sgSeconds = (performance.now() - t0) / 1000;
  const t1 = performance.now();
  const tv = differentiate(yn, s.h, { smooth: "total-variation" });
  const tvSeconds = (performance.now() - t1) / 1000;
  return {
    points: yn.length,
    noise,
    numpyGradientRms,
    numdiffNumpyModeRms: rms(differentiate(yn, s.h, { edgeOrder: 1 }).value, s.x),
    centralRms: plain,
    savitzkyGolay: {
      rms: rms(sg.value, s.x),
      window: sg.window,
      degree: sg.degree,
      chosenBy: sg.chosenBy,
      seconds: sgSeconds,
      improvement: plain / rms(sg.value, s.x),
    },
    totalVariation: {
      rms: rms(tv.value, s.x),
      alpha: tv.regularization,
      chosenBy: tv.chosenBy,
      seconds: tvSeconds,
      improvement: plain / rms(tv.value, s.x),
    },
    noiseEstimate: sg.noise,
  };
}

/**
 * Runs the sampled-data benchmark: numdiff's figures and, unless `python` is false, numpy's from the
 * peer script on the same data.
 *
 * @example
 * ```ts
 * sampledMarkdown(runSampledBench(100_000, 3)); // the section for bench/RESULTS.md
 * ```
 */
export function runSampledBench(points: number, repeats = SAMPLED_REPEATS, python = true) {
  const peer: ReturnType<typeof runPython<PeerOutput>> = python
    ? runPython<PeerOutput>("numpy_sampled.py", [String(points), String(repeats)])
    : { ok: false, reason: "not run (python: false)" };
  const { x, h } = grid(points);
  const y = Float64Array.from(x, Math.sin);
  const timing: Record<string, { seconds: number; maxAbsError: number }> = {};
  const cases: [string, DifferentiateOptions][] = [
    ["accuracy4", { accuracy: 4, errors: false }],
    ["accuracy4_with_error_estimate", { accuracy: 4 }],
    ["accuracy2", { accuracy: 2, errors: false }],
    ["numpy_mode_edge1", { edgeOrder: 1, errors: false }],
  ];
  for (const [name, options] of cases) {
    const seconds = timed(() => differentiate(y, h, options), repeats);
    timing[name] = { seconds, maxAbsError: maxAbsError(differentiate(y, h, options).value, x) };
  }
  const s = grid(SAMPLED_SMOOTH_POINTS);
  const ys = Float64Array.from(s.x, Math.sin);
  const smooth: Record<string, number> = {};
  for (const p of [2, 4, 6, 8])
    smooth[`accuracy${p}`] = maxAbsError(differentiate(ys, s.h, { accuracy: p }).value, s.x);
  for (const e of [1, 2] as const)
    smooth[`numpy_mode_edge${e}`] = maxAbsError(differentiate(ys, s.h, { edgeOrder: e }).value, s.x);
  const estimate = differentiate(ys, s.h, { accuracy: 4 });
  const actual4 = Float64Array.from(estimate.value, (v, i) => Math.abs(v - Math.cos(s.x[i])));
  const covered = actual4.filter((a, i) => a <= 2 * estimate.error[i]).length;
  const noise = peer.ok ? peer.data.noisy.noise : 0.01;
  const noisy = noisyCase(
    Float64Array.from(peer.ok ? peer.data.noisy.y : localNoisySine(SAMPLED_SMOOTH_POINTS, noise)),
    noise,
    peer.ok ? peer.data.noisy.gradientRms : NaN,
  );
  return {
    date: new Date().toISOString(),
    machine: {
      cpu: cpus()[0]?.model ?? "unknown",
      cores: cpus().length,
      memoryMiB: Math.round(totalmem() / 2 ** 20),
      platform: `${platform()} ${arch()}`,
      node: process.version,
    },
    points,
    repeats,
    numdiff: {
      timing,
      smooth,
      smoothPoints: SAMPLED_SMOOTH_POINTS,
      errorEstimateCovers: `${covered}/${actual4.length} samples have |actual| <= 2·estimate (accuracy 4)`,
    },
    numpy: peer.ok
      ? { timing: peer.data.timing, smooth: peer.data.smooth.maxAbsError, versions: peer.data.versions }
      : null,
    noisy,
    notes: peer.ok ? [] : [`numpy peer unavailable: ${peer.reason}`],
  };
}

type SampledBench = ReturnType<typeof runSampledBench>;

/** The Markdown section for bench/RESULTS.md. */
export function sampledMarkdown(r: SampledBench): string {
  const t = r.numdiff.timing;
  const np = r.numpy;
  const lines = [
    "## Derivatives of sampled data (issue 15)",
    "",
    `${r.date}, ${r.machine.cpu} (${r.machine.cores} cores), Node ${r.machine.node}${np ? `, numpy ${np.versions.numpy}` : ""}. ` +
      "`npx tsx bench/sampled.ts`; numpy's side is `bench/peers/numpy_sampled.py`, run in the same process tree.",
    "",
    `### Time for ${r.points.toLocaleString("en")} samples of sin, first derivative (median of ${r.repeats})`,
    "",
    "| tool | accuracy order | seconds | max abs error |",
    "| --- | --- | ---: | ---: |",
    `| numdiff \`differentiate(y, h, { accuracy: 4, errors: false })\` | 4 | ${fmt(t.accuracy4.seconds)} | ${fmt(t.accuracy4.maxAbsError)} |`,
    `| numdiff, same with the error estimate (a second pass at accuracy 6) | 4 | ${fmt(t.accuracy4_with_error_estimate.seconds)} | ${fmt(t.accuracy4_with_error_estimate.maxAbsError)} |`,
    `| numdiff \`{ accuracy: 2, errors: false }\` | 2 | ${fmt(t.accuracy2.seconds)} | ${fmt(t.accuracy2.maxAbsError)} |`,
    `| numdiff \`{ edgeOrder: 1 }\` (numpy.gradient's semantics) | 2 | ${fmt(t.numpy_mode_edge1.seconds)} | ${fmt(t.numpy_mode_edge1.maxAbsError)} |`,
  ];
  if (np) {
    lines.push(
      `| numpy.gradient(y, h) | 2 | ${fmt(np.timing.gradient_edge1.seconds)} | ${fmt(np.timing.gradient_edge1.maxAbsError ?? NaN)} |`,
      `| numpy 4th-order central difference by slicing (edges: numpy.gradient edge_order 2) | 4 | ${fmt(np.timing.slicing_accuracy4.seconds)} | ${fmt(np.timing.slicing_accuracy4.maxAbsError ?? NaN)} |`,
    );
  }
  lines.push(
    "",
    `### Accuracy on smooth data: max |error| against cos, ${r.numdiff.smoothPoints} samples of sin on [0, 2π], edges included`,
    "",
    "| method | max abs error |",
    "| --- | ---: |",
    ...Object.entries(r.numdiff.smooth).map(([k, v]) => `| numdiff ${k} | ${fmt(v)} |`),
    ...(np ? Object.entries(np.smooth).map(([k, v]) => `| numpy ${k} | ${fmt(v)} |`) : []),
    "",
    `Error estimate (accuracy 4, |D_4 − D_6|): ${r.numdiff.errorEstimateCovers}.`,
  );
  const n = r.noisy as null | {
    points: number;
    noise: number;
    numpyGradientRms: number;
    numdiffNumpyModeRms: number;
    centralRms: number;
    savitzkyGolay: { rms: number; window: number; degree: number; seconds: number; improvement: number };
    totalVariation: { rms: number; alpha: number; seconds: number; improvement: number };
  };
  if (n) {
    lines.push(
      "",
      `### RMS derivative error on the noisy sine (${n.points} samples, noise σ = ${n.noise}, the same doubles on both sides)`,
      "",
      "| method | RMS error | vs central differences | chosen |",
      "| --- | ---: | ---: | --- |",
      `| numpy.gradient | ${fmt(n.numpyGradientRms)} | | |`,
      `| numdiff numpy mode (edgeOrder 1) | ${fmt(n.numdiffNumpyModeRms)} | | |`,
      `| numdiff central differences (accuracy 2) | ${fmt(n.centralRms)} | 1× | |`,
      `| numdiff Savitzky–Golay, \`smooth: "auto"\` | ${fmt(n.savitzkyGolay.rms)} | ${n.savitzkyGolay.improvement.toFixed(0)}× better | window ${n.savitzkyGolay.window}, degree ${n.savitzkyGolay.degree} (GCV), ${fmt(n.savitzkyGolay.seconds, 2)} s |`,
      `| numdiff total variation, \`smooth: "total-variation"\` | ${fmt(n.totalVariation.rms)} | ${n.totalVariation.improvement.toFixed(0)}× better | α = ${fmt(n.totalVariation.alpha)} (discrepancy), ${fmt(n.totalVariation.seconds, 2)} s |`,
    );
  }
  for (const note of r.notes) lines.push("", `Note: ${note}`);
  return lines.join("\n") + "\n";
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const quick = process.argv.includes("--quick");
  const r = runSampledBench(quick ? QUICK_SAMPLED_TIMING_POINTS : SAMPLED_TIMING_POINTS);
  const here = new URL("./", import.meta.url);
  writeFileSync(new URL("sampled-results.json", here), JSON.stringify(r, null, 1) + "\n");
  const md = sampledMarkdown(r);
  writeFileSync(new URL("sampled-results.md", here), md);
  process.stdout.write(md);
}
