/** Synthetic sheets of a chosen size, for the cache-bound and response-size tests (no parser needed). */
import type { Figure, ParsedSheet } from '../../shared/model';
import { diffSheets } from '../../shared/pipeline/diff';
import type { SheetRepository } from '../../shared/store/ports';

/**
 * A sheet whose text is `chars` characters of `fill`, in one section whose paragraph repeats the text (as
 * parsed sheets do), with `figures` money figures that each carry a sentence of `sentenceChars`.
 */
export function bigSheet(
  id: string,
  options: { chars: number; figures?: number; sentenceChars?: number; fill?: string; value?: number },
): ParsedSheet {
  const fill = options.fill ?? 'x';
  const text = `$1 million ${fill.repeat(Math.max(0, options.chars - 11))}`;
  const sentence = 's'.repeat(options.sentenceChars ?? 40);
  const figures: Figure[] = Array.from({ length: options.figures ?? 0 }, (_, n) => ({
    id: `f${n}`,
    kind: 'money',
    value: (options.value ?? 1) * 1_000_000 + n,
    unit: 'USD',
    text: '$1 million',
    start: 0,
    end: 10,
    sectionId: 'body',
    sentence: `${n} ${sentence}`,
  }));
  return {
    id,
    title: `Big ${id}`,
    country: 'Bigland',
    bureau: null,
    publishedOn: null,
    parserVersion: 'test-1',
    sourceHash: 'b'.repeat(64),
    contentType: 'text/plain',
    text,
    sections: [
      {
        id: 'body',
        heading: null,
        level: 1,
        start: 0,
        end: text.length,
        blocks: [{ type: 'paragraph', text }],
      },
    ],
    figures,
  };
}

/** Publishes `v1` as revision 1 and `v2` as revision 2 with the diff ingest would store. */
export async function publishTwoRevisions(sheets: SheetRepository, v1: ParsedSheet, v2: ParsedSheet) {
  const id = v1.id;
  await sheets.publishRevision({
    sheet: v1,
    archiveKey: `archive/${id}/1.txt`,
    reason: 'upload',
    diff: null,
    expectedLatest: 0,
  });
  await sheets.publishRevision({
    sheet: v2,
    archiveKey: `archive/${id}/2.txt`,
    reason: 'upload',
    diff: diffSheets(v1, v2, 1, 2),
    expectedLatest: 1,
  });
}
