import { describe, expect, it } from "vitest";
import { derivative } from "../../src/core/index.js";
import { CLEANED_ROUNDING, cleanedKink, FIRST_ORDER_ROWS, firstOrderRow } from "../../src/core/kink-test.js";

describe("the kink test on the even part with its h² term removed (kink-test.ts)", () => {
  const rows = (E: (h: number) => number, h: number): [number, number, number, number] => [
    E(h / 8),
    E(h / 4),
    E(h / 2),
    E(h),
  ];

  it("sees a jump of 0.1 in f′ beside f″ = 6, and not a smooth even part, nor changes below rounding", () => {
    expect(CLEANED_ROUNDING).toBe(10);
    expect(cleanedKink(...rows((h) => 1 + 0.05 * h + 3 * h * h, 0.0625), 1e-16)).toBe(true);
    expect(cleanedKink(...rows(Math.cosh, 0.0625), 1e-16)).toBe(false);
    expect(cleanedKink(...rows((h) => 1 + 2 * h * h + 5 * h ** 4, 0.5), 1e-16)).toBe(false);
    expect(cleanedKink(...rows((h) => 1 + 1e-15 * h, 0.0625), 1e-16)).toBe(false);
  });

  it("so a kink with a small jump beside a large f″ is flagged: eˣ + (a or b)·(x − c) at c (before: the midpoint, error 6e-13)", () => {
    const c = 1.780038446187973;
    const [a, b] = [0.685, 0.786];
    const r = derivative((t) => Math.exp(t) + (t < c ? a : b) * (t - c), c);
    expect(r.status).toBe("not-differentiable");
    expect(Math.abs(r.left!.value - (Math.exp(c) + a))).toBeLessThanOrEqual(r.left!.error + 1e-8);
    expect(Math.abs(r.right!.value - (Math.exp(c) + b))).toBeLessThanOrEqual(r.right!.error + 1e-8);
  });

  it("a kink the first column saw counts after a rerun past noise: |sin t − sin c| at c = −0.933…", () => {
    const c = -0.9330799579620361;
    const r = derivative((t) => Math.abs(Math.sin(t) - Math.sin(c)), c);
    expect(r.status).toBe("not-differentiable");
    expect(Math.abs(r.right!.value - Math.cos(c))).toBeLessThan(1e-6);
  });

  it("smooth functions stay ok: exp, sin, a steep sin(30x), cosh at 0", () => {
    for (const [f, x] of [
      [Math.exp, 1.7],
      [Math.sin, 0.3],
      [(t: number) => Math.sin(30 * t), 0.41],
      [Math.cosh, 0],
    ] as const) {
      expect(derivative(f, x).status).toBe("ok");
    }
  });
});

describe("a first-order tail: C1 functions whose odd part converges like h (kink-test.ts, firstOrderRow)", () => {
  it("tells c·h from c·h² in the changes of the base differences", () => {
    expect(FIRST_ORDER_ROWS).toBe(2);
    const first = (h: number): number => 0.6 + 0.5 * h;
    const second = (h: number): number => 0.6 + 0.5 * h * h;
    expect(firstOrderRow(first(0.25), first(0.5), first(1), 0.5, 0.25)).toBe(true);
    expect(firstOrderRow(second(0.25), second(0.5), second(1), 0.5, 0.25)).toBe(false);
  });

  it("k·(x − c)|x − c| + sin x, the Huber loss + eˣ and a C1 splice at c: the error covers the truth (before: 1.0–1.25× below it)", () => {
    const huber = (u: number): number => (Math.abs(u) <= 1 ? 0.5 * u * u : Math.abs(u) - 0.5);
    const cases: [(t: number) => number, number, number][] = [
      [
        (t) => 0.5194782733917236 * (t - 0.9381780624389648) * Math.abs(t - 0.9381780624389648) + Math.sin(t),
        0.9381780624389648,
        Math.cos(0.9381780624389648),
      ],
      [
        (t) => huber(t + 0.17998600006103516 + 1) + Math.exp(t),
        -0.17998600006103516,
        1 + Math.exp(-0.17998600006103516),
      ],
      [
        (t) => (t < -0.171 ? Math.exp(t) : Math.exp(-0.171) * (1 + (t + 0.171) + 2 * (t + 0.171) ** 2)),
        -0.171,
        Math.exp(-0.171),
      ],
    ];
    for (const [f, x, truth] of cases) {
      const r = derivative(f, x);
      expect(r.status).toBe("ok");
      expect(Math.abs(r.value - truth)).toBeLessThanOrEqual(r.error);
      expect(r.error).toBeLessThan(1e-6);
    }
  });
});
