/**
 * The book's gradient_simplenet.py (ch. 4.4.2): a one-layer network with the weights fixed to the
 * values the book prints (instead of np.random.randn), softmax, cross-entropy error (delta 1e-7),
 * and the gradient of the loss with respect to W by the book's numerical_gradient, through
 * `f = w => net.loss(x, t)`: numericalGradient perturbs net.W in place, row by row.
 * Run: npx tsx examples/simple-net.ts
 */
import { numericalGradient } from "../src/book/index.js";
import { checkGradient } from "../src/core/index.js";

function softmax(a: number[]): number[] {
  const c = Math.max(...a);
  const e = a.map((v) => Math.exp(v - c));
  const s = e.reduce((p, q) => p + q, 0);
  return e.map((v) => v / s);
}

function crossEntropyError(y: number[], t: number[]): number {
  const label = t.indexOf(Math.max(...t)); // one-hot label -> index (the book's t.argmax)
  return -Math.log(y[label] + 1e-7);
}

class SimpleNet {
  constructor(readonly W: Float64Array[]) {}

  predict(x: number[]): number[] {
    return [0, 1, 2].map((j) => x[0] * this.W[0][j] + x[1] * this.W[1][j]);
  }

  loss(x: number[], t: number[]): number {
    return crossEntropyError(softmax(this.predict(x)), t);
  }
}

const show = (g: ArrayLike<number>): string => `[${Array.from(g).join(", ")}]`;

const net = new SimpleNet([
  Float64Array.of(0.47355232, 0.9977393, 0.84668094),
  Float64Array.of(0.85557411, 0.03563661, 0.69422093),
]);
const x = [0.6, 0.9];
const t = [0, 0, 1];

console.log(`predict: ${show(net.predict(x))}`);
console.log(`loss: ${net.loss(x, t)}`);
const f = (): number => net.loss(x, t);
const dW = numericalGradient(f, net.W);
console.log(`dW: [${dW.map(show).join(", ")}]`);

// The analytic gradient of softmax + cross-entropy is x ⊗ (y - t) (ch. 5); check it against the
// library's default numerical gradient over the six weights.
const loss6 = (w: Float64Array): number => new SimpleNet([w.subarray(0, 3), w.subarray(3, 6)]).loss(x, t);
const analytic = (w: Float64Array): number[] => {
  const y = softmax(new SimpleNet([w.subarray(0, 3), w.subarray(3, 6)]).predict(x));
  // d loss / d y_label carries the 1e-7 of the error: y_label / (y_label + 1e-7)
  const k = y[2] / (y[2] + 1e-7);
  const g = y.map((v, j) => k * (v - t[j]));
  return [...g.map((v) => x[0] * v), ...g.map((v) => x[1] * v)];
};
const check = checkGradient(loss6, analytic, [...net.W[0], ...net.W[1]]);
console.log(
  `checkGradient: pass = ${check.pass}, worst relative error ${check.worst.relativeError.toExponential(2)}`,
);
