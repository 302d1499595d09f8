/**
 * What a preview found: the parsed sheet (sections and figures) and its diff against the latest revision,
 * changed sentences included when the latest revision could be read.
 */
import { useEffect, useState } from 'preact/hooks';
import { apiGet } from '../api';
import { formatValue } from '../format';
import type { Preview, Revision } from './api-types';
import { DiffView } from './diff-view';
import { sheetPath } from './links';
import { type SectionSentenceChanges, sentenceChanges } from './sentence-diff';

function useSentences(preview: Preview): SectionSentenceChanges[] | undefined {
  const [sentences, setSentences] = useState<SectionSentenceChanges[] | undefined>();
  useEffect(() => {
    setSentences(undefined);
    if (preview.latestRevision === null || preview.unchanged) return;
    let current = true;
    apiGet<Revision>(sheetPath(preview.id, 'revisions', String(preview.latestRevision))).then(
      (latest) => current && setSentences(sentenceChanges(latest.sheet, preview.sheet)),
      // Without the latest document the figure diff still stands on its own.
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [preview]);
  return sentences;
}

function ParsedSections({ preview }: { preview: Preview }) {
  const { sheet } = preview;
  const perSection = new Map<string, number>();
  for (const f of sheet.figures) perSection.set(f.sectionId, (perSection.get(f.sectionId) ?? 0) + 1);
  return (
    <details class="parsed">
      <summary>
        Parsed: {sheet.sections.length} sections, {sheet.figures.length} figures
      </summary>
      <h3>Sections</h3>
      <ol>
        {sheet.sections.map((s) => (
          <li key={s.id}>
            {s.heading ?? 'Lead'} ({perSection.get(s.id) ?? 0} figures)
          </li>
        ))}
      </ol>
      <h3>Figures</h3>
      <table class="parsed-figures">
        <thead>
          <tr>
            <th scope="col">Key</th>
            <th scope="col">Kind</th>
            <th scope="col">As written</th>
            <th scope="col">Value</th>
          </tr>
        </thead>
        <tbody>
          {sheet.figures.map((f) => (
            <tr key={f.id}>
              <td>{f.key}</td>
              <td>{f.kind}</td>
              <td>{f.text}</td>
              <td>{formatValue(f)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

export function PreviewView({ preview }: { preview: Preview }) {
  const sentences = useSentences(preview);
  const { sheet } = preview;
  let verdict: string;
  if (preview.latestRevision === null) verdict = 'A new sheet: publishing creates revision 1.';
  else if (preview.unchanged) {
    verdict = `Identical to revision ${preview.latestRevision}: publishing would change nothing.`;
  } else {
    verdict = `Publishing creates revision ${preview.latestRevision + 1}; against revision ${preview.latestRevision}:`;
  }
  return (
    <section class="preview" aria-labelledby="preview-heading">
      <h2 id="preview-heading">Preview of {preview.id}</h2>
      <dl class="preview-facts">
        <dt>Title</dt>
        <dd>{sheet.title ?? '(none found)'}</dd>
        <dt>Country</dt>
        <dd>{sheet.country ?? '(none found)'}</dd>
        <dt>Parser</dt>
        <dd>{preview.parserVersion}</dd>
      </dl>
      <p class="verdict">{verdict}</p>
      {preview.diff && !preview.unchanged && (
        <DiffView
          sheetId={preview.id}
          diff={preview.diff}
          sentences={sentences}
          linkAdded={false}
          level={3}
        />
      )}
      <ParsedSections preview={preview} />
    </section>
  );
}
