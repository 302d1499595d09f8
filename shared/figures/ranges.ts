/**
 * Number ranges as intervals (`between 20 and 30` → `[20,30)`, `more than 40` → `(40,)`, `at most 100 and at
 * least 20` → `[20,100]`), written the way the Recognizers-Text suite writes them. Lenient number reading.
 */
import { matchingCopy } from './matching-copy';
import { type NumberSpan, numbersInCopy } from './numbers';

export interface RangeSpan {
  start: number;
  end: number;
  /** Interval notation: `[20,30)`, `(40,)`, `(,100]`, `[170,170]`. */
  interval: string;
}

type Op = 'gt' | 'ge' | 'lt' | 'le' | 'eq';

const PHRASES: Readonly<Record<Op, readonly string[]>> = {
  ge: [
    'greater than or equal to',
    'more than or equal to',
    'higher than or equal to',
    'larger than or equal to',
    'bigger than or equal to',
    'greater or equal than',
    'higher or equal than',
    'bigger or equal than',
    'larger or equal than',
    'more or equal than',
    'equal to or more than',
    'equal to or greater than',
    'equal to or higher than',
    'at least or equal to',
    'no less than',
    'not less than',
    'no fewer than',
    'at least',
    '>=',
    '> =',
  ],
  le: [
    'less than or equal to',
    'smaller than or equal to',
    'lower than or equal to',
    'fewer than or equal to',
    'less or equal than',
    'smaller or equal than',
    'lower or equal than',
    'equal to or less than',
    'equal to or smaller than',
    'equal to or fewer than',
    'equal to or lower than',
    'no more than',
    'not more than',
    'no greater than',
    'at most',
    'up to',
    '<=',
    '< =',
  ],
  gt: [
    'more than',
    'greater than',
    'larger than',
    'bigger than',
    'higher than',
    'over',
    'above',
    'exceeding',
    'exceeds',
    'exceed',
    'surpassing',
    'surpass',
    '>',
  ],
  lt: ['less than', 'fewer than', 'smaller than', 'lower than', 'below', 'under', '<'],
  eq: ['equals to', 'equal to', 'equaling to', 'equals', 'equaling', '='],
};

const OP_OF = new Map<string, Op>();
for (const [op, list] of Object.entries(PHRASES) as [Op, readonly string[]][])
  for (const p of list) OP_OF.set(p, op);

// `<`, `>` and `=` are not special in a regex; spaces may be several.
const phrasePattern = (p: string) => p.replace(/ /g, '\\s+');
const OP_BEFORE = new RegExp(
  `(?:^|(?<![<>=]))(${[...OP_OF.keys()]
    .sort((a, b) => b.length - a.length)
    .map((p) => (/^[a-z]/.test(p) ? `\\b${phrasePattern(p)}` : phrasePattern(p)))
    .join('|')})\\s*$`,
  'i',
);

const SUFFIX_GE = /^\s+(?:or|and)\s+(?:more|greater|higher|larger|above)(?:\s+than)?\b/i;
const SUFFIX_LE = /^\s+(?:or|and)\s+(?:less|fewer|smaller|lower|below)(?:\s+than)?\b/i;
const OR_EQUAL = /^\s+or\s+equal(?:\s+to)?\b/i;
const BETWEEN = /\b(?:between|from)\s*$/i;
const BETWEEN_JOIN = /^\s+(?:and|to)\s+$/i;
const TO_JOIN = /^(?:\s+(?:to|through|thru)\s+|\s*[-~]\s*)$/i;
const MERGE_JOIN = /^\s*(?:,|and|but|,\s*and|,\s*but)\s*$/i;

interface Bound {
  start: number;
  end: number;
  low?: { value: number; open: boolean };
  high?: { value: number; open: boolean };
}

function format(b: Bound): string {
  const low = b.low === undefined ? '(' : `${b.low.open ? '(' : '['}${b.low.value}`;
  const high = b.high === undefined ? ')' : `${b.high.value}${b.high.open ? ')' : ']'}`;
  return `${low},${high}`;
}

