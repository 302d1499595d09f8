/**
 * Country names the sheets are about, from the runtime's own ICU region names (no list of our own to keep
 * current), plus the spellings State Department pages use where ICU's English name differs.
 */

/** Region codes that name no single country a bilateral sheet could be about. */
const NOT_COUNTRIES = new Set(['EU', 'EZ', 'UN', 'QO', 'XA', 'XB', 'ZZ', 'US', 'UM', 'AQ']);

/** Other names for a region, written as the pages write them, each mapped to its short English name. */
const EXTRA_NAMES: Readonly<Record<string, readonly string[]>> = {
  'Democratic Republic of the Congo': ['Democratic Republic of the Congo', 'DR Congo', 'DRC'],
  'Republic of the Congo': ['Republic of the Congo', 'Congo-Brazzaville'],
  Burma: ['Burma', 'Myanmar'],
  "Cote d'Ivoire": ["Côte d'Ivoire", 'Côte d’Ivoire', "Cote d'Ivoire", 'Ivory Coast'],
  Micronesia: ['Federated States of Micronesia', 'Micronesia'],
  Turkey: ['Turkey', 'Türkiye', 'Turkiye'],
  'Czech Republic': ['Czech Republic', 'Czechia'],
  'Cabo Verde': ['Cabo Verde', 'Cape Verde'],
  Eswatini: ['Eswatini', 'Swaziland'],
  'Timor-Leste': ['Timor-Leste', 'East Timor'],
  'North Macedonia': ['North Macedonia', 'Macedonia'],
  'The Bahamas': ['Bahamas'],
  'The Gambia': ['Gambia'],
};

function buildNames(): Map<string, string> {
  const names = new Map<string, string>();
  let display: Intl.DisplayNames | null = null;
  try {
    display = new Intl.DisplayNames(['en'], { type: 'region' });
  } catch {
    // A runtime built without ICU region data: only the names below are known.
  }
  for (let a = 65; display !== null && a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      if (NOT_COUNTRIES.has(code)) continue;
      const name = display.of(code);
      // ICU's compound forms ("Congo - Kinshasa", "Hong Kong SAR China") are covered by EXTRA_NAMES.
      if (!name || name === code || / - |SAR China|Pseudo/u.test(name)) continue;
      const plain = name.replace(/\s*\(.*\)$/u, '').replace(/ & /gu, ' and ');
      names.set(plain.toLowerCase(), plain.replace(/^St\. /u, 'Saint '));
    }
  }
  for (const [canonical, spellings] of Object.entries(EXTRA_NAMES)) {
    for (const spelling of spellings) names.set(spelling.toLowerCase(), canonical);
  }
  return names;
}

let cached: { names: Map<string, string>; pattern: RegExp } | null = null;

function gazetteer(): { names: Map<string, string>; pattern: RegExp } {
  if (cached !== null) return cached;
  const names = buildNames();
  // Longest first, so "Democratic Republic of the Congo" wins over a shorter name inside it.
  const alternatives = [...names.keys()]
    .sort((x, y) => y.length - x.length)
    .map((n) => n.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&').replace(/['’]/gu, "['’]"));
  const pattern = new RegExp(
    String.raw`(?<![\p{L}\p{N}])(?:${alternatives.join('|')})(?![\p{L}\p{N}])`,
    'giu',
  );
  cached = { names, pattern };
  return cached;
}

/** The countries named in `text`, in order of appearance (canonical short names; repeats kept). */
export function countriesIn(text: string): string[] {
  const { names, pattern } = gazetteer();
  const found: string[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    // Case-insensitive matching finds "GHANA" in all-caps headings; a lower-case word ("chad") is no name.
    if (!/^\p{Lu}/u.test(m[0])) continue;
    const name = names.get(m[0].toLowerCase().replace(/’/gu, "'")) ?? names.get(m[0].toLowerCase());
    if (name !== undefined) found.push(name);
  }
  return found;
}

/** The first country named in `text`, or null. */
export function firstCountryIn(text: string): string | null {
  return countriesIn(text)[0] ?? null;
}
