import { describe, expect, it } from "vitest";
import {
  differentiate,
  gridGradient,
  gridLaplacian,
  gridMixedPartial,
  MAX_WINDOW,
  noiseLevel,
  NumdiffError,
} from "../../src/core/index.js";
import { candidateWindows } from "../../src/core/sampled/gcv-window.js";

/** A seeded normal generator (Park–Miller + Box–Muller), so noisy cases are the same on every run. */
function normals(seed: number): () => number {
  let s = seed;
  const uniform = () => (s = (s * 16807) % 2147483647) / 2147483647;
  return () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
}

function rms(v: ArrayLike<number>, truth: (i: number) => number): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += (v[i] - truth(i)) ** 2;
  return Math.sqrt(s / v.length);
}

/** The noisy sine: sin on [0, 2π], 1,000 samples, noise of standard deviation 1% of the amplitude. */
function noisySine(seed = 7) {
  const gauss = normals(seed);
  const n = 1000;
  const x = Float64Array.from({ length: n }, (_, i) => (2 * Math.PI * i) / (n - 1));
  const y = Float64Array.from(x, (t) => Math.sin(t) + 0.01 * gauss());
  return { x, y, h: x[1] - x[0], truth: (i: number) => Math.cos(x[i]) };
}

function expectError(fn: () => unknown, code: string, message: RegExp): void {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(NumdiffError);
    expect((e as NumdiffError).code).toBe(code);
    expect((e as Error).message).toMatch(message);
    return;
  }
  throw new Error("expected a NumdiffError");
}

