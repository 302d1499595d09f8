/**
 * Site furniture as it survives a text extraction of a government page: the .gov banner, seals and
 * taglines, skip links, breadcrumbs, share and search widgets, image captions and credits, notices about
 * the site itself. Each rule is about the shape of a whole line, so it holds on pages we have not seen.
 */

/** Furniture is short: a longer line is prose, whatever words it starts with. */
const MAX_FURNITURE_LENGTH = 240;

/**
 * Each rule matches the lower-cased line from its start (written with ^, or with .* where the signal is at
 * the end); the i flag only documents that case does not matter.
 */
const WHOLE_LINE: readonly RegExp[] = [
  // The .gov banner, line by line.
  /^an official website of the united states government\b/iu,
  /^here['’]s how you know$/iu,
  /^official websites use \.gov$/iu,
  /^a \.gov website belongs to an official government organization\b/iu,
  /^secure \.gov websites use https$/iu,
  /^a lock \(.{0,20}\) or https:\/\//iu,
  /^share sensitive information only on official, secure websites\.?$/iu,
  /^printable banner$/iu,
  // Seals, logos and taglines: "U.S. Department of State - Great Seal".
  /^(?:.*[\s–—-])?great seal$/iu,
  /^diplomacy in action$/iu,
  // Skip links and navigation helpers.
  /^skip\b.{0,60}\b(?:content|navigation)$/iu,
  /^back to (?:previous page|top|the top)$/iu,
  /^speeches shim$/iu,
  /^fact sheets$/iu,
  /^stay connected$/iu,
  /^select a country(?: or other area)?$/iu,
  /^(?:search|search this site)$/iu,
  /^search (?:for|the|this|within)\b.{0,120}:$/iu,
  // Travel-advisory widgets.
  /^travel advisor(?:y|ies)\b.{0,100}$/iu,
  /^level [1-4]:\s*(?:exercise normal precautions|exercise increased caution|reconsider travel|do not travel)$/iu,
  // Share widgets.
  /^share(?: this(?: page| article| story)?| on \w+)?:?$/iu,
  /^(?:facebook|twitter|x|linkedin|email|print)(?:\s*[|·,]\s*(?:facebook|twitter|x|linkedin|email|print))+$/iu,
  // Images: captions with a credit in brackets, markdown images, "Flag of X", "Photo showing …".
  /^[^[\]]{1,80}\s\[[^\]\d]{2,40}\]$/u,
  /^!\[[^\]]*\]\([^)]*\)$/u,
  /^flag of\s+\S.{0,50}$/iu,
  /^(?:photo|image|picture)(?:\s+(?:of|showing|shows)\b|:)/iu,
  /^(?:©|\(c\)|copyright\b)/iu,
  // Notices about file formats and viewers.
  /^.*\b(?:get (?:adobe )?acrobat reader|linked documents are in pdf format|click (?:here )?to (?:read|view|download)\b)/iu,
];
/** Run-together navigation text: a link label fused to the next one ("Learn MoreU.S. Relations With …"). */
const NAV_LABEL = /^(?:Learn|Read|See|View) [Mm]ore(?:$|(?=\p{Lu})|\s+(?:about|on|here)\b)/u;
/** The rules as one expression, so a line costs one match rather than one per rule. */
const ANY_RULE = new RegExp(
  `^(?:${WHOLE_LINE.map((rule) => `(?:${rule.source.replace(/^\^/u, '')})`).join('|')})`,
  'u',
);

/** A line that is only breadcrumb trail: "Home »", "Countries » Kenya » Fact Sheet". */
function isBreadcrumb(line: string): boolean {
  return (
    line.includes('»') && !/[.!?]$/u.test(line) && line.split('»').every((part) => part.trim().length <= 60)
  );
}

/** A menu flattened onto one line: three or more short labels between pipes ("Home | News | Visas"). */
function isPipeMenu(line: string): boolean {
  if (!line.includes('|')) return false;
  const parts = line.split('|').map((part) => part.trim());
  return parts.length >= 3 && parts.every((part) => part.length <= 40 && !/[.!?]$/u.test(part));
}

/** True when the whole (trimmed) line is site furniture rather than part of the sheet. */
export function isSiteFurniture(raw: string): boolean {
  const line = raw.trim();
  if (line === '' || line.length > MAX_FURNITURE_LENGTH) return false;
  // Matched on the lower-cased line: case-insensitive Unicode matching is several times slower.
  return isBreadcrumb(line) || isPipeMenu(line) || NAV_LABEL.test(line) || ANY_RULE.test(line.toLowerCase());
}

const INLINE_IMAGE = /!\[[^\]\n]{0,200}\]\([^)\s]{0,500}\)/gu;

/** Removes markdown image links inside a line of prose (the alt text and address are no content). */
export function dropInlineImages(line: string): string {
  return line.includes('![') ? line.replace(INLINE_IMAGE, ' ') : line;
}

/** A bullet mark with nothing after it ("  •  "): an empty list item the page's layout left behind. */
export function isEmptyBullet(line: string): boolean {
  return /^\s*[•◦▪‣●·*–-]\s*$/u.test(line);
}
