import { type AnyNode, type Document, type Element, isTag } from 'domhandler';
import { isTitleLine } from '../header-lines';
import { hasClass, pushChildren, textOf } from './dom';

/** The elements a fact-sheet page is read from, found in one pass over the document. */
export interface Landmarks {
  /** Current state.gov: `h1.featured-content__headline`. */
  headline: Element | null;
  /** Current state.gov: `.article-meta__author-bureau`. */
  bureau: Element | null;
  /** Current state.gov: `.article-meta__publish-date`. */
  publishDate: Element | null;
  /** Current state.gov: the `.entry-content` inside an `article`. */
  entryContent: Element | null;
  /** 2009–2017 archive and others: the main content container (`#centerblock`, `main`, `#content`…). */
  main: Element | null;
  body: Element | null;
  /** A heading or `<title>` reading "U.S. Relations With X". */
  titleText: string | null;
}

const MAIN_IDS = ['centerblock', 'main-content', 'content', 'main'];

/** Finds every landmark in one iterative walk (script and style bodies are not entered). */
export function findLandmarks(doc: Document): Landmarks {
  const found: Landmarks = {
    headline: null,
    bureau: null,
    publishDate: null,
    entryContent: null,
    main: null,
    body: null,
    titleText: null,
  };
  const mainById = new Map<string, Element>();
  let mainTag: Element | null = null;
  const stack: AnyNode[] = [];
  pushChildren(stack, doc);
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!isTag(node)) continue;
    const el = node;
    if (el.name === 'script' || el.name === 'style') continue;
    if (el.name === 'body') found.body ??= el;
    if ((el.name === 'main' || el.attribs.role === 'main') && mainTag === null) mainTag = el;
    const id = el.attribs.id;
    if (id !== undefined && MAIN_IDS.includes(id) && !mainById.has(id)) mainById.set(id, el);
    if (el.attribs.class !== undefined) {
      if (found.headline === null && el.name === 'h1' && hasClass(el, 'featured-content__headline')) {
        found.headline = el;
      }
      if (found.bureau === null && hasClass(el, 'article-meta__author-bureau')) found.bureau = el;
      if (found.publishDate === null && hasClass(el, 'article-meta__publish-date')) found.publishDate = el;
      if (found.entryContent === null && hasClass(el, 'entry-content') && hasAncestor(el, 'article')) {
        found.entryContent = el;
      }
    }
    if (found.titleText === null && /^(?:h1|h2|title)$/.test(el.name)) {
      const text = titleCandidate(textOf(el));
      if (text !== null) found.titleText = text;
    }
    pushChildren(stack, el);
  }
  found.main = MAIN_IDS.map((id) => mainById.get(id)).find((el) => el !== undefined) ?? mainTag;
  return found;
}

/** "U.S. Relations With Kenya - U.S. Department of State" → "U.S. Relations With Kenya". */
function titleCandidate(text: string): string | null {
  const head = text.split(/\s+[|–—-]\s+/u)[0]?.trim() ?? '';
  return isTitleLine(head) ? head : null;
}

function hasAncestor(el: Element, name: string): boolean {
  for (let node = el.parent; node !== null; node = node.parent) {
    if (isTag(node) && node.name === name) return true;
  }
  return false;
}
