import type { Element } from 'domhandler';

/** Elements whose content is never sheet text: code, media, forms, and page landmarks around the body. */
const SKIPPED_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'math',
  'iframe',
  'object',
  'canvas',
  'video',
  'audio',
  'map',
  'button',
  'form',
  'input',
  'select',
  'textarea',
  'nav',
  'header',
  'footer',
  'aside',
  'dialog',
  'menu',
  'head',
  'title',
  'meta',
  'link',
]);

/** Class or id tokens of state.gov (current and 2009–2017) chrome: breadcrumbs, hero, share, related… */
const CHROME_TOKEN =
  /(?:^|[\s_-])(?:breadcrumbs?|share|sharing|social|related|tags|tag-list|hero|banner|tagline|skip-link|menu|navbar|nav|navigation|sidebar|footer|masthead|site-header|button|btn|print|subscribe|newsletter|cookie|modal|popup|summary-article-index|article-meta|featured-content|pagination|pager|screen-reader-text|sr-only|visually-hidden|back-to-top|toolbar|addthis)(?:[\s_-]|$)/i;

const CHROME_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'search', 'complementary', 'button']);

/** True when `el` is page chrome or hidden, so neither it nor anything inside it is content. */
export function isChrome(el: Element): boolean {
  if (SKIPPED_TAGS.has(el.name)) return true;
  const { attribs } = el;
  if (attribs.hidden !== undefined || attribs['aria-hidden'] === 'true') return true;
  if (attribs.role !== undefined && CHROME_ROLES.has(attribs.role)) return true;
  if (attribs.style !== undefined && /display\s*:\s*none/i.test(attribs.style)) return true;
  const names = `${attribs.class ?? ''} ${attribs.id ?? ''}`;
  return names.length > 1 && CHROME_TOKEN.test(names);
}
