/** Elements that never hold children. */
const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);
/** Elements whose end tag HTML lets authors omit: counting them would mistake a long page for a deep one. */
const OPTIONAL_END = new Set([
  'p',
  'li',
  'dt',
  'dd',
  'option',
  'optgroup',
  'tr',
  'td',
  'th',
  'thead',
  'tbody',
  'tfoot',
  'rt',
  'rp',
  'colgroup',
]);
const TOKEN =
  /<!--[\s\S]*?(?:-->|$)|<(script|style)\b[^>]*>[\s\S]*?(?:<\/\1\s*>|$)|<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)\b[^>]*?(\/?)>/g;

const FOREIGN = new Set(['svg', 'math']);

/**
 * The deepest element nesting in `html`, measured with one linear scan of its tags (comments and script
 * bodies skipped). Mirrors htmlparser2 in HTML mode: `<div/>` opens a div (the slash is ignored) except
 * inside SVG/MathML. An upper-bound estimate: close tags only unwind depth that open tags built.
 */
export function maxNestingDepth(html: string): number {
  let depth = 0;
  let max = 0;
  let foreign = 0;
  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(html); match !== null; match = TOKEN.exec(html)) {
    const [, , closing, rawName, selfClosing] = match;
    if (rawName === undefined) continue;
    const name = rawName.toLowerCase();
    if (VOID.has(name) || OPTIONAL_END.has(name)) continue;
    if (closing === '/') {
      if (depth > 0) depth--;
      if (FOREIGN.has(name) && foreign > 0) foreign--;
    } else if (selfClosing !== '/' || foreign === 0) {
      if (FOREIGN.has(name) && selfClosing !== '/') foreign++;
      depth++;
      if (depth > max) max = depth;
    }
  }
  return max;
}
