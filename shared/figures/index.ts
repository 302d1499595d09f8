/** The figure extractor's public surface (the logic is in extract-figures.ts and the span extractors). */
export { extractFigures } from './extract-figures';
export { extractMoney, extractPercents, type MeasureSpan } from './measures-api';
export { extractNumbers, type NumberOptions, type NumberSpan } from './numbers';
export { extractNumberRanges, type RangeSpan } from './ranges';
