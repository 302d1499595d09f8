/**
 * Response bodies built from store records. Fields are picked explicitly so storage details (keys, GSI
 * attributes) never leak and every body matches its OpenAPI schema exactly.
 */
import type { Section } from '../model';
import type { SheetMeta, StoredRevision } from '../store/ports';

export function sheetSummary(meta: SheetMeta) {
  return {
    id: meta.id,
    latestRevision: meta.latestRevision,
    title: meta.title,
    country: meta.country,
    bureau: meta.bureau ?? null,
    publishedOn: meta.publishedOn ?? null,
    contentType: meta.contentType,
    sourceHash: meta.sourceHash,
    parserVersion: meta.parserVersion,
    counts: { sections: meta.counts.sections, figures: meta.counts.figures },
    createdAt: meta.createdAt,
    updatedAt: meta.updatedAt,
    ...(meta.lastError && {
      lastError: {
        at: meta.lastError.at,
        key: meta.lastError.key,
        reason: meta.lastError.reason,
        message: meta.lastError.message,
      },
    }),
  };
}

export interface SectionSummary extends Omit<Section, 'blocks'> {
  blockCount: number;
  figureCount: number;
}

export function sectionSummaries(revision: StoredRevision): SectionSummary[] {
  const figuresPerSection = new Map<string, number>();
  for (const figure of revision.sheet.figures) {
    figuresPerSection.set(figure.sectionId, (figuresPerSection.get(figure.sectionId) ?? 0) + 1);
  }
  return revision.sheet.sections.map((section: Section) => ({
    id: section.id,
    heading: section.heading,
    level: section.level,
    start: section.start,
    end: section.end,
    blockCount: section.blocks.length,
    figureCount: figuresPerSection.get(section.id) ?? 0,
  }));
}