describe("differentiate: bad setup throws NumdiffError naming argument, range and value", () => {
  const y = [0, 1, 4, 9, 16, 25];
  it.each([
    [
      "order 0",
      () => differentiate(y, 1, { order: 0 }),
      "INVALID_ORDER",
      /invalid order; expected an integer from 1 to 16, got 0/,
    ],
    ["order 17", () => differentiate(y, 1, { order: 17 }), "INVALID_ORDER", /got 17/],
    ["order 1.5", () => differentiate(y, 1, { order: 1.5 }), "INVALID_ORDER", /got 1\.5/],
    [
      "accuracy 3",
      () => differentiate(y, 1, { accuracy: 3 }),
      "INVALID_ACCURACY",
      /invalid accuracy; expected one of 2, 4, 6, 8, got 3/,
    ],
    ["accuracy 10", () => differentiate(y, 1, { accuracy: 10 }), "INVALID_ACCURACY", /got 10/],
    [
      "x not increasing",
      () => differentiate(y, [0, 1, 3, 2, 4, 5]),
      "INVALID_GRID",
      /invalid x\[3\]; expected > x\[2\] = 3 \(strictly increasing\), got 2/,
    ],
    [
      "duplicate x",
      () => differentiate(y, [0, 1, 1, 2, 4, 5]),
      "INVALID_GRID",
      /invalid x\[2\]; expected > x\[1\] = 1 .*got 1/,
    ],
    [
      "NaN in x",
      () => differentiate(y, [0, 1, NaN, 2, 4, 5]),
      "INVALID_GRID",
      /invalid x\[2\]; expected a finite number, got NaN/,
    ],
    [
      "x of another length",
      () => differentiate(y, [0, 1, 2]),
      "INVALID_SHAPE",
      /invalid x\.length; expected 6 .*got 3/,
    ],
    [
      "spacing 0",
      () => differentiate(y, 0),
      "INVALID_GRID",
      /invalid x; expected a finite spacing > 0 or the coordinates, got 0/,
    ],
    ["spacing -1", () => differentiate(y, -1), "INVALID_GRID", /got -1/],
    [
      "too few samples",
      () => differentiate([1, 2, 3], 1, { accuracy: 4 }),
      "INVALID_SAMPLES",
      /invalid y\.length; expected >= 5 .*got 3/,
    ],
    [
      "too few for order 3",
      () => differentiate([1, 2, 3, 4], 1, { order: 3 }),
      "INVALID_SAMPLES",
      /expected >= 5/,
    ],
    [
      "a string in y",
      () => differentiate([1, "2", 3] as unknown as number[], 1),
      "INVALID_SAMPLES",
      /invalid y\[1\]; expected a number, got "2"/,
    ],
    [
      "y not an array",
      () => differentiate(5 as unknown as number[], 1),
      "INVALID_SAMPLES",
      /invalid y; expected an array of numbers, got 5/,
    ],
    [
      "shape mismatch",
      () => differentiate(y, 1, { shape: [2, 2] }),
      "INVALID_SHAPE",
      /invalid shape; expected dimensions whose product is y\.length = 6, got \[2, 2\]/,
    ],
    [
      "axis out of range",
      () => differentiate(y, 1, { shape: [2, 3], axis: 2 }),
      "INVALID_INDEX",
      /invalid axis; expected an integer from -2 to 1, got 2/,
    ],
    [
      "one grid per axis",
      () => differentiate(y, [1, 1, 1], { shape: [2, 3] }),
      "INVALID_GRID",
      /one grid per axis \(2 of them\)/,
    ],
    [
      "edgeOrder 3",
      () => differentiate(y, 1, { edgeOrder: 3 as 1 }),
      "INVALID_OPTION",
      /invalid edgeOrder; expected 1 or 2, got 3/,
    ],
    [
      "edgeOrder with order 2",
      () => differentiate(y, 1, { edgeOrder: 1, order: 2 }),
      "INVALID_ORDER",
      /1 with edgeOrder/,
    ],
    [
      "edgeOrder with 2 samples",
      () => differentiate([1, 2], 1, { edgeOrder: 2 }),
      "INVALID_SAMPLES",
      /expected >= 3/,
    ],
    [
      "unknown smoother",
      () => differentiate(y, 1, { smooth: "gauss" as "auto" }),
      "INVALID_OPTION",
      /invalid smooth/,
    ],
    [
      "smoothing in 2-D",
      () => differentiate(y, 1, { shape: [2, 3], smooth: "auto" }),
      "INVALID_OPTION",
      /for arrays of 2 dimensions/,
    ],
    [
      "even window",
      () => differentiate(y, 1, { smooth: "savitzky-golay", window: 4 }),
      "INVALID_OPTION",
      /invalid window; expected an odd integer/,
    ],
    [
      "edgeOrder with smoothing",
      () => differentiate(y, 1, { smooth: "auto", edgeOrder: 1 }),
      "INVALID_OPTION",
      /invalid edgeOrder; expected undefined with smooth: "auto" \(stencils only\), got 1/,
    ],
    [
      "accuracy with smoothing",
      () => differentiate(y, 1, { smooth: "total-variation", accuracy: 4 }),
      "INVALID_OPTION",
      /invalid accuracy; expected undefined with smooth/,
    ],
    [
      "TV of order 2",
      () => differentiate(y, 1, { smooth: "total-variation", order: 2 }),
      "INVALID_ORDER",
      /total-variation/,
    ],
    [
      "negative regularization",
      () => differentiate(y, 1, { smooth: "total-variation", regularization: -1 }),
      "INVALID_OPTION",
      /got -1/,
    ],
    ["options not an object", () => differentiate(y, 1, 3 as never), "INVALID_OPTION", /invalid options/],
  ] as const)("%s", (_, fn, code, message) => expectError(fn, code, message));

  it("grid operators check the shape, the axes and the samples along each axis", () => {
    expectError(() => gridGradient([1, 2, 3, 4], [2, 3], 1), "INVALID_SHAPE", /product is y\.length = 4/);
    expectError(() => gridMixedPartial(new Float64Array(16), [4, 4], 1, [0, 5]), "INVALID_INDEX", /got 5/);
    expectError(() => gridMixedPartial(new Float64Array(16), [4, 4], 1, []), "INVALID_ORDER", /axes/);
    expectError(
      () => gridLaplacian(new Float64Array(6), [2, 3], 1),
      "INVALID_SAMPLES",
      /invalid shape\[0\]; expected >= 4 \(order 2 with accuracy 2\), got 2/,
    );
  });
});

