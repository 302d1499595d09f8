/** What one ingest of a source object decided (its own module: the upload record and ingest both name it). */
import type { SourceRejection } from '../errors';
import type { DiffSummary } from '../store/ports';

export type IngestOutcome =
  | { status: 'published'; id: string; revision: number; diff: DiffSummary | null }
  | { status: 'unchanged'; id: string; revision: number }
  | { status: 'rejected'; id: string; reason: SourceRejection; message: string }
  | { status: 'ignored'; reason: 'outside-sources' | 'missing-object' | 'superseded' };
