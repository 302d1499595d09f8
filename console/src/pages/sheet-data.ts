/**
 * What the sheet page loads: the sheet (META + section list), every figure through the figures route's
 * cursor, each section's blocks (a few at a time, shown as they arrive) and the sheet's source.
 */
import { useEffect, useState } from 'preact/hooks';
import { ApiProblem, apiGet } from '../api';
import type { Figure, FigureList, SectionDetail, SheetDetail, Source } from '../types';

/** Bounds the figure walk: 100 pages of 100 is past any sheet the parser accepts. */
const MAX_FIGURE_PAGES = 100;
const SECTION_CONCURRENCY = 4;

export interface SheetData {
  sheet?: SheetDetail;
  sheetError?: unknown;
  figures?: Figure[];
  figuresError?: unknown;
  sections: Map<string, SectionDetail>;
  sectionErrors: Map<string, unknown>;
  /** null: no source registered for this sheet. */
  source?: Source | null;
  sourceError?: unknown;
}

async function allFigures(id: string, signal: AbortSignal): Promise<Figure[]> {
  const figures: Figure[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_FIGURE_PAGES; page++) {
    const query = `limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const list = await apiGet<FigureList>(`sheets/${encodeURIComponent(id)}/figures?${query}`, { signal });
    figures.push(...list.items);
    cursor = list.nextCursor;
    if (!cursor) break;
  }
  return figures;
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
      async (sheet) => {
        update((d) => ({ ...d, sheet }));
        const queue = [...sheet.sections];
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
      (sheetError: unknown) => update((d) => ({ ...d, sheetError })),
    );
    allFigures(id, signal).then(
      (figures) => update((d) => ({ ...d, figures })),
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
