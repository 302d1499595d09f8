/**
 * What the ingest and reprocess use cases need, passed in by the handler (or a test): ports, not clients.
 */
import type { BlobStore } from '../blobs/ports';
import type { EventPublisher } from '../events/publisher';
import type { ParsedSheet, ParseOptions } from '../model';
import type { PipelineLogger, PipelineMetrics } from '../observability';
import type { SheetRepository } from '../store/ports';
import type { UploadRepository } from '../store/upload-ports';

/** `parseSheet`'s signature (shared/index.ts); throws InvalidSourceError for bad input. */
export type ParseFn = (source: string | Uint8Array, options?: ParseOptions) => ParsedSheet;

export interface PipelineDeps {
  sheets: SheetRepository;
  /** Where each upload's outcome is recorded (optional: reprocess and older fakes need none). */
  uploads?: UploadRepository;
  blobs: BlobStore;
  parse: ParseFn;
  /** The current parser's version (`PARSER_VERSION`): same hash + same version = nothing to do. */
  parserVersion: string;
  clock: () => Date;
  logger: PipelineLogger;
  metrics: PipelineMetrics;
  /** Largest accepted source, bytes. */
  maxSourceBytes: number;
  /** Most figures one revision may hold (default MAX_FIGURES_PER_SHEET, shared/config.ts). */
  maxFigures?: number;
  /** Publish attempts after lost META races before giving up with a retryable error (default 8). */
  maxPublishAttempts?: number;
  /** Waits between lost races; tests may pass a no-op. */
  sleep?: (ms: number) => Promise<void>;
  /** Where `sheet.revision.published` and `sheet.upload.rejected` go; none: no events. */
  events?: EventPublisher;
}
