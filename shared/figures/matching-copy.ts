/**
 * A same-length copy of a text for pattern matching: typographic variants become their plain forms one
 * character for one character, so every offset found in the copy indexes the original text too.
 */

// Why a table and not `normalize('NFKC')`: NFKC can change the length (ligatures, fractions), which would
// break the offsets the whole contract rests on.
const PLAIN: Readonly<Record<string, string>> = {
  '\u00a0': ' ', // no-break space
  '\u202f': ' ', // narrow no-break space
  '\u2007': ' ', // figure space
  '\u2009': ' ', // thin space
  '\u2018': "'",
  '\u2019': "'",
  '\u201a': "'",
  '\u201b': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u201e': '"',
  '\u2010': '-', // hyphen
  '\u2011': '-', // non-breaking hyphen
  '\u2012': '-', // figure dash
  '\u2013': '-', // en dash
  '\u2014': '-', // em dash
  '\u2212': '-', // minus sign
};

const TYPOGRAPHIC =
  /[\u00a0\u202f\u2007\u2009\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u2010-\u2014\u2212]/g;

/** Returns `text` with NBSP, narrow NBSP, curly quotes and dashes replaced by plain ASCII, same length. */
export function matchingCopy(text: string): string {
  return text.replace(TYPOGRAPHIC, (ch) => PLAIN[ch] ?? ch);
}
