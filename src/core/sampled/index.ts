export * from "./constants.js";
export * from "./smoothing-constants.js";
export type { DifferentiateOptions, Grid, Grids, SampledMethod, SampledResult, Smoothing } from "./types.js";
export { fornbergWeights } from "./weights.js";
export { differentiate } from "./differentiate.js";
export { gridGradient, gridMixedPartial, gridLaplacian, type GridOptions } from "./grid-operators.js";
export { noiseLevel } from "./noise-level.js";
