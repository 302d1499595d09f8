/**
 * One diff between two revisions (or a preview and the latest revision): changed sentences old/new,
 * changed figures old → new, added and removed figures and sections. Shared by the diff page and the
 * upload preview.
 */
import { formatValue } from '../format';
import type { Diff, FigureRef } from './api-types';
import { historyHref } from './links';
import type { SectionSentenceChanges } from './sentence-diff';

export interface DiffViewProps {
  sheetId: string;
  diff: Diff;
  /** Changed sentences, when both documents were at hand. */
  sentences?: SectionSentenceChanges[];
  /** Section headings by id, to name sections rather than show slugs. */
  headings?: ReadonlyMap<string, string | null>;
  /** Figures added by a preview have no history yet: no links for them. */
  linkAdded?: boolean;
  /** Heading level of the view's own headings (2 on the diff page, 3 inside the upload page). */
  level?: 2 | 3;
}

function FigureName({ sheetId, figure, link }: { sheetId: string; figure: FigureRef; link: boolean }) {
  if (!figure.key || !link) return <span class="figure-key">{figure.key ?? figure.id}</span>;
  return (
    <a class="figure-key" href={historyHref(sheetId, figure.key)}>
      {figure.key}
      <span class="visually-hidden"> history</span>
    </a>
  );
}

function Heading({ level, children }: { level: 2 | 3; children: string }) {
  return level === 2 ? <h2>{children}</h2> : <h3>{children}</h3>;
}

function sectionName(id: string, headings?: ReadonlyMap<string, string | null>): string {
  const heading = headings?.get(id);
  return heading ?? (heading === null ? 'Lead' : id);
}

function ChangedFigures({ sheetId, diff, level }: { sheetId: string; diff: Diff; level: 2 | 3 }) {
  const changed = diff.figures.changed;
  return (
    <section>
      <Heading level={level}>{`Changed figures (${changed.length})`}</Heading>
      {changed.length === 0 ? (
        <p>No figure changed.</p>
      ) : (
        <table class="diff-figures" id="changed-figures">
          <caption class="visually-hidden">Changed figures, old → new</caption>
          <thead>
            <tr>
              <th scope="col">Figure</th>
              <th scope="col">Kind</th>
              <th scope="col">Old</th>
              <th scope="col">New</th>
              <th scope="col">Sentence (new)</th>
            </tr>
          </thead>
          <tbody>
            {changed.map(({ before, after }) => (
              <tr key={after.key ?? after.id} data-figure-key={after.key}>
                <td>
                  <FigureName sheetId={sheetId} figure={after} link />
                </td>
                <td>{after.kind}</td>
                <td>
                  <del title={formatValue(before)}>{before.text}</del>
                </td>
                <td>
                  <span aria-hidden="true">→ </span>
                  <ins title={formatValue(after)}>{after.text}</ins>
                </td>
                <td class="sentence">{after.sentence ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function FigureList(props: {
  sheetId: string;
  title: string;
  figures: FigureRef[];
  link: boolean;
  level: 2 | 3;
  mark: 'ins' | 'del';
}) {
  if (props.figures.length === 0) return null;
  const Mark = props.mark;
  return (
    <section>
      <Heading level={props.level}>{`${props.title} (${props.figures.length})`}</Heading>
      <ul class="figure-list">
        {props.figures.map((figure) => (
          <li key={figure.key ?? figure.id}>
            <FigureName sheetId={props.sheetId} figure={figure} link={props.link} /> {figure.kind}:{' '}
            <Mark>{figure.text}</Mark> ({formatValue(figure)})
            {figure.sentence && <div class="sentence">{figure.sentence}</div>}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Sentences({ sentences, level }: { sentences: SectionSentenceChanges[]; level: 2 | 3 }) {
  return (
    <section>
      <Heading level={level}>Changed sentences</Heading>
      {sentences.length === 0 && <p>No sentence changed in the sections both revisions hold.</p>}
      {sentences.map((section) => (
        <div class="sentence-section" key={section.sectionId}>
          <p class="sentence-section-name">{section.heading ?? 'Lead'}</p>
          {section.changes.map((change, i) => (
            <div class="sentence-change" key={`${section.sectionId}-${i}`}>
              {change.before.length > 0 && (
                <p class="old">
                  <span class="visually-hidden">Old: </span>
                  <del>{change.before.join(' ')}</del>
                </p>
              )}
              {change.after.length > 0 && (
                <p class="new">
                  <span class="visually-hidden">New: </span>
                  <ins>{change.after.join(' ')}</ins>
                </p>
              )}
            </div>
          ))}
        </div>
      ))}
    </section>
  );
}

function SectionList({
  title,
  ids,
  headings,
  level,
}: {
  title: string;
  ids: string[];
  headings?: ReadonlyMap<string, string | null>;
  level: 2 | 3;
}) {
  if (ids.length === 0) return null;
  return (
    <section>
      <Heading level={level}>{`${title} (${ids.length})`}</Heading>
      <ul>
        {ids.map((id) => (
          <li key={id}>{sectionName(id, headings)}</li>
        ))}
      </ul>
    </section>
  );
}

export function DiffView({ sheetId, diff, sentences, headings, linkAdded = true, level = 2 }: DiffViewProps) {
  const { figures, sections } = diff;
  const nothing =
    figures.added.length + figures.removed.length + figures.changed.length === 0 &&
    sections.added.length + sections.removed.length + sections.changed.length === 0;
  return (
    <div class="diff-view">
      <p class="diff-summary">
        {nothing
          ? 'No figure or section changed.'
          : `${figures.changed.length} figures changed, ${figures.added.length} added, ` +
            `${figures.removed.length} removed; sections: ${sections.changed.length} changed, ` +
            `${sections.added.length} added, ${sections.removed.length} removed.`}
      </p>
      {diff.figuresOmitted && <p>The stored summary left its figure lists out (too many to keep).</p>}
      {sentences && <Sentences sentences={sentences} level={level} />}
      <ChangedFigures sheetId={sheetId} diff={diff} level={level} />
      <FigureList
        sheetId={sheetId}
        title="Added figures"
        figures={figures.added}
        link={linkAdded}
        level={level}
        mark="ins"
      />
      <FigureList
        sheetId={sheetId}
        title="Removed figures"
        figures={figures.removed}
        link
        level={level}
        mark="del"
      />
      <SectionList title="Added sections" ids={sections.added} headings={headings} level={level} />
      <SectionList title="Removed sections" ids={sections.removed} headings={headings} level={level} />
    </div>
  );
}
