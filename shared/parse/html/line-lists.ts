import type { ListItem } from '../../model';
import type { RawBlock } from '../raw-block';
import { isShortLine } from '../text/line-kinds';

/**
 * Archive pages list resources as `<br>`-separated links in one paragraph. When such a paragraph follows
 * a line ending in ":" and every one of its lines is short, it is a list (each line's link kept).
 */
export function linesToLists(blocks: readonly RawBlock[]): RawBlock[] {
  return blocks.map((block, index) => {
    const previous = blocks[index - 1];
    if (block.kind !== 'paragraph' || !block.lines || previous?.kind !== 'paragraph') return block;
    if (!previous.text.endsWith(':') || !block.lines.every(isShortLine)) return block;
    const items = block.lines.map((text, line): ListItem => {
      const href = block.hrefs?.[line];
      return href === undefined ? { text } : { text, href };
    });
    return { kind: 'list', items };
  });
}
