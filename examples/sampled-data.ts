/**
 * Derivatives of sampled data: exact stencils on smooth samples, numpy.gradient's semantics, and a
 * noisy sine smoothed by Savitzky–Golay (window by GCV) and by total variation.
 *
 * ```sh
 * npx tsx examples/sampled-data.ts
 * ```
 */
import { differentiate, gridLaplacian } from "../src/core/index.js";

console.log(differentiate([0, 1, 4, 9, 16], 1).value.join(", "));

const x = Array.from({ length: 50 }, (_, i) => i / 10);
const r = differentiate(x.map(Math.sin), x, { accuracy: 4 });
console.log(
  `d/dx sin at 2: ${r.value[20]}, estimated error ${r.error[20].toExponential(2)}, true error ${Math.abs(r.value[20] - Math.cos(2)).toExponential(2)}`,
);

console.log(differentiate([1, 2, 4, 7, 11], [0, 1, 2, 3, 4], { edgeOrder: 1 }).value.join(", "));

// the noisy sine: 1,000 samples on [0, 2π], noise of 1% of the amplitude (seeded)
let seed = 42;
const uniform = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
const gauss = () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
const t = Array.from({ length: 1000 }, (_, i) => (2 * Math.PI * i) / 999);
const noisy = t.map((v) => Math.sin(v) + 0.01 * gauss());
const rms = (d: Float64Array) =>
  Math.sqrt(d.reduce((s, v, i) => s + (v - Math.cos(t[i])) ** 2, 0) / d.length);
const plain = differentiate(noisy, t);
const sg = differentiate(noisy, t, { smooth: "auto" });
const tv = differentiate(noisy, t, { smooth: "total-variation" });
console.log(`central differences: RMS error ${rms(plain.value).toFixed(3)}`);
console.log(
  `Savitzky–Golay: RMS error ${rms(sg.value).toFixed(4)}, window ${sg.window}, degree ${sg.degree} (${sg.chosenBy})`,
);
console.log(
  `total variation: RMS error ${rms(tv.value).toFixed(4)}, α = ${tv.regularization?.toPrecision(3)} (${tv.chosenBy})`,
);

// the Laplacian of x² + y² on a 5×5 grid of spacing 0.5: 4 everywhere, edges included
const f = Array.from({ length: 25 }, (_, k) => (0.5 * Math.floor(k / 5)) ** 2 + (0.5 * (k % 5)) ** 2);
console.log(
  `Laplacian: ${Math.min(...gridLaplacian(f, [5, 5], 0.5).value)} to ${Math.max(...gridLaplacian(f, [5, 5], 0.5).value)}`,
);