/** Every number range of `text`, in text order; `[start, end)` indexes `text`. Never throws. */
export function extractNumberRanges(text: string): RangeSpan[] {
  const copy = matchingCopy(text);
  const nums = numbersInCopy(copy, true);
  const bounds: Bound[] = [];
  for (let i = 0; i < nums.length; i++) {
    const n = nums[i] as NumberSpan;
    const next = nums[i + 1];
    // `between 20 and 30`, `from 1000 to 1500`, `20 through 100`, `1000-5000`, `20~100`.
    if (next !== undefined && next.value > n.value) {
      const gap = copy.slice(n.end, next.start);
      const lead = BETWEEN.exec(copy.slice(Math.max(0, n.start - 12), n.start));
      const plainDash = /^\s*-\s*$/.test(gap)
        ? !/[-+/\d]/.test(copy.charAt(n.start - 1)) && !/[-/]/.test(copy.charAt(next.end))
        : true;
      if ((lead !== null && BETWEEN_JOIN.test(gap)) || (lead === null && TO_JOIN.test(gap) && plainDash)) {
        bounds.push({
          start: lead === null ? n.start : n.start - lead[0].length,
          end: next.end,
          low: { value: n.value, open: false },
          high: { value: next.value, open: true },
        });
        i++;
        continue;
      }
    }
    const before = OP_BEFORE.exec(copy.slice(Math.max(0, n.start - 40), n.start));
    const phrase = before?.[1];
    const after = copy.slice(n.end, n.end + 32);
    const nextStartsAt = (len: number) =>
      next !== undefined && /^\s*$/.test(copy.slice(n.end + len, next.start));
    if (before === null || phrase === undefined) {
      const ge = SUFFIX_GE.exec(after) ?? undefined;
      const le = SUFFIX_LE.exec(after) ?? undefined;
      const suffix = ge ?? le;
      if (suffix !== undefined && !nextStartsAt(suffix[0].length))
        bounds.push({
          start: n.start,
          end: n.end + suffix[0].length,
          ...(ge === undefined
            ? { high: { value: n.value, open: false } }
            : { low: { value: n.value, open: false } }),
        });
      continue;
    }
    let op = OP_OF.get(phrase.toLowerCase().replace(/\s+/g, ' ')) ?? 'eq';
    let end = n.end;
    const orEqual = OR_EQUAL.exec(after);
    const orLess = SUFFIX_LE.exec(after);
    const orMore = SUFFIX_GE.exec(after);
    if ((op === 'gt' || op === 'lt') && orEqual !== null && !nextStartsAt(orEqual[0].length)) {
      op = op === 'gt' ? 'ge' : 'le';
      end += orEqual[0].length;
    } else if (op === 'eq' && orLess !== null && !nextStartsAt(orLess[0].length)) {
      op = 'le';
      end += orLess[0].length;
    } else if (op === 'eq' && orMore !== null && !nextStartsAt(orMore[0].length)) {
      op = 'ge';
      end += orMore[0].length;
    }
    const start = n.start - before[0].length + before[0].indexOf(phrase);
    const v = n.value;
    const bound: Bound =
      op === 'eq'
        ? { start, end, low: { value: v, open: false }, high: { value: v, open: false } }
        : op === 'gt' || op === 'ge'
          ? { start, end, low: { value: v, open: op === 'gt' } }
          : { start, end, high: { value: v, open: op === 'lt' } };
    bounds.push(bound);
  }
  return merge(copy, bounds).map((b) => ({ start: b.start, end: b.end, interval: format(b) }));
}

/** `more than 10 and less than 20` → `(10,20)`: a lower and an upper bound joined by `and`, when consistent. */
function merge(copy: string, bounds: Bound[]): Bound[] {
  const out: Bound[] = [];
  for (let i = 0; i < bounds.length; i++) {
    const a = bounds[i] as Bound;
    const b = bounds[i + 1];
    if (b !== undefined && MERGE_JOIN.test(copy.slice(a.end, b.start))) {
      const oneSided = (x: Bound) => (x.low === undefined) !== (x.high === undefined);
      const low = a.low ?? b.low;
      const high = a.high ?? b.high;
      if (
        oneSided(a) &&
        oneSided(b) &&
        low !== undefined &&
        high !== undefined &&
        low.value < high.value &&
        (a.low === undefined) !== (b.low === undefined)
      ) {
        out.push({ start: a.start, end: b.end, low, high });
        i++;
        continue;
      }
    }
    out.push(a);
  }
  return out;
}