describe("differentiate: stencils", () => {
  it("are exact on polynomials of degree < order + accuracy, edges included (x² with accuracy 2)", () => {
    expect(Array.from(differentiate([0, 1, 4, 9, 16], 1).value)).toEqual([0, 2, 4, 6, 8]);
    expect(Array.from(differentiate([0, 1, 4, 9, 16], 1, { order: 2 }).value)).toEqual([2, 2, 2, 2, 2]);
  });

  it("converge at their accuracy order: halving h divides the error by about 2^p", () => {
    for (const p of [2, 4, 6]) {
      const err = (n: number) => {
        const x = Float64Array.from({ length: n }, (_, i) => (i / (n - 1)) * 2);
        const r = differentiate(Float64Array.from(x, Math.exp), x, { accuracy: p });
        return Math.max(...r.value.map((v, i) => Math.abs(v - Math.exp(x[i]))));
      };
      const ratio = err(41) / err(81);
      expect(Math.log2(ratio)).toBeGreaterThan(p - 0.5);
      expect(Math.log2(ratio)).toBeLessThan(p + 1.5);
    }
  });

  it("handle non-uniform grids: d/dx sin on a stretched grid, accuracy 4, error below 1e-6", () => {
    const x = Float64Array.from({ length: 80 }, (_, i) => 3 * (i / 79) ** 1.5);
    const r = differentiate(Float64Array.from(x, Math.sin), x, { accuracy: 4 });
    r.value.forEach((v, i) => expect(Math.abs(v - Math.cos(x[i]))).toBeLessThan(1e-5));
  });

  it("estimate the error of smooth data by |D_p − D_{p+2}|, within a factor 3 of the actual error", () => {
    const x = Float64Array.from({ length: 60 }, (_, i) => i / 10);
    const r = differentiate(Float64Array.from(x, Math.sin), x, { accuracy: 4 });
    expect(r.errorNote).toMatch(/D_4 − D_6/);
    for (let i = 0; i < x.length; i++) {
      const actual = Math.abs(r.value[i] - Math.cos(x[i]));
      if (actual < 1e-12) continue;
      expect(r.error[i] / actual).toBeGreaterThan(1 / 3);
      expect(r.error[i] / actual).toBeLessThan(3);
    }
  });

  it("say the estimate is absent, with NaN and the reason, when there are too few samples for it", () => {
    const r = differentiate([1, 2, 4], 1);
    expect(Array.from(r.error).every(Number.isNaN)).toBe(true);
    expect(r.errorNote).toMatch(/^absent: 3 samples are too few/);
    expect(differentiate([1, 2, 4, 7, 11], 1, { errors: false }).errorNote).toMatch(/^absent: not requested/);
  });

  it("carry NaN in the samples to the derivatives that use them (NaN is data)", () => {
    const r = differentiate([0, 1, NaN, 9, 16, 25, 36], 1);
    expect(Number.isNaN(r.value[1]) && Number.isNaN(r.value[3])).toBe(true);
    expect(r.value[2]).toBe(4); // the central stencil of the first derivative does not use y[2]
    expect(r.value[5]).toBe(10);
  });

  it("differentiate along any axis of a row-major array, and negative axes count from the end", () => {
    // f = x² + 10 y on a 5×4 grid, x on axis 0
    const f = Float64Array.from({ length: 20 }, (_, k) => Math.floor(k / 4) ** 2 + 10 * (k % 4));
    const dx = differentiate(f, 1, { shape: [5, 4], axis: 0 }).value;
    const dy = differentiate(f, 1, { shape: [5, 4], axis: -1 }).value;
    for (let k = 0; k < 20; k++) {
      expect(dx[k]).toBeCloseTo(2 * Math.floor(k / 4), 12);
      expect(dy[k]).toBeCloseTo(10, 12);
    }
  });

  it("grid operators estimate their error by |D_p − D_{p+2}| too, or say why not", () => {
    const n = 20;
    const h = 0.1;
    const f = Float64Array.from(
      { length: n * n },
      (_, k) => Math.sin(Math.floor(k / n) * h) * Math.cos((k % n) * h),
    );
    const r = gridMixedPartial(f, [n, n], h, [0, 1]);
    for (const k of [0, 5 * n + 7, 12 * n + 19, n * n - 1]) {
      const truth = -Math.cos(Math.floor(k / n) * h) * Math.sin((k % n) * h);
      const actual = Math.abs(r.value[k] - truth);
      expect(r.error[k] / actual).toBeGreaterThan(1 / 3);
      expect(r.error[k] / actual).toBeLessThan(3);
    }
    const small = gridLaplacian(new Float64Array(30), [5, 6], h);
    expect(small.errorNote).toBe("absent: 5 samples are too few for the accuracy-4 comparison (needs 6)");
  });

  it("gridGradient stacks the partials along each axis", () => {
    const f = Float64Array.from({ length: 20 }, (_, k) => Math.sin(Math.floor(k / 4)) * (k % 4));
    const g = gridGradient(f, [5, 4], [1, 0.5]);
    expect(Array.from(g[1].value)).toEqual(
      Array.from(differentiate(f, [1, 0.5], { shape: [5, 4], axis: 1 }).value),
    );
  });

  it("never change the caller's arrays", () => {
    const y = [1, 3, 2, 5, 4, 6, 8, 7];
    const x = [0, 1, 2.5, 3, 4, 5.5, 6, 7];
    const yc = [...y];
    const xc = [...x];
    differentiate(y, x, { accuracy: 4 });
    differentiate(y, x, { edgeOrder: 2 });
    differentiate(y, x, { smooth: "auto" });
    differentiate(y, x, { smooth: "total-variation" });
    expect(y).toEqual(yc);
    expect(x).toEqual(xc);
    const f = Float64Array.from(y);
    differentiate(f, [1, x.slice(0, 4)], { shape: [2, 4], axis: 1 });
    gridLaplacian(
      Float64Array.from({ length: 16 }, (_, k) => f[k % 8]),
      [4, 4],
      1,
    );
    expect(Array.from(f)).toEqual(yc);
  });
});

