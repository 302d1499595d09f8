import type { Block, Section } from '../model';
import { collapseSpaces } from './inline-text';
import type { RawBlock } from './raw-block';
import { SlugRegistry } from './slug';

/** The normalized text and the sections whose offsets index it. */
export interface AssembledText {
  text: string;
  sections: Section[];
}

const BLOCK_SEPARATOR = '\n\n';

/**
 * Lays blocks out as the normalized text — blocks and headings separated by a blank line, list items by a
 * line break — and groups them into sections. Content before the first heading is the `lead` section
 * (level 1); a sheet that opens with a heading has no lead. Empty paragraphs, items and lists are skipped.
 */
export function assembleSections(blocks: readonly RawBlock[]): AssembledText {
  const parts: string[] = [];
  const sections: Section[] = [];
  const slugs = new SlugRegistry(['lead']);
  let length = 0;
  let current: Section | null = null;

  const append = (value: string): { start: number; end: number } => {
    if (parts.length > 0) {
      parts.push(BLOCK_SEPARATOR);
      length += BLOCK_SEPARATOR.length;
    }
    parts.push(value);
    const start = length;
    length += value.length;
    return { start, end: length };
  };

  for (const raw of blocks) {
    if (raw.kind === 'heading') {
      const heading = collapseSpaces(raw.text);
      if (heading === '') continue;
      const span = append(heading);
      current = {
        id: slugs.next(heading),
        heading,
        level: Math.min(4, Math.max(2, raw.level)),
        ...span,
        blocks: [],
      };
      sections.push(current);
      continue;
    }
    const block = toBlock(raw);
    if (block === null) continue;
    const span = append(block.type === 'paragraph' ? block.text : block.items.map((i) => i.text).join('\n'));
    if (current === null) {
      current = { id: 'lead', heading: null, level: 1, ...span, blocks: [] };
      sections.push(current);
    }
    current.blocks.push(block);
    current.end = span.end;
  }
  return { text: parts.join(''), sections };
}

function toBlock(raw: Exclude<RawBlock, { kind: 'heading' }>): Block | null {
  if (raw.kind === 'paragraph') {
    const text = collapseSpaces(raw.text);
    return text === '' ? null : { type: 'paragraph', text };
  }
  const items = raw.items
    .map((item) => ({ ...item, text: collapseSpaces(item.text) }))
    .filter((item) => item.text !== '');
  return items.length === 0 ? null : { type: 'list', items };
}
