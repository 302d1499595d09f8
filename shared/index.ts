/**
 * The parser's facade: `parseSheet` and the contract types it produces, for callers outside the parser
 * (the pipeline, the CLI's local `parse`, the benches and scripts) that should not reach into `parse/` or
 * `figures/`. Everything here is re-exported; the code lives in `parse/`, `figures/` and `model.ts`.
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
