/** The figure extractor's public surface (the logic is in extract-figures.ts and the span extractors). */
export { extractFigures } from './extract-figures';
export { extractMoney, extractPercents } from './measures-api';
export { extractNumbers } from './numbers';
export { extractNumberRanges } from './ranges';
