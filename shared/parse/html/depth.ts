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
/** Comments, script/style bodies (skipped whole) and tags, with names as htmlparser2 reads them. */
const TOKEN =
  /<!--[\s\S]*?(?:-->|$)|<(script|style)\b[^>]*>[\s\S]*?(?:<\/\1\s*>|$)|<(\/?)([a-zA-Z][^\s/>]*)[^>]*?(\/?)>/g;
const FOREIGN = new Set(['svg', 'math']);

/**
 * The deepest element nesting in `html`, from one linear scan of its tags (comments and script bodies
 * skipped), mirroring htmlparser2 in HTML mode: `<div/>` opens a div except inside SVG/MathML, and a close
 * tag with no open element of that name is ignored. Errs on the deep side (implied closes are not
 * modelled). Stops early once the depth passes `stopAbove`.
 */
export function maxNestingDepth(html: string, stopAbove = Number.POSITIVE_INFINITY): number {
  const stack: string[] = [];
  // How many of each name are open: makes "is it open?" O(1), so stray close tags cost nothing.
  const open = new Map<string, number>();
  let max = 0;
  let foreign = 0;
  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(html); match !== null; match = TOKEN.exec(html)) {
    const [, , closing, rawName, selfClosing] = match;
    if (rawName === undefined) continue;
    const name = rawName.toLowerCase();
    if (VOID.has(name) || OPTIONAL_END.has(name)) continue;
    if (closing === '/') {
      if (!open.get(name)) continue;
      for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
        open.set(top, open.get(top)! - 1);
        if (FOREIGN.has(top)) foreign--;
        if (top === name) break;
      }
    } else if (selfClosing !== '/' || foreign === 0) {
      if (FOREIGN.has(name)) foreign++;
      stack.push(name);
      open.set(name, (open.get(name) ?? 0) + 1);
      if (stack.length > max) max = stack.length;
      if (max > stopAbove) return max;
    }
  }
  return max;
}
