/**
 * bench/RESULTS.md: the benchmark results as readable tables.
 */
import type { AccuracySummary } from "./accuracy.js";
import type { BenchResults } from "./run.js";

function sci(v: number | null | undefined, digits = 2): string {
  if (v === null || v === undefined) return "—";
  if (!Number.isFinite(v)) return String(v);
  return v.toExponential(digits);
}

function fixed(v: number | null | undefined, digits = 2): string {
  if (v === null || v === undefined) return "—";
  if (!Number.isFinite(v)) return String(v);
  return v.toFixed(digits);
}

function pct(v: number | null | undefined): string {
  return v === null || v === undefined || !Number.isFinite(v) ? "—" : `${(100 * v).toFixed(1)}%`;
}

function grouped(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return "—";
  return Math.round(v).toLocaleString("en-US");
}

function table(header: string[], rows: string[][]): string {
  return [
    `| ${header.join(" | ")} |`,
    `| ${header.map((_, i) => (i === 0 ? "---" : "---:")).join(" | ")} |`,
    ...rows.map((r) => `| ${r.join(" | ")} |`),
  ].join("\n");
}

function accuracyColumns(cols: (AccuracySummary | null)[]): string[][] {
  const cell = (s: AccuracySummary | null, f: (a: AccuracySummary) => string): string =>
    s === null ? "not run" : f(s);
  const row = (label: string, f: (a: AccuracySummary) => string): string[] => [
    label,
    ...cols.map((s) => cell(s, f)),
  ];
  return [
    row("cases", (a) => String(a.cases)),
    row("within tolerance", (a) => `${a.withinTolerance} (${pct(a.withinToleranceShare)})`),
    row("non-finite results", (a) => String(a.nonFinite)),
    row("median evaluations for f′", (a) => fixed(a.medianEvaluations, 1)),
    row("median relative error of f′", (a) => sci(a.medianRelativeError)),
    row("error estimate ≥ true error", (a) => pct(a.estimateCovers)),
    row("median estimate / true error", (a) => sci(a.medianEstimateRatio, 1)),
  ];
}

function accuracyPart(r: BenchResults): string {
  const a = r.accuracy;
  const scipy = r.peers.scipy;
  const ndt = r.peers.numdifftools;
  const lines = [
    "## Accuracy and cost on the reference set",
    "",
    "test/fixtures/derivative-cases.json (mpmath, 40 digits), default options for every tool. Tolerance on the " +
      "relative error: 1e-12 / 1e-10 / 1e-8 / 1e-6 / 1e-4 / 1e-2 for orders 1–6 (absolute error against " +
      "max(1, |f(x)|) where the derivative is zero). scipy.differentiate.derivative computes first derivatives " +
      "only, so compare it with the “numdiff, f′” column: the same cases.",
    "",
    table(
      ["", "numdiff, all orders", "numdiff, f′", "scipy, f′", "numdifftools"],
      accuracyColumns([a, a.firstOrder, scipy, ndt]),
    ),
    "",
    table(
      ["numdiff by order", "tolerance", "cases", "within"],
      a.byOrder.map((b) => [
        String(b.order),
        sci(b.tolerance, 0),
        String(b.cases),
        String(b.withinTolerance),
      ]),
    ),
    "",
  ];
  if (a.failures.length > 0) {
    lines.push(
      "numdiff cases outside tolerance:",
      "",
      table(
        ["case", "value", "exact", "rel. error", "tolerance", "estimate", "evaluations"],
        a.failures.map((f) => [
          `\`${f.id}\``,
          Number.isFinite(f.value) ? f.value.toPrecision(17) : String(f.value),
          f.exact.toPrecision(17),
          sci(f.relativeError),
          sci(f.tolerance, 0),
          sci(f.estimate),
          String(f.evaluations),
        ]),
      ),
      "",
    );
  }
  if (a.underEstimates.length > 0) {
    lines.push(
      `numdiff error estimate below the true error: ${a.underEstimates.map((id) => `\`${id}\``).join(", ")}`,
      "",
    );
  }
  return lines.join("\n");
}

function multivariatePart(r: BenchResults): string {
  return [
    "## Gradients, Hessians, Jacobians, directional derivatives",
    "",
    "test/fixtures/multivariate-cases.json, default options. Error: largest entry error / largest exact entry " +
      "(issue 3's measure); tolerances 1e-10, 1e-7, 1e-10 (directional: 1e-10, our choice).",
    "",
    table(
      ["numdiff", "tolerance", "cases", "within", "median error", "worst case", "median evaluations"],
      r.multivariate.map((s) => [
        `\`${s.kind}\``,
        sci(s.tolerance, 0),
        String(s.cases),
        String(s.withinTolerance),
        sci(s.medianError),
        s.worst === null ? "—" : `\`${s.worst.id}\` ${sci(s.worst.error)}`,
        fixed(s.medianEvaluations, 1),
      ]),
    ),
    "",
  ].join("\n");
}

function num(obj: Record<string, unknown> | null, key: string): number | null {
  const v = obj?.[key];
  return typeof v === "number" ? v : null;
}

function gradientDetail(r: BenchResults): string[] {
  const d = r.gradientOverheadDetail;
  if (d === null) return [];
  const ms = (v: number | null): string => (v === null ? "—" : `${(v * 1e3).toFixed(1)} ms`);
  return [
    `N = ${grouped(num(d, "n"))}, ${grouped(num(d, "rounds"))} alternating rounds: gradient ${ms(num(d, "gradientSeconds"))}, ` +
      `hand loop ${ms(num(d, "handSeconds"))} (medians), ${grouped(num(d, "evaluations"))} calls each, ` +
      `identical bits: ${String(d.identicalBits ?? "—")}.`,
    "",
  ];
}

