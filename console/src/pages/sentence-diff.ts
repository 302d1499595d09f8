/**
 * The changed sentences of two revisions of a sheet: for every section both revisions hold, the runs of
 * sentences that differ, paired old ↔ new. The API's diff names changed sections and figures; this is
 * what an editor reads to see the wording that moved.
 */
import { diffArrays } from 'diff';
import type { Block, ParsedSheet, Section } from './api-types';

export interface SentenceChange {
  /** Sentences of the older revision this change replaces (empty: added). */
  before: string[];
  /** Sentences of the newer revision (empty: removed). */
  after: string[];
}

export interface SectionSentenceChanges {
  sectionId: string;
  heading: string | null;
  changes: SentenceChange[];
}

/** Past this many edits a section's sentences are shown whole: the diff stays linear-ish on hostile input. */
const MAX_EDIT_LENGTH = 500;

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

export function sentencesOf(text: string): string[] {
  const out: string[] = [];
  for (const { segment } of segmenter.segment(text)) {
    const sentence = segment.trim();
    if (sentence) out.push(sentence);
  }
  return out;
}

function blockSentences(block: Block): string[] {
  if (block.type === 'paragraph') return sentencesOf(block.text);
  return block.items.flatMap((item) => sentencesOf(item.text));
}

function sectionSentences(section: Section): string[] {
  return section.blocks.flatMap(blockSentences);
}

/** Pairs each removed run with the added run right after it (a replacement), as a reader expects. */
function changesBetween(older: string[], newer: string[]): SentenceChange[] {
  const parts = diffArrays(older, newer, { maxEditLength: MAX_EDIT_LENGTH });
  if (!parts) return [{ before: older, after: newer }];
  const changes: SentenceChange[] = [];
  let pending: SentenceChange | null = null;
  for (const part of parts) {
    if (part.removed) {
      pending = { before: part.value, after: [] };
      changes.push(pending);
    } else if (part.added) {
      if (pending && pending.after.length === 0) pending.after = part.value;
      else changes.push({ before: [], after: part.value });
      pending = null;
    } else {
      pending = null;
    }
  }
  return changes;
}

/** Changed sentences per section present in both revisions, in the newer revision's section order. */
export function sentenceChanges(
  older: Pick<ParsedSheet, 'sections'>,
  newer: Pick<ParsedSheet, 'sections'>,
): SectionSentenceChanges[] {
  const before = new Map(older.sections.map((s) => [s.id, s]));
  const out: SectionSentenceChanges[] = [];
  for (const section of newer.sections) {
    const previous = before.get(section.id);
    if (!previous) continue;
    const changes = changesBetween(sectionSentences(previous), sectionSentences(section));
    if (changes.length > 0) out.push({ sectionId: section.id, heading: section.heading, changes });
  }
  return out;
}
