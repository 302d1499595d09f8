/**
 * What the sheet page loads: the sheet's META, its sections through the sections route's cursor, every
 * figure through the figures route's cursor (each cursor keeps to the revision its first page read), each
 * section's blocks (a few at a time, shown as they arrive) and the sheet's source.
 */
import { useEffect, useState } from 'preact/hooks';
import { ApiProblem, apiGet } from '../api';
import type { Figure, SectionDetail, SectionSummary, SheetDetail, Source } from '../types';

/** Bounds each walk: 100 pages of 100 is past any sheet the parser accepts. */
const MAX_PAGES = 100;
const SECTION_CONCURRENCY = 4;

export interface SheetData {
  sheet?: SheetDetail;
  sheetError?: unknown;
  /** In document order, from the sections route. */
  sectionList?: SectionSummary[];
  /** The revision the section list and figures were read from (they agree unless a publish raced). */
  revision?: number;
  sectionsError?: unknown;
  figures?: Figure[];
  figuresError?: unknown;
  sections: Map<string, SectionDetail>;
  sectionErrors: Map<string, unknown>;
  /** null: no source registered for this sheet. */
  source?: Source | null;
  sourceError?: unknown;
}

/** Every item of a paginated list, following `nextCursor`; resolves with the items and the revision. */
async function allPages<T>(path: string, signal: AbortSignal): Promise<{ items: T[]; revision: number }> {
  const items: T[] = [];
  let revision = 0;
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const query = `limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const list = await apiGet<{ items: T[]; revision: number; nextCursor?: string }>(`${path}?${query}`, {
      signal,
    });
    items.push(...list.items);
    revision = list.revision;
    cursor = list.nextCursor;
    if (!cursor) break;
  }
  return { items, revision };
}

export function useSheetData(id: string): SheetData {
  const [data, setData] = useState<SheetData>({ sections: new Map(), sectionErrors: new Map() });

  useEffect(() => {
    const controller = new AbortController();
    const { signal } = controller;
    const update = (change: (d: SheetData) => SheetData) => {
      if (!signal.aborted) setData(change);
    };
    setData({ sections: new Map(), sectionErrors: new Map() });
    const path = `sheets/${encodeURIComponent(id)}`;

    apiGet<SheetDetail>(path, { signal }).then(
      (sheet) => update((d) => ({ ...d, sheet })),
      (sheetError: unknown) => update((d) => ({ ...d, sheetError })),
    );
    allPages<SectionSummary>(`${path}/sections`, signal).then(
      async ({ items, revision }) => {
        update((d) => ({ ...d, sectionList: items, revision }));
        const queue = [...items];
        const worker = async () => {
          for (let next = queue.shift(); next && !signal.aborted; next = queue.shift()) {
            const sectionId = next.id;
            try {
              const section = await apiGet<SectionDetail>(
                `${path}/sections/${encodeURIComponent(sectionId)}`,
                {
                  signal,
                },
              );
              update((d) => ({ ...d, sections: new Map(d.sections).set(sectionId, section) }));
            } catch (error) {
              update((d) => ({ ...d, sectionErrors: new Map(d.sectionErrors).set(sectionId, error) }));
            }
          }
        };
        await Promise.all(Array.from({ length: SECTION_CONCURRENCY }, worker));
      },
      // The sheet's own request reports a missing sheet; this one only matters when that one worked.
      (sectionsError: unknown) => update((d) => ({ ...d, sectionsError })),
    );
    allPages<Figure>(`${path}/figures`, signal).then(
      ({ items: figures }) => update((d) => ({ ...d, figures })),
      (figuresError: unknown) => update((d) => ({ ...d, figuresError })),
    );
    apiGet<Source>(`sources/${encodeURIComponent(id)}`, { signal }).then(
      (source) => update((d) => ({ ...d, source })),
      (sourceError: unknown) =>
        update((d) =>
          sourceError instanceof ApiProblem && sourceError.status === 404
            ? { ...d, source: null }
            : { ...d, sourceError },
        ),
    );
    return () => controller.abort();
  }, [id]);

  return data;
}
