export * from "./constants.js";
export { round } from "./round.js";
export { element, escapeXml, svgDocument, type Attributes, type SvgDocumentOptions } from "./svg.js";
export { DEFAULT_MARGINS, makeFrame, type AxisSpec, type Frame, type Margins, type Scale } from "./frame.js";
export {
  clipPlotArea,
  drawAxes,
  drawTitle,
  FONT_SIZES,
  MAX_TICKS,
  powerOfTen,
  SUBTITLE_LINE,
  type AxisLabels,
} from "./axes.js";
export { drawLegend, GLYPH_WIDTH_EM, type LegendEntry } from "./legend.js";
export { marker, type MarkerShape } from "./marker.js";
export { linePath } from "./path.js";
export { MAX_FIGURE_SIZE, MIN_FIGURE_SIZE, type FigureOptions } from "./validate.js";
export { tangentFigure, TANGENT_SAMPLES, type TangentFigureOptions } from "./tangent.js";
export {
  errorCurveData,
  ERROR_FLOOR_RELATIVE,
  STEP_EXPONENTS,
  STEPS_PER_DECADE,
  ZERO_REFERENCE_FLOOR,
  type ErrorCurveData,
  type ErrorCurveDataOptions,
} from "./error-data.js";
export { errorCurveFigure, HEADROOM_DECADES, type ErrorCurveFigureOptions } from "./error-curve.js";
export {
  ARROW_FILL,
  fieldDomain,
  BOOK_FIELD_GRID,
  DEFAULT_FIELD_DOMAIN,
  DEFAULT_FIELD_POINTS,
  gradientFieldFigure,
  type GradientFieldOptions,
  type Range,
} from "./field.js";
export { CONTOUR_CELLS, LEVEL_COUNT, levelCurves } from "./levels.js";
export {
  BOOK_DESCENT_DOMAIN,
  descentFigure,
  DESCENT_LR,
  DESCENT_STEPS,
  MAX_DESCENT_STEPS,
  PATH_PADDING,
  type DescentFigureOptions,
} from "./descent.js";
export { STATUS_DIGITS, statusInWords } from "./status.js";
export { LIMIT_OFFSETS, LIMIT_TOLERANCE, removableLimit } from "./limit.js";
