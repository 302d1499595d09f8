import { type AnyNode, type Element, isTag, isText } from 'domhandler';
import { collapseSpaces } from '../inline-text';
import { isChrome } from './chrome';

/** The class attribute as a list of tokens. */
export function classes(el: Element): string[] {
  const value = el.attribs.class;
  return value === undefined ? [] : value.split(/\s+/u).filter(Boolean);
}

/** True when `el` carries the class `name`. */
export function hasClass(el: Element, name: string): boolean {
  return classes(el).includes(name);
}

/**
 * The visible text of a subtree, whitespace collapsed, skipping chrome. Iterative: Cheerio's `.text()`
 * recurses and would overflow the stack on pathologically nested input.
 */
export function textOf(root: AnyNode): string {
  const parts: string[] = [];
  const stack: AnyNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (isText(node)) {
      parts.push(node.data);
    } else if (isTag(node)) {
      if (node !== root && isChrome(node)) continue;
      if (node.name === 'br') parts.push(' ');
      pushChildren(stack, node);
    } else if ('children' in node) {
      pushChildren(stack, node);
    }
  }
  return collapseSpaces(parts.join(''));
}

/** Pushes children in reverse so that popping visits them in document order. */
export function pushChildren<T>(stack: (AnyNode | T)[], node: { children: AnyNode[] }): void {
  const { children } = node;
  for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
}
