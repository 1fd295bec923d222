import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../", import.meta.url));

describe("examples/sampled-data.ts", () => {
  it("prints the README's values: exact stencils, numpy's bits, the smoothers' choices, the Laplacian", () => {
    const out = execFileSync(process.execPath, ["--import", "tsx", "examples/sampled-data.ts"], {
      cwd: root,
      encoding: "utf8",
    }).split("\n");
    expect(out[0]).toBe("0, 2, 4, 6, 8");
    expect(out[1]).toBe("d/dx sin at 2: -0.4161454510414321, estimated error 1.38e-6, true error 1.39e-6");
    expect(out[2]).toBe("1, 1.5, 2.5, 3.5, 4");
    expect(out[4]).toMatch(/^Savitzky–Golay: RMS error 0\.0056, window 195, degree 3 \(gcv\)$/);
    expect(out[5]).toMatch(/^total variation: RMS error 0\.0300, α = 0\.0167 \(discrepancy\)$/);
    expect(out[6]).toBe("Laplacian: 4 to 4");
  });
});