function jacobianDetail(r: BenchResults): string[] {
  const d = r.jacobian.detail;
  if (d === null) return [];
  return [
    `numdiff at n = ${grouped(num(d, "n"))}: CPU ${fixed(num(d, "cpuSeconds"))} s; peak RSS ${grouped(num(d, "peakRssMiB"))} MiB ` +
      `over a baseline of ${grouped(num(d, "baselineRssMiB"))} MiB, for an output (value and error) of ` +
      `${grouped(num(d, "outputMiB"))} MiB: (peak − baseline) / output = ${fixed(num(d, "memoryOverOutput"), 3)}; ` +
      `${fixed(num(d, "evaluationsPerColumn"), 1)} calls of F per column; max error ${sci(num(d, "maxAbsError"))}; ` +
      `entries whose error estimate is below the true error: ${grouped(num(d, "underestimated"))}.`,
    "",
  ];
}

function scalePart(r: BenchResults): string {
  const j = r.jacobian;
  const rows: string[][] = [["numdiff `jacobian`", grouped(j.n), fixed(j.seconds), grouped(j.peakRssMiB)]];
  for (const s of j.scipy) {
    rows.push(["scipy.differentiate.jacobian", grouped(s.n), fixed(s.seconds), grouped(s.peakRssMiB)]);
  }
  if (j.scipyProjected !== null) {
    rows.push([
      "scipy.differentiate.jacobian",
      grouped(j.scipyProjected.n),
      "not run",
      `≈ ${grouped(j.scipyProjected.projectedPeakRssMiB)} (projected)`,
    ]);
  }
  const lines = [
    "## Gradient overhead and Jacobian scale",
    "",
    r.gradientOverhead === null
      ? "Gradient overhead (book-mode `gradient` / hand-written loop of the same 2N calls): not measured."
      : `Gradient overhead (book-mode \`gradient\` / hand-written loop of the same 2N calls, median ratio of ` +
        `alternating runs): **${fixed(r.gradientOverhead, 3)}** (target ≤ 1.05; issue 3 asks ≤ 1.15).`,
    "",
    ...gradientDetail(r),
    "Dense Jacobian of F(x) = 2x + cos x (elementwise), each size in its own process:",
    "",
    table(["tool", "n", "seconds", "peak RSS (MiB)"], rows),
    "",
  ];
  lines.push(...jacobianDetail(r));
  if (j.scipyProjected !== null)
    lines.push(`scipy at n = ${grouped(j.scipyProjected.n)}: ${j.scipyProjected.note}.`, "");
  return lines.join("\n");
}

function throughputPart(r: BenchResults): string {
  const t = r.throughput;
  const row = (name: string, d: typeof t.numdiffDetail | null): string[] =>
    d === null
      ? [name, "not run", "—", "—", "—", "—"]
      : [
          name,
          grouped(d.points),
          fixed(d.seconds, 3),
          grouped(d.pointsPerSecond),
          `${grouped(d.withinTolerance)} / ${grouped(d.points)}`,
          fixed(d.medianEvaluations, 1),
        ];
  return [
    "## Throughput",
    "",
    `sin′ at ${grouped(t.points)} points in [-10, 10], default options, each result checked against cos x ` +
      "(absolute error ≤ 1e-12). numdiff is one call `derivative(Math.sin, xs)` with all the points " +
      "(bench/throughput.ts); scipy's derivative is vectorised over all points at once. Median of the timed passes.",
    "",
    table(
      ["tool", "points", "seconds", "points / second", "within 1e-12", "median evaluations"],
      [
        row("numdiff `derivative(f, xs)`", t.numdiffDetail),
        row("scipy.differentiate.derivative", t.scipyDetail),
      ],
    ),
    "",
  ].join("\n");
}

/**
 * The results as Markdown: machine and versions, then one table per section, then the notes.
 *
 * @example
 * ```ts
 * writeFileSync("bench/RESULTS.md", renderMarkdown(await runBenchmarks({ quick: true })));
 * ```
 */
export function renderMarkdown(r: BenchResults): string {
  const v = r.versions;
  const m = r.machine;
  const head = [
    "# numdiff benchmark results",
    "",
    `Written by \`npm run bench${r.mode === "quick" ? " -- --quick" : ""}\` (${r.mode} run) on ${r.date}, ` +
      `commit ${r.commit ?? "unknown"}. See bench/README.md for what each figure means.`,
    "",
    table(
      ["", "this run"],
      [
        ["machine", `${m.cpu}, ${m.cores} cores, ${grouped(m.memoryMiB)} MiB, ${m.platform}`],
        ["node", v.node],
        ["python", v.python ?? "not found"],
        ["numpy", v.numpy ?? "not found"],
        ["scipy", v.scipy ?? "not found"],
        ["numdifftools", v.numdifftools ?? "not installed"],
      ],
    ),
    "",
  ].join("\n");
  const notes = r.notes.length > 0 ? ["## Notes", "", ...r.notes.map((n) => `- ${n}`), ""].join("\n") : "";
  return [head, accuracyPart(r), multivariatePart(r), scalePart(r), throughputPart(r), notes]
    .filter((s) => s !== "")
    .join("\n");
}
