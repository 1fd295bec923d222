import { describe, expect, it } from "vitest";
import { runSampledBench, sampledMarkdown } from "../../bench/sampled.js";

// Runs bench/sampled.ts's own code at a tiny size without Python, so it cannot rot unnoticed. It checks
// structure and the accuracy figures, never speed.
describe("bench/sampled.ts (smoke, no Python)", () => {
  it("reports timing, smooth accuracy and the noisy sine, with the smoothers 10× below central differences", () => {
    const r = runSampledBench(2000, 1, false);
    const md = sampledMarkdown(r);
    expect(md).toContain("### Time for 2,000 samples of sin");
    expect(md).toContain("### Accuracy on smooth data");
    expect(md).toContain("### RMS derivative error on the noisy sine (1000 samples, noise σ = 0.01");
    expect(r.notes[0]).toMatch(/numpy peer unavailable: not run/);
    expect(r.numdiff.smooth.accuracy6).toBeLessThan(1e-12);
    const noisy = r.noisy as {
      centralRms: number;
      savitzkyGolay: { rms: number };
      totalVariation: { rms: number };
    };
    expect(noisy.centralRms / noisy.savitzkyGolay.rms).toBeGreaterThan(10);
    expect(noisy.centralRms / noisy.totalVariation.rms).toBeGreaterThan(10);
  });
});
