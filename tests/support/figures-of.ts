import { extractFigures } from '../../shared/figures';
import type { Figure, Section } from '../../shared/model';

/** The whole text as one lead section: the extractor's view of a sheet without headings. */
export function leadSection(text: string): Section {
  return { id: 'lead', heading: null, level: 1, start: 0, end: text.length, blocks: [] };
}

/** Figures of `text` treated as one section. */
export function figuresOf(text: string): Figure[] {
  return extractFigures(text, [leadSection(text)]);
}

/** The figures of one kind, reduced to what a rule asserts. */
export function pick(
  text: string,
  kind: Figure['kind'],
): Pick<Figure, 'text' | 'value' | 'unit' | 'qualifier'>[] {
  return figuresOf(text)
    .filter((f) => f.kind === kind)
    .map((f) => ({
      text: f.text,
      value: f.value,
      ...(f.unit === undefined ? {} : { unit: f.unit }),
      ...(f.qualifier === undefined ? {} : { qualifier: f.qualifier }),
    }));
}
