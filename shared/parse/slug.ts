const MAX_SLUG = 120;

/**
 * Lowercase ASCII slug: accents folded, apostrophes dropped ("Mali’s" → "malis"), every other run of
 * non-alphanumerics becomes one `-`. Returns `section` when nothing is left.
 */
export function slugify(value: string): string {
  const slug = value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’‘`]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, MAX_SLUG)
    .replace(/^-+|-+$/g, '');
  return slug === '' ? 'section' : slug;
}

/** Hands out slugs unique within one sheet: the second "Overview" becomes `overview-2`. */
export class SlugRegistry {
  private readonly used = new Set<string>();
  /** Next suffix to try per base slug, so a thousand "Overview" headings cost linear time. */
  private readonly nextSuffix = new Map<string, number>();

  constructor(reserved: readonly string[] = []) {
    for (const slug of reserved) this.used.add(slug);
  }

  /** Returns a slug for `value` that was not handed out before, and remembers it. */
  next(value: string): string {
    const base = slugify(value);
    let slug = base;
    let n = this.nextSuffix.get(base) ?? 2;
    while (this.used.has(slug)) slug = `${base}-${n++}`;
    this.nextSuffix.set(base, n);
    this.used.add(slug);
    return slug;
  }
}
