import { describe, expect, it } from "vitest";
import { derivative, STATUSES } from "../../src/core/index.js";

describe("derivative(f, xs): many points", () => {
  it("entry i is derivative(f, xs[i]) bit for bit, in typed arrays", () => {
    const xs = [-2, 0, 1e-12, 1, 37.5, NaN];
    const r = derivative(Math.exp, xs, { order: 2 });
    xs.forEach((x, i) => {
      const one = derivative(Math.exp, x, { order: 2 });
      expect(r.value[i]).toBe(one.value);
      expect(r.error[i]).toBe(one.error);
      expect(r.step[i]).toBe(one.step);
      expect(STATUSES[r.statuses[i]]).toBe(one.status ?? "ok");
    });
    expect(r.value).toBeInstanceOf(Float64Array);
    expect(r.statuses).toBeInstanceOf(Uint8Array);
    expect(Math.abs(r.value[3] - Math.E)).toBeLessThan(1e-12 * Math.E);
    expect(r.status).toBe("not-finite"); // the NaN point
  });

  it("a batched f gets whole rounds and gives the same bits; the caller's array is unchanged", () => {
    const xs = new Float64Array([0.1, 0.5, 0.9]);
    const sizes: number[] = [];
    const batch = (t: Float64Array): Float64Array => (sizes.push(t.length), t.map(Math.asin));
    const r = derivative(batch, xs, { batch: true });
    expect(r.value).toStrictEqual(derivative(Math.asin, xs).value);
    expect(Math.max(...sizes)).toBeGreaterThanOrEqual(6); // every point's stencil row at once
    expect(xs).toStrictEqual(new Float64Array([0.1, 0.5, 0.9]));
  });

  it("bad points throw NumdiffError naming x", () => {
    expect(() => derivative(Math.sin, [])).toThrow(/invalid x; expected a non-empty array/);
    expect(() => derivative(Math.sin, [1, "a"] as unknown as number[])).toThrow(/invalid x\[1\]/);
    expect(() => derivative(Math.sin, "1" as unknown as number)).toThrow(/a number or an array of numbers/);
  });
});
