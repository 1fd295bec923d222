/**
 * Every `@example` of the core and the book runs, and every value its comments state with `// =>`
 * (or `// throws CODE`) is checked; see test/docs/examples.ts for the convention.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { checkedLine, claims, exampleBlocks, literalSource, ownNames, splitExpected } from "./examples.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
/** The layers whose examples run: the package `numdiff` (core and book). */
const RUN = ["src/core", "src/book"];
/** How the examples' imports map onto the sources. */
const ENTRIES: Record<string, string> = {
  numdiff: "src/core/index.ts",
  "numdiff/constants": "src/core/all-constants.ts",
  "numdiff/book": "src/book/index.ts",
};

/** Examples that are fragments of the code around them, not programs, with the reason. */
const FRAGMENTS: Record<string, string> = {
  "src/core/batch.ts:120": "the batched loop's inner step: `round` is a round of rounds.ts",
  "src/core/batch.ts:133": "the batched loop's inner step: `round` is a round of rounds.ts",
  "src/core/batch.ts:148": "the async runner's inner step: `slices` are a call's share of the points",
  "src/core/batch.ts:186": "the batched loop's inner step: `request` comes from a pipeline",
  "src/core/batch.ts:214": "the batched loop's inner step, inside gradient()",
  "src/core/batch.ts:227": "inside gradient(): `x0`, `o` and `f` are its own",
  "src/core/best-of-scales.ts:140":
    "a step of bestOfScales: `state` and `kept` are a column's (see its own example)",
  "src/core/best-of-scales.ts:153":
    "a step of bestOfScales: `state` and `kept` are a column's (see its own example)",
  "src/core/best-of-scales.ts:208":
    "a step of bestOfScales: `state` and `kept` are a column's (see its own example)",
  "src/core/column-steps.ts:17": "a column as a generator, inside scalar-engine.ts",
  "src/core/coordinate-pipelines.ts:22": "inside gradient(): `x0` is the pristine point",
  "src/core/derivative-pipeline.ts:19": "inside derivative(): the resolved options and sampler",
  "src/core/noise-check.ts:185": "inside the pipeline: `engine`, `got`, `n` and `est` are the noise check's",
  "src/core/noise-check.ts:207":
    "inside the pipeline: `engine`, `got`, `n` and `est` are the second noise check's",
  "src/core/noise-check.ts:271":
    "inside the pipeline's settle: `engine`, `sampler` and `est` are the rerun's (a generator step)",
  "src/core/rounds.ts:30": "the round loop of the sync batched runner",
  "src/core/even-pole.ts:60": "inside the pipeline: `engine`, `n` and `est` are the noise check's",
  "src/core/even-kink.ts:214": "inside the pipeline: `engine`, `n` and `est` are the noise check's",
  "src/core/even-kink.ts:244":
    "inside the pipeline's settle: `engine`, `sampler`, `x` and `result` are the shape stage's",
  "src/core/jacobian-kinks.ts:80":
    "inside a Jacobian column after its scales: `work` and `job` are the column's",
  "src/core/settle-noise.ts:53": "inside the pipeline's settle: `est` is the estimate of a noise stage",
  "src/core/settle-noise.ts:70":
    "inside the pipeline's settle: `engine`, `sampler`, `first` and `given` are its own",
  "src/core/own-step-noise.ts:28":
    "inside the pipeline's noise stage: `engine`, `sampler` and `ranOn` are the run-on column's",
  "src/core/clean-check.ts:115":
    "inside the pipeline's noise stage: `engine`, `sampler` and `level` are its own",
  "src/core/float32-jump.ts:83": "inside the pipeline: `result`, `sampler` and `x` are derivative()'s",
  "src/core/settle-singular.ts:49":
    "inside the pipeline's settle: `engine`, `sampler`, `est` and `shape` are its own (a generator step)",
  "src/core/settle-misfit.ts:49":
    "inside the pipeline's settle: `engine`, `sampler` and `first` are its own (a generator step)",
  "src/core/noisy-second-jump.ts:39":
    "inside the pipeline's settle: `engine` is its own, after the noise stage",
  "src/core/side-checks.ts:39": "inside the pipeline's settle: `result` is the result as it stands",
  "src/core/side-checks.ts:54":
    "inside the pipeline's settle: `engine`, `sampler`, `first`, `stage` and `result` are its own",
  "src/core/wide-rows-jump.ts:45":
    "inside the pipeline's shape stage: `engine`, `sampler` and `est` are its own (a generator step)",
  "src/core/wide-even-kink.ts:61":
    "inside the pipeline after the noise check: `engine`, `sampler` and `est` are its own (a generator step)",
  "src/core/jacobian-sides.ts:127":
    "inside a Jacobian column pipeline: `job`, `j` and `work` are the column's",
  "src/core/jacobian-long-steps.ts:69": "inside a Jacobian column after its scales: `work` is the column's",
  "src/core/jacobian-recheck.ts:114": "inside a Jacobian column: `job`, `work` and `k` are the column's",
  "src/core/jacobian-recheck.ts:183": "inside a Jacobian column: `job`, `work` and `k` are the column's",
  "src/core/jacobian-recheck.ts:200": "inside a Jacobian column: `job` is the column's, F_0(x) = 0",
  "src/core/jacobian-common-beside.ts:23":
    "inside the common path after a column: `job` and `w` are the column's",
  "src/core/jacobian-common-long.ts:92": "inside the common path's keep: `w` and `k` are the column's",
  "src/core/jacobian-common-long.ts:109": "inside the common path's keep: `w` and `k` are the column's",
  "src/core/jacobian-recheck.ts:289":
    "inside a Jacobian column pipeline: `job`, `j` and `work` are the column's",
  "src/core/jacobian-recheck.ts:453":
    "inside the sync Jacobian column: `job`, `j`, `work` and `source` are the column's",
  "src/core/row-check.ts:51": "inside a Jacobian loop after its columns: `job` is its job",
  "src/core/row-check.ts:71":
    "inside a Jacobian loop after its second pass: `again`, `worst` and `evaluations` are its own",
  "src/core/row-check.ts:106": "inside a Jacobian loop after its columns: `job` is its job",
  "src/core/jacobian-column.ts:319": "after a small F's first pass: `job` holds the columns put aside",
  "src/core/jacobian-column.ts:470":
    "after a small F's first pass: `job` holds the columns put aside, `source` is F along x_j",
  "src/core/jacobian-column.ts:492": "after a small F's first pass: `job` holds the columns put aside",
  "src/core/jacobian-pipeline.ts:102": "inside a Jacobian loop: `job` is its job",
  "src/core/jacobian-pipeline.ts:117": "inside a Jacobian loop after its columns: `job` and `F` are its own",
  "src/core/jacobian-pipeline.ts:138":
    "inside a Jacobian loop after the rows' tables: `job` and `again` are its jobs",
  "src/core/jacobian-pipeline.ts:163":
    "inside a batched Jacobian loop: `job`, `again`, `inFlight`, `codes`, `F` and `space` are its own",
  "src/core/jacobian-pipeline.ts:188":
    "inside a batched Jacobian loop after its columns: `job` and `F` are its own",
  "src/core/small-row-noise.ts:195":
    "inside the sync Jacobian after its columns: `job` and `caller` are its own",
  "src/core/small-row-noise.ts:242": "inside a Jacobian loop after its columns: `job` is its job",
  "src/core/jacobian-sides.ts:194":
    "inside the sync Jacobian column: `job`, `j`, `work` and `source` are the column's",
};

