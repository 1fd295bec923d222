import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-cpu";
import "@tensorflow/tfjs-core/dist/register_all_gradients.js";
import { beforeAll, describe, expect, it } from "vitest";
import { checkGradient, gradient } from "../../src/core/index.js";

// TensorFlow.js computes in float32, as a model in the browser does. (vitest.config.ts inlines it:
// its ESM build uses directory imports that Node's own loader refuses.)
const loss = (x: tf.Tensor): tf.Scalar => tf.sum(tf.mul(tf.tanh(x), tf.square(x)));
const f = (x: Float64Array): number => tf.tidy(() => loss(tf.tensor1d(Array.from(x))).dataSync()[0]);
const tfGrad = tf.grad(loss);
const grad = (x: Float64Array): number[] =>
  Array.from(tf.tidy(() => tfGrad(tf.tensor1d(Array.from(x))).dataSync()));
const x = [0.3, -1.2, 2.0];
/** d/dx [tanh(x)·x²] = x²·(1 − tanh²x) + 2x·tanh x, in doubles. */
const truth = x.map((v) => v * v * (1 - Math.tanh(v) ** 2) + 2 * v * Math.tanh(v));

beforeAll(async () => {
  await tf.setBackend("cpu");
});

describe("checkGradient on a float32 function (TensorFlow.js, CPU backend)", () => {
  it("the numerical gradient of the float32 f is noise-limited and its error covers the truth", () => {
    const g = gradient(f, x);
    for (let i = 0; i < x.length; i++) {
      expect(Math.abs(g.value[i] - truth[i]), `component ${i}`).toBeLessThanOrEqual(g.error[i]);
      // float32 noise of ~6e-8·|f| limits a central difference to ~1e-5 relative (E* ≈ ε^(2/3)).
      expect(g.error[i]).toBeLessThan(1e-3 * Math.abs(truth[i]));
    }
    expect(g.status).toBe("noise-limited");
  });

  it("tf.grad's gradient passes (it differs from the numerical one by less than the numerical error)", () => {
    const r = checkGradient(f, grad, x);
    expect(r.pass).toBe(true);
    expect(r.worst.relativeError).toBeGreaterThan(1e-6); // would fail a check that ignored the error
  });

  it("a gradient 0.1% off in one component fails, naming that component", () => {
    const wrong = (p: Float64Array): number[] => grad(p).map((v, i) => (i === 1 ? v * 1.001 : v));
    const r = checkGradient(f, wrong, x);
    expect(r.pass).toBe(false);
    expect(r.worst.index).toBe(1);
  });
});
