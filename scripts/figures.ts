/**
 * Writes the README figures to docs/figures/ as SVG and PNG, from the seed's and the book's functions:
 *
 *   npx tsx scripts/figures.ts
 *
 * tangent        0.01x² + 0.1x over [0, 20) with its tangent at x = 5 (the seed's figure)
 * error-curve    error versus step for the seed's function at x = 5 (exact derivative 0.2)
 * error-curve-sin  the same for sin at x = 1 (exact cos 1), where both differences show the V
 * gradient-field −∇(x0² + x1²) on the book's 18 × 18 grid over [-2, 2]²
 * descent        gradient descent on x0² + x1² from (-3, 4), lr 0.1, 20 steps
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  BOOK_FIELD_GRID,
  descentFigure,
  errorCurveFigure,
  gradientFieldFigure,
  tangentFigure,
} from "../src/plot/index.js";
import { svgToPng } from "../src/plot/png.js";

const OUT = join(dirname(fileURLToPath(import.meta.url)), "..", "docs", "figures");
const seed = (x: number): number => 0.01 * x ** 2 + 0.1 * x;
const bowl = (x: Float64Array): number => x[0] ** 2 + x[1] ** 2;

const figures: Record<string, () => string> = {
  tangent: () => tangentFigure({ f: seed, x0: 5, domain: [0, 20] }),
  "error-curve": () => errorCurveFigure({ f: seed, x0: 5, exact: 0.2 }),
  "error-curve-sin": () => errorCurveFigure({ f: Math.sin, x0: 1, exact: Math.cos(1) }),
  "gradient-field": () => gradientFieldFigure({ f: bowl, domain: [-2, 2], grid: BOOK_FIELD_GRID }),
  descent: () => descentFigure({ f: bowl, start: [-3, 4], lr: 0.1, steps: 20 }),
};

mkdirSync(OUT, { recursive: true });
for (const [name, make] of Object.entries(figures)) {
  const svg = make();
  writeFileSync(join(OUT, `${name}.svg`), svg);
  writeFileSync(join(OUT, `${name}.png`), svgToPng(svg));
  console.log(join("docs", "figures", `${name}.png`));
}
