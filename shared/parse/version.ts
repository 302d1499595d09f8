/**
 * The parser's version. Bump it whenever the same bytes would parse differently: the pipeline reprocesses
 * every sheet whose stored `parserVersion` differs.
 */
export const PARSER_VERSION = '1.1.0';
