/**
 * A section's blocks as readable text with its figures highlighted. Offsets follow the parser's layout of
 * the normalized text (shared/parse/assemble.ts): heading, then blocks, each separated by a blank line,
 * list items by a line break. FigureText checks each offset against the text and falls back to a search.
 */
import { FigureText } from '../components/figure-text';
import { href } from '../router';
import type { Block, Figure, FigureKind, SectionDetail } from '../types';

const BLOCK_SEPARATOR = 2;

export interface SectionTextProps {
  sheetId: string;
  section: SectionDetail;
  figures: readonly Figure[];
  kinds: ReadonlySet<FigureKind>;
}

function blockLength(block: Block): number {
  return block.type === 'paragraph'
    ? block.text.length
    : block.items.reduce((n, item, i) => n + item.text.length + (i > 0 ? 1 : 0), 0);
}

export function SectionText({ sheetId, section, figures, kinds }: SectionTextProps) {
  const figureHref = (figure: Figure) => href('sheets', sheetId, 'figures', figure.key);
  let offset =
    section.heading === null ? section.start : section.start + section.heading.length + BLOCK_SEPARATOR;
  return (
    <>
      {section.blocks.map((block, index) => {
        const start = offset;
        offset += blockLength(block) + BLOCK_SEPARATOR;
        const prefix = `tip-${section.id}-${index}`;
        if (block.type === 'paragraph') {
          return (
            <p key={index}>
              <FigureText
                text={block.text}
                offset={start}
                figures={figures}
                kinds={kinds}
                idPrefix={prefix}
                href={figureHref}
              />
            </p>
          );
        }
        let itemStart = start;
        return (
          <ul key={index}>
            {block.items.map((item, i) => {
              const at = itemStart;
              itemStart += item.text.length + 1;
              const text = (
                <FigureText
                  text={item.text}
                  offset={at}
                  figures={figures}
                  kinds={kinds}
                  idPrefix={`${prefix}-${i}`}
                  href={figureHref}
                />
              );
              // Only web links: a sheet's HTML could carry any scheme.
              const link = item.href && /^https?:\/\//i.test(item.href) ? item.href : undefined;
              return (
                <li key={i}>
                  {text}
                  {link ? (
                    <>
                      {' '}
                      <a href={link} rel="noopener noreferrer">
                        (link)
                      </a>
                    </>
                  ) : null}
                </li>
              );
            })}
          </ul>
        );
      })}
    </>
  );
}
