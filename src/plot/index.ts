export * from "./constants.js";
export { round } from "./round.js";
export { element, escapeXml, svgDocument, type Attributes, type SvgDocumentOptions } from "./svg.js";
export {
  DEFAULT_MARGINS,
  equalAspect,
  equalAspectFrame,
  Y_LABEL_ROOM,
  makeFrame,
  type AxisSpec,
  type Frame,
  type Margins,
  type Scale,
} from "./frame.js";
export {
  clipPlotArea,
  drawAxes,
  drawTitle,
  MIN_TITLE_FONT,
  SUBTITLE_LINE,
  TICK_LABEL_GAP,
  TITLE_SIDE,
  wrapSubtitles,
  type AxisLabels,
} from "./axes.js";
export { FONT_SIZES, GLYPH_WIDTH_EM, textWidth } from "./text.js";
export {
  MAX_TICK_LABEL,
  MAX_TICKS,
  powerOfTen,
  tickLabels,
  ticksOf,
  type AxisTicks,
  type Tick,
} from "./ticks.js";
export {
  drawLegend,
  legendBox,
  legendCorner,
  legendFontSize,
  MIN_LEGEND_FONT,
  type Corner,
  type LegendEntry,
} from "./legend.js";
export { LABEL_OFFSET, overlaps, placeLabel, type Box, type Placement } from "./place.js";
export { marker, type MarkerShape } from "./marker.js";
export { linePath } from "./path.js";
export { MAX_FIGURE_SIZE, MIN_FIGURE_SIZE, type FigureOptions } from "./validate.js";
export { frameAttribute } from "./frame-attribute.js";
export { tangentFigure, TANGENT_SAMPLES, type TangentFigureOptions } from "./tangent.js";
export {
  curveSamples,
  EDGE_REFINEMENTS,
  FRAME_HALF_WIDTHS,
  FRAME_INTERIOR,
  FRAME_PADDING,
  GROWTH_LIMIT,
  POLE_SPREAD,
  tangentDomain,
  yExtent,
  type CurveSamples,
} from "./tangent-data.js";
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
  ARROW_RANGE,
  NARROW_FIGURE,
  fieldDomain,
  BOOK_FIELD_GRID,
  DEFAULT_FIELD_DOMAIN,
  DEFAULT_FIELD_POINTS,
  gradientFieldFigure,
  type GradientFieldOptions,
  type Range,
} from "./field.js";
export { CONTOUR_CELLS, LEVEL_COUNT, levelCurves } from "./levels.js";
export { checkLearningRate, isLearningRate } from "./learning-rate.js";
export {
  BOOK_DESCENT_DOMAIN,
  descentFigure,
  DESCENT_LR,
  DENSE_PATH_POINTS,
  DESCENT_STEPS,
  MARKER_SPACING,
  sparseMarkers,
  MAX_DESCENT_STEPS,
  PATH_PADDING,
  type DescentFigureOptions,
} from "./descent.js";
export { samplesFigure, PANEL_GAP, SAMPLE_MARKER_LIMIT, type SamplesFigureOptions } from "./samples.js";
export { STATUS_DIGITS, statusInWords } from "./status.js";
export { LIMIT_OFFSETS, LIMIT_TOLERANCE, removableLimit } from "./limit.js";
