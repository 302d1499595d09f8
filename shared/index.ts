/**
 * The parser's public surface: `parseSheet` and the contract types it produces.
 */
export type {
  Block,
  ContentType,
  Figure,
  FigureKind,
  ListItem,
  ParsedSheet,
  ParseOptions,
  Period,
  Qualifier,
  Section,
} from './model';
export { FIGURE_KINDS } from './model';
export { detectContentType } from './parse/detect';
export { DEFAULT_MAX_BYTES, MAX_HTML_DEPTH } from './parse/limits';
export { parseSheet } from './parse/parse-sheet';
export { PARSER_VERSION } from './parse/version';
