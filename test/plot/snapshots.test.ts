import { describe, expect, it } from "vitest";
import {
  BOOK_FIELD_GRID,
  descentFigure,
  errorCurveFigure,
  gradientFieldFigure,
  tangentFigure,
} from "../../src/plot/index.js";

/**
 * Compares a figure with the committed test/plot/snapshots/<name>.svg through vitest's file snapshots:
 * a mismatch fails with a diff (`vitest -u` rewrites the file), and a missing file fails under CI.
 */
async function expectSnapshot(name: string, svg: string): Promise<void> {
  await expect(svg).toMatchFileSnapshot(`./snapshots/${name}.svg`);
}

const seed = (x: number): number => 0.01 * x ** 2 + 0.1 * x;
const bowl = (x: Float64Array): number => x[0] ** 2 + x[1] ** 2;

describe("figure snapshots (committed SVGs, vitest file snapshots)", () => {
  it("tangent: the seed's figure, 0.01x² + 0.1x on [0, 20) with its tangent at 5", async () => {
    await expectSnapshot("tangent-seed", tangentFigure({ f: seed, x0: 5, domain: [0, 20] }));
  });

  it("tangent: a given slope and a function with a pole (gaps, not a broken path)", async () => {
    await expectSnapshot(
      "tangent-given-slope",
      tangentFigure({ f: (x) => 1 / x, x0: 1, slope: -1, domain: [-2, 3] }),
    );
  });

  it("error curve: the seed's function against its exact derivative 0.2", async () => {
    await expectSnapshot("error-curve-seed", errorCurveFigure({ f: seed, x0: 5, exact: 0.2 }));
  });

  it("error curve: sin at 1 without an exact derivative (numdiff's default is the reference)", async () => {
    await expectSnapshot("error-curve-sin-default", errorCurveFigure({ f: Math.sin, x0: 1 }));
  });

  it("gradient field: the book's x0² + x1² on its 18 × 18 grid over [-2, 2]²", async () => {
    await expectSnapshot(
      "field-book",
      gradientFieldFigure({ f: bowl, domain: [-2, 2], grid: BOOK_FIELD_GRID }),
    );
  });

  it("descent: the book's path from (-3, 4), lr 0.1, 20 steps over level curves", async () => {
    await expectSnapshot("descent-book", descentFigure({ f: bowl, start: [-3, 4], lr: 0.1, steps: 20 }));
  });
});
