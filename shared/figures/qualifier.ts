/** Qualifiers written before a figure (`approximately`, `more than`, `past`), normalized to six values. */
import type { Qualifier } from '../model';

const QUALIFIERS: Readonly<Record<string, Qualifier>> = {
  approximately: 'approximately',
  about: 'approximately',
  around: 'approximately',
  roughly: 'approximately',
  some: 'approximately',
  'an estimated': 'approximately',
  'estimated at': 'approximately',
  'more than': 'over',
  over: 'over',
  above: 'over',
  past: 'over',
  exceeding: 'over',
  'in excess of': 'over',
  'upwards of': 'over',
  'less than': 'under',
  'fewer than': 'under',
  below: 'under',
  under: 'under',
  nearly: 'nearly',
  almost: 'nearly',
  'close to': 'nearly',
  'at least': 'at least',
  'no less than': 'at least',
  'up to': 'up to',
  'as many as': 'up to',
  'as much as': 'up to',
};

const BEFORE = new RegExp(
  `(?:^|[^\\w])(${Object.keys(QUALIFIERS)
    .sort((a, b) => b.length - a.length)
    .map((q) => q.replace(/ /g, '\\s+'))
    .join('|')})\\s+$`,
  'i',
);

/** The qualifier ending right before `pos` in `copy`, with where it starts; undefined when exact. */
export function qualifierBefore(
  copy: string,
  pos: number,
): { qualifier: Qualifier; start: number } | undefined {
  const from = Math.max(0, pos - 24);
  const window = copy.slice(from, pos);
  const m = BEFORE.exec(window);
  const word = m?.[1];
  if (m === null || word === undefined) return undefined;
  const key = word.toLowerCase().replace(/\s+/g, ' ');
  const qualifier = QUALIFIERS[key];
  if (qualifier === undefined) return undefined;
  // `over the past 75 years` means during them, not more than them.
  if (key === 'past' && /\bthe\s+$/i.test(window.slice(0, m.index + m[0].indexOf(word)))) return undefined;
  return { qualifier, start: from + m.index + m[0].indexOf(word) };
}
