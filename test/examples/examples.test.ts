import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import cases from "../fixtures/multivariate-cases.json" with { type: "json" };

const root = fileURLToPath(new URL("../../", import.meta.url));

/**
 * The slowest example run measured (`node --import tsx examples/<name>.ts`) on the 2-core machine:
 * 4.4 s in a full `.ci/run` beside two CPU-bound processes and other jobs (load average 27); 1.04 s
 * beside the two processes alone (load average 5); about 0.5 s idle.
 */
const EXAMPLE_MEASURED_MAX_MS = 4_500;
/** An example still running after 20 times the measured worst case is hung: it is killed and fails. */
const HANG_GUARD_MS = 20 * EXAMPLE_MEASURED_MAX_MS;

/** Runs examples/<name>.ts as a user would (tsx) and returns its output lines. */
function run(name: string): string[] {
  const out = execFileSync(process.execPath, ["--import", "tsx", `examples/${name}.ts`], {
    cwd: root,
    encoding: "utf8",
    timeout: HANG_GUARD_MS,
  });
  return out.trimEnd().split("\n");
}

const numbers = (line: string): number[] => (line.match(/-?\d+(\.\d+)?(e[-+]?\d+)?/g) ?? []).map(Number);

// One example at a time (the cases are sequential): at most one process from this file.
describe("examples print the book's figures", { timeout: HANG_GUARD_MS + 5_000 }, () => {
  it("numerical-diff: 0.1999999999990898 and 0.2999999999986347, tangent through (5, 0.75)", () => {
    const lines = run("numerical-diff");
    expect(lines[0]).toBe("0.1999999999990898");
    expect(lines[1]).toBe("0.2999999999986347");
    expect(lines[3]).toBe("tangent at 5, x = 5: 0.75");
  });

  it("partial-derivatives: 6.00000000000378 and 7.999999999999119, also through partial()", () => {
    const lines = run("partial-derivatives");
    expect(lines.slice(0, 2)).toEqual(["6.00000000000378", "7.999999999999119"]);
    expect(lines[2]).toBe("partial(f, [3, 4], 0, book) = 6.00000000000378");
    expect(lines[3]).toBe("partial(f, [3, 4], 1, book) = 7.999999999999119");
  });

  it("gradient-2d: the gradients at (3, 4), (0, 2), (3, 0) in full precision", () => {
    const lines = run("gradient-2d");
    expect(lines.slice(0, 3)).toEqual([
      "[6.00000000000378, 7.999999999999119]",
      "[0, 4.000000000004]",
      "[6.000000000012662, 0]",
    ]);
  });

  it("gradient-method: lr 0.1 → [-6.111107928998789e-10, 8.148143905314271e-10]; lr 10, 1e-10 and 20 steps as printed", () => {
    const lines = run("gradient-method");
    expect(lines[0]).toBe("lr = 0.1, 100 steps: [-6.111107928998789e-10, 8.148143905314271e-10]");
    const round = (v: number[], d: number): number[] => v.map((x) => Number(x.toPrecision(d)));
    expect(round(numbers(lines[1]).slice(2), 9)).toEqual([-2.58983747e13, -1.29524862e12]);
    expect(
      numbers(lines[2])
        .slice(2)
        .map((x) => Number(x.toFixed(8))),
    ).toEqual([-2.99999994, 3.99999992]);
    expect(
      numbers(lines[3])
        .slice(2)
        .map((x) => Number(x.toFixed(8))),
    ).toEqual([-0.03458765, 0.04611686]);
  });

  it("simple-net: loss 0.9280682857864075, predict and dW as printed (dW within 1.5e-7 of the book's digits)", () => {
    const lines = run("simple-net");
    const predict = numbers(lines[0]);
    [1.05414809, 0.63071653, 1.1328074].forEach((v, i) =>
      expect(Math.abs(predict[i] - v)).toBeLessThan(1e-8),
    );
    // The loss is the book's, bit for bit here; a different libm could move it by an ulp or two.
    expect(Math.abs(numbers(lines[1])[0] - 0.9280682857864075)).toBeLessThanOrEqual(4e-16);
    const dW = numbers(lines[2]);
    // The book prints 8 digits from an older run: its dW differs from today's code by up to ~1e-7.
    const book = [0.21924763, 0.14356247, -0.36281009, 0.32887144, 0.2153437, -0.54421514];
    book.forEach((v, i) => expect(Math.abs(dW[i] - v)).toBeLessThan(1.5e-7));
    // Against the exact gradient (mpmath), the central difference with h = 1e-4 is off by O(h²·f''') ≈ 1e-9.
    const exact = cases.gradient.find((c) => c.fn === "simpleNetLoss")!.exact;
    exact.forEach((v, i) => expect(Math.abs(dW[i] - v)).toBeLessThan(1e-9));
    expect(lines[3]).toMatch(/^checkGradient: pass = true/);
  });
});
