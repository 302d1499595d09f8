import { type AnyNode, type Document, type Element, isTag, isText } from 'domhandler';
import type { ListItem } from '../../model';
import { collapseSpaces, endsSentence } from '../inline-text';
import type { RawBlock } from '../raw-block';
import { isChrome } from './chrome';
import { pushChildren, textOf } from './dom';

/** Elements that end the running paragraph when they open and when they close. */
const BLOCK_TAGS = new Set([
  'address',
  'article',
  'blockquote',
  'caption',
  'center',
  'dd',
  'details',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'hr',
  'main',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'tfoot',
  'thead',
  'tr',
]);
const HEADING_LEVEL: Record<string, number> = { h1: 2, h2: 2, h3: 3, h4: 4, h5: 4, h6: 4 };
const LIST_TAGS = new Set(['ul', 'ol']);
/** Stands for `<br>` in the paragraph buffer; decoding rejects NUL, so it never occurs in source text. */
const LINE_BREAK = '\0';

/** Marks the point where the walk leaves an element (its closing tag). */
class Exit {
  constructor(readonly el: Element) {}
}

/**
 * Walks the content subtree under `root` once, iteratively (an explicit stack, so 10,000 nested elements
 * are no problem), and emits headings (`h1`–`h6`, or a paragraph whose only child is `strong`/`b`),
 * paragraphs (`<br>` keeps a line boundary in `lines`) and lists (`li` text, with the link when the item
 * holds exactly one). Chrome subtrees are skipped.
 */
export function collectBlocks(root: Element | Document): RawBlock[] {
  const out = new BlockSink();
  const stack: (AnyNode | Exit)[] = [];
  pushChildren(stack, root);
  while (stack.length > 0) {
    const visit = stack.pop()!;
    if (visit instanceof Exit) {
      out.leave(visit.el);
    } else if (isText(visit)) {
      out.text(visit.data);
    } else if (isTag(visit) && !isChrome(visit) && out.enter(visit)) {
      stack.push(new Exit(visit));
      pushChildren(stack, visit);
    }
  }
  out.finish();
  return out.blocks;
}

/** The walker's running state: the paragraph being built, the open list and its current item. */
class BlockSink {
  readonly blocks: RawBlock[] = [];
  private paragraph: string[] = [];
  /** Links per `<br>`-separated line of the running paragraph. */
  private lineLinks = new Map<number, Set<string>>();
  private line = 0;
  private list: ListItem[] | null = null;
  private listDepth = 0;
  private item: { parts: string[]; hrefs: Set<string> } | null = null;
  private headingLevel = 2;

  text(data: string): void {
    if (this.list !== null) this.openItem().parts.push(data);
    else this.paragraph.push(data);
  }

  /** Handles an opening tag; returns false when the element's children must not be visited. */
  enter(el: Element): boolean {
    const { name } = el;
    if (name === 'br') {
      if (this.list !== null) this.text(' ');
      else {
        this.paragraph.push(LINE_BREAK);
        this.line++;
      }
      return false;
    }
    if (name === 'td' || name === 'th') {
      this.text(' ');
      return true;
    }
    if (LIST_TAGS.has(name)) {
      if (this.list === null) {
        this.flushParagraph();
        this.list = [];
      } else {
        this.closeItem();
      }
      this.listDepth++;
      return true;
    }
    if (name === 'li') {
      this.closeItem();
      return true;
    }
    if (name === 'a' && el.attribs.href) {
      this.linkTo(el.attribs.href);
      return true;
    }
    if (this.list !== null) {
      // Inside a list everything (headings and paragraphs included) is item text.
      if (BLOCK_TAGS.has(name) || name in HEADING_LEVEL) this.text(' ');
      return true;
    }
    const level = HEADING_LEVEL[name];
    if (level !== undefined) {
      this.flushParagraph();
      this.headingLevel = level;
      this.blocks.push({ kind: 'heading', text: textOf(el), level });
      return false;
    }
    if (name === 'p' && isStrongHeading(el)) {
      this.flushParagraph();
      this.blocks.push({ kind: 'heading', text: textOf(el), level: this.headingLevel });
      return false;
    }
    if (BLOCK_TAGS.has(name)) this.flushParagraph();
    return true;
  }

  leave(el: Element): void {
    const { name } = el;
    if (LIST_TAGS.has(name)) {
      this.closeItem();
      this.listDepth--;
      if (this.listDepth === 0 && this.list !== null) {
        if (this.list.length > 0) this.blocks.push({ kind: 'list', items: this.list });
        this.list = null;
      }
    } else if (name === 'li') {
      this.closeItem();
    } else if (this.list === null && BLOCK_TAGS.has(name)) {
      this.flushParagraph();
    }
  }

  finish(): void {
    if (this.list !== null) {
      this.closeItem();
      if (this.list.length > 0) this.blocks.push({ kind: 'list', items: this.list });
      this.list = null;
    }
    this.flushParagraph();
  }

  private linkTo(href: string): void {
    if (this.list !== null) {
      this.openItem().hrefs.add(href);
      return;
    }
    const links = this.lineLinks.get(this.line) ?? new Set<string>();
    links.add(href);
    this.lineLinks.set(this.line, links);
  }

  private openItem(): { parts: string[]; hrefs: Set<string> } {
    this.item ??= { parts: [], hrefs: new Set() };
    return this.item;
  }

  private closeItem(): void {
    if (this.item === null || this.list === null) return;
    const text = collapseSpaces(this.item.parts.join(''));
    if (text !== '') {
      const [href] = this.item.hrefs;
      this.list.push(this.item.hrefs.size === 1 && href !== undefined ? { text, href } : { text });
    }
    this.item = null;
  }

  private flushParagraph(): void {
    const { paragraph, lineLinks } = this;
    this.paragraph = [];
    this.lineLinks = new Map();
    this.line = 0;
    if (paragraph.length === 0) return;
    const lines: string[] = [];
    const hrefs: (string | undefined)[] = [];
    paragraph
      .join('')
      .split(LINE_BREAK)
      .forEach((raw, index) => {
        const line = collapseSpaces(raw);
        if (line === '') return;
        const links = lineLinks.get(index);
        lines.push(line);
        hrefs.push(links?.size === 1 ? [...links][0] : undefined);
      });
    if (lines.length === 0) return;
    const text = lines.join(' ');
    this.blocks.push(
      lines.length > 1 ? { kind: 'paragraph', text, lines, hrefs } : { kind: 'paragraph', text },
    );
  }
}

/** `<p><strong>U.S. Assistance to Mali</strong></p>`: a short bold line standing alone is a heading. */
function isStrongHeading(p: Element): boolean {
  let strong: Element | null = null;
  for (const child of p.children) {
    if (isText(child)) {
      if (child.data.trim() !== '') return false;
    } else if (isTag(child)) {
      if (strong !== null || (child.name !== 'strong' && child.name !== 'b')) return false;
      strong = child;
    }
  }
  if (strong === null) return false;
  const text = textOf(strong);
  return text.length > 0 && text.length <= 120 && !endsSentence(text);
}
