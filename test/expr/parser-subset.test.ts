import fc from "fast-check";
import { all, create } from "mathjs";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { mathParse } from "../../src/expr/mathjs.js";

/** The whole math.js, configured as the formula layer's instance is. */
const whole = create(all, { number: "number", predictable: true });

/** The tree as JSON, or the parser's error message. */
function tree(parse: (text: string) => unknown, text: string): string {
  try {
    return JSON.stringify(parse(text));
  } catch (e) {
    return `error: ${(e as Error).message}`;
  }
}

const HAND = [
  ...["5 cm", "5cm", "2t", "x to cm", "x in inch", "x mod 3", "x!", "x'", "[1,2]", "{a:1}", "1:3", "a=1"],
  ...["f(x)=x", "x;y", "0xFF", "0b101", "0o17", "0xFFi8", "1e", "1e400", "1_000", ".5", "5.", "x ? 1 : 2"],
  ...["1 < x <= 2", "not x", "x and y", "x << 2", "x >>> 1", "~x", "x.y", "x[1]", '"s"', "i", "Infinity"],
  ...["NaN", "null", "true", "2 x y", "(1)(2)", "sin x", "log(x, 2)", "-x^-2", "x^y^z", "10%", "x % 3"],
  ...["x .* y", "x .^ 2", "+-+x", "µ", "x²"],
];

const TOKENS = [
  ...["x", "y", "1", "2.5", "1e3", "+", "-", "*", "/", "^", "(", ")", ",", "sin", "log", "<", "==", "?"],
  ...[":", " ", "!", "'", "%", "cm", "mod", "to", "in", "and", "not", ".", "[", "]", "e", "pi", "i", "0x1F"],
  ...["=", ";", "&", "|", "~", "<<"],
];

describe("the parser built from factories reads every text as the whole math.js does", () => {
  it("the same tree or the same error, for hand-picked texts and the fuzz corpus", () => {
    const corpus = (
      JSON.parse(readFileSync(new URL("./fuzz-corpus.json", import.meta.url), "utf8")) as {
        entries: { formula?: string }[];
      }
    ).entries.flatMap((e) => (e.formula === undefined ? [] : [e.formula]));
    for (const text of [...HAND, ...corpus]) {
      expect(tree(mathParse, text), text).toBe(tree((t) => whole.parse(t), text));
    }
  });

  it("the same tree or the same error, for random strings of math.js's tokens", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...TOKENS), { maxLength: 14 }), (tokens) => {
        const text = tokens.join("");
        expect(tree(mathParse, text)).toBe(tree((t) => whole.parse(t), text));
      }),
      { numRuns: 3000, seed: 11 },
    );
  });
});