const dir = mkdtempSync(join(tmpdir(), "numdiff-examples-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The example as a module: its imports mapped to the sources, the file's own exports in scope. */
function program(file: string, block: ReturnType<typeof exampleBlocks>[number], exported: string[]): string {
  const own = ownNames(block.code);
  const checked = new Map(claims(block).map((c) => [c.line, c]));
  const imports: string[] = [];
  const body: string[] = [];
  block.code.forEach((text, i) => {
    const line = block.line + i;
    const where = `${relative(ROOT, file)}:${line}`;
    const imp = /^import\s.*from\s+"([^"]+)";?\s*$/.exec(text.trim());
    if (imp) {
      const target =
        ENTRIES[imp[1]] ?? (imp[1].startsWith(".") ? join(relative(ROOT, dirname(file)), imp[1]) : null);
      imports.push(target ? text.replace(`"${imp[1]}"`, JSON.stringify(join(ROOT, target))) : text);
      return;
    }
    const claim = checked.get(line);
    body.push(claim ? checkedLine(claim, where) : text);
  });
  const local = exported.filter((name) => !own.has(name));
  return [
    `import { __check, __throws, __typed } from ${JSON.stringify(join(ROOT, "test/docs/example-check.ts"))};`,
    `import * as __module from ${JSON.stringify(file)};`,
    ...imports,
    `void __check; void __throws; void __typed;`,
    local.length ? `const { ${local.join(", ")} } = __module as Record<string, any>;` : "",
    ...body,
  ].join("\n");
}

function tsFiles(folder: string): string[] {
  return readdirSync(join(ROOT, folder))
    .filter((name) => name.endsWith(".ts"))
    .map((name) => join(ROOT, folder, name))
    .sort();
}

describe("the example convention", () => {
  it("reads a literal, its tolerance and its remark", () => {
    expect(splitExpected("8 ± 1e-14 (truth 8)")).toEqual({ literal: "8", tolerance: 1e-14 });
    expect(splitExpected("Float64Array [6, 8]")).toEqual({ literal: "Float64Array [6, 8]", tolerance: 0 });
    expect(literalSource("[Float64Array [3, 2], Float64Array [1, 1]]")).toBe(
      '[__typed("Float64Array", [3, 2]), __typed("Float64Array", [1, 1])]',
    );
    expect(literalSource("{ value: 1, … }")).toBe("{ value: 1 }");
  });
});

let n = 0;
for (const file of RUN.flatMap(tsFiles)) {
  const blocks = exampleBlocks(file);
  if (blocks.length === 0 || blocks.every((b) => `${relative(ROOT, file)}:${b.line}` in FRAGMENTS)) continue;
  describe(relative(ROOT, file), () => {
    const runnable = blocks.filter((b) => !(`${relative(ROOT, file)}:${b.line}` in FRAGMENTS));
    it.each(runnable.map((b) => [b.line, b] as const))(
      "the example at line %i runs and shows its values",
      async (_line, block) => {
        const exported = Object.keys(await import(file));
        const path = join(dir, `example-${++n}.ts`);
        writeFileSync(path, program(file, block, exported));
        await import(path);
      },
    );
  });
}