describe("differentiate: noisy data", () => {
  it("Savitzky–Golay with the GCV window: RMS error on the noisy sine at least 10× below central differences", () => {
    const { y, h, truth } = noisySine();
    const plain = rms(differentiate(y, h).value, truth);
    const r = differentiate(y, h, { smooth: "auto" });
    expect(r.method).toBe("savitzky-golay");
    expect(r.chosenBy).toBe("gcv");
    expect(r.window).toBeGreaterThan(20);
    expect(r.degree).toBe(3);
    expect(plain).toBeGreaterThan(1); // σ/(h√2) ≈ 1.1
    expect(rms(r.value, truth)).toBeLessThan(plain / 10);
    expect(Array.from(r.error).every(Number.isNaN)).toBe(true);
    expect(r.errorNote).toMatch(/^absent: /);
    expect(r.noise).toBeGreaterThan(0.008);
    expect(r.noise).toBeLessThan(0.012);
  });

  it("total variation with α by the discrepancy principle: the noisy sine, 10× below central differences too", () => {
    const { y, h, truth } = noisySine(11);
    const plain = rms(differentiate(y, h).value, truth);
    const r = differentiate(y, h, { smooth: "total-variation" });
    expect(r.method).toBe("total-variation");
    expect(r.chosenBy).toBe("discrepancy");
    expect(r.regularization).toBeGreaterThan(0);
    expect(rms(r.value, truth)).toBeLessThan(plain / 10);
  });

  it("total variation keeps the jump of the derivative of a kink sharp (|x − π| with 1% noise)", () => {
    const gauss = normals(3);
    const n = 1000;
    const x = Float64Array.from({ length: n }, (_, i) => (2 * Math.PI * i) / (n - 1));
    const y = Float64Array.from(x, (t) => Math.abs(t - Math.PI) + 0.01 * gauss());
    const truth = (i: number) => (x[i] < Math.PI ? -1 : 1);
    const tv = differentiate(y, x, { smooth: "total-variation" });
    const sg = differentiate(y, x, { smooth: "auto" });
    expect(rms(tv.value, truth)).toBeLessThan(rms(sg.value, truth));
    // away from the kink (more than 0.2 from π), the derivative is within 0.05 of ±1
    x.forEach((t, i) => {
      if (Math.abs(t - Math.PI) > 0.2) expect(Math.abs(tv.value[i] - truth(i))).toBeLessThan(0.05);
    });
  });

  it("a given window or α is used as given and reported", () => {
    const { y, h } = noisySine();
    const sg = differentiate(y, h, { smooth: "savitzky-golay", window: 51, degree: 2 });
    expect([sg.window, sg.degree, sg.chosenBy]).toEqual([51, 2, "given"]);
    const tv = differentiate(y.subarray(0, 200), h, { smooth: "total-variation", regularization: 0.01 });
    expect([tv.regularization, tv.chosenBy]).toEqual([0.01, "given"]);
  });

  it("Savitzky–Golay takes coordinates uniform to 1e-9 as uniform (a CSV of linspace): same window, values to 1e-9", () => {
    const { x, y, h } = noisySine();
    const printed = Float64Array.from(x, (t) => Number(t.toPrecision(15)));
    const a = differentiate(y, h, { smooth: "auto" });
    const b = differentiate(y, printed, { smooth: "auto" });
    expect(b.window).toBe(a.window);
    b.value.forEach((v, i) => expect(Math.abs(v - a.value[i])).toBeLessThan(1e-9));
  });

  it("GCV tries odd windows from degree + 2 up to MAX_WINDOW, whatever the number of samples", () => {
    const w = candidateWindows(100_000, 3);
    expect(w[0]).toBe(5);
    expect(w[w.length - 1]).toBe(MAX_WINDOW);
    expect(w.every((v) => v % 2 === 1)).toBe(true);
    expect(candidateWindows(1000, 3).at(-1)).toBe(499);
  });

  it("noiseLevel estimates σ of white noise on smooth samples within 20%", () => {
    expect(noiseLevel(noisySine().y) / 0.01).toBeCloseTo(1, 0);
    expect(noiseLevel(Float64Array.of(1, 2, 3, 4, 5))).toBe(0);
  });
});
