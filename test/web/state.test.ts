import { describe, expect, it } from "vitest";
import {
  BOOK_FORMULA_2D,
  MAX_DESCENT_STEPS,
  MAX_URL_FORMULA_LENGTH,
  SEED_FORMULA,
  defaultState,
  parseState,
  serializeState,
} from "../../web/src/state.js";

describe("explorer URL state", () => {
  it("no parameters gives the seed's function at x = 5 and the book's descent setup", () => {
    expect(parseState("")).toEqual({
      formula: SEED_FORMULA,
      x: 5,
      x0: -3,
      x1: 4,
      lr: 0.1,
      steps: 20,
      h: 1e-4,
      range: null,
      box: null,
    });
    expect(SEED_FORMULA).toBe("0.01*x^2 + 0.1*x");
  });

  it("one-variable state round-trips through the URL with the exact point", () => {
    const state = { ...defaultState(), formula: "sin(x) * exp(-x/3) & 1", x: 0.1 + 0.2 };
    const search = serializeState(state, "1d");
    expect(search).toBe("?f=sin%28x%29+*+exp%28-x%2F3%29+%26+1&x=0.30000000000000004");
    const back = parseState(search);
    expect(back.formula).toBe(state.formula);
    expect(back.x).toBe(0.30000000000000004);
  });

  it("two-variable state round-trips: formula, point, learning rate and steps", () => {
    const state = { ...defaultState(), formula: "x0^2 + 3*x1^2", x0: -1.25, x1: 1e-7, lr: 0.05, steps: 37 };
    // (no range: the region starts where the point puts it)
    const search = serializeState(state, "2d");
    expect(search).not.toContain("&x=");
    expect(parseState(search)).toEqual(state);
  });

  it("a zoomed view round-trips as range=lo:hi (one variable) or range=a:b,c:d (two)", () => {
    const one = { ...defaultState(), range: [2.7777777777777777, 12.5] as const };
    expect(serializeState(one, "1d")).toBe("?f=0.01*x%5E2+%2B+0.1*x&x=5&range=2.7777777777777777%3A12.5");
    expect(parseState(serializeState(one, "1d")).range).toEqual([2.7777777777777777, 12.5]);
    const box = [
      [-1, 1],
      [-0.5, 2],
    ] as const;
    const two = { ...defaultState(), formula: "x0*x1", box };
    expect(parseState(serializeState(two, "2d")).box).toEqual(box);
    expect(serializeState({ ...defaultState(), range: null }, "1d")).not.toContain("range");
  });

  it("a malformed or empty range is ignored", () => {
    for (const r of ["5:1", "1:1", "a:2", "1:", ":", "1:2:3", "1:2,3", "NaN:1", "0:Infinity"]) {
      const s = parseState(`?range=${encodeURIComponent(r)}`);
      expect([s.range, s.box], r).toEqual([null, null]);
    }
  });

  it("a two-variable link without f opens the book's x0^2 + x1^2", () => {
    expect(parseState("?x0=1&x1=2")).toMatchObject({ formula: BOOK_FORMULA_2D, x0: 1, x1: 2 });
  });

  it("non-finite or malformed numbers fall back to the defaults", () => {
    const s = parseState("?f=x&x=abc&x0=Infinity&x1=&lr=-1&steps=0&h=0");
    expect(s).toEqual({ ...defaultState(), formula: "x" });
    expect(parseState(`?steps=${MAX_DESCENT_STEPS + 1}`).steps).toBe(20);
    expect(parseState("?steps=3.4").steps).toBe(3);
    expect(parseState("?h=10").h).toBe(1e-4);
    expect(parseState("?h=1e-6").h).toBe(1e-6);
  });

  it("a formula from the URL is cut at MAX_URL_FORMULA_LENGTH characters", () => {
    const long = "x+".repeat(MAX_URL_FORMULA_LENGTH);
    expect(parseState(`?f=${encodeURIComponent(long)}`).formula).toHaveLength(MAX_URL_FORMULA_LENGTH);
  });

  it("the formula text is kept verbatim, hostile or not (the formula layer refuses it later)", () => {
    const hostile = 'cos.constructor("alert(1)")()';
    expect(parseState(`?f=${encodeURIComponent(hostile)}`).formula).toBe(hostile);
  });
});
