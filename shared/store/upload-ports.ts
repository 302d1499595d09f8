/**
 * What an upload's fate is, and the port that stores it. An upload is named by the SHA-256 of its bytes
 * (`uploadId`), so uploading identical bytes again names the same upload (and starts it over as pending).
 */

export type UploadStatus = 'pending' | 'published' | 'unchanged' | 'superseded' | 'rejected';

/** What ingest (or anything else that decides about an upload) records. */
export type UploadOutcome =
  | { status: 'published'; revision: number }
  /** The bytes are the latest revision's already. */
  | { status: 'unchanged'; revision: number }
  /** A newer upload won; `by` is its uploadId when known. */
  | { status: 'superseded'; by?: string }
  /** `reason` is a SourceRejection or another short code (e.g. a poison-pill upload). */
  | { status: 'rejected'; reason: string; message: string };

export interface UploadRecord {
  sheetId: string;
  /** SHA-256 hex of the uploaded bytes. */
  uploadId: string;
  status: UploadStatus;
  /** When the bytes were uploaded (or first seen by ingest, for objects written without the API). */
  uploadedAt: string;
  /** When the current status was decided; absent while pending. */
  decidedAt?: string;
  /** The S3 key the bytes were written to. */
  key?: string;
  bytes?: number;
  revision?: number;
  reason?: string;
  message?: string;
  supersededBy?: string;
}

export interface PendingUpload {
  sheetId: string;
  uploadId: string;
  key: string;
  bytes: number;
  uploadedAt: string;
}

export interface UploadRepository {
  /** Starts (or restarts, for identical bytes) an upload as pending; written before the bytes are stored. */
  recordPending(upload: PendingUpload): Promise<void>;
  /**
   * Records what became of an upload. Only a pending or superseded upload (or one never recorded) takes an
   * outcome, so a redelivered event cannot turn `published` into `unchanged`. A decided outcome (anything
   * but superseded) also marks the sheet's older pending uploads superseded by this one. Returns false
   * when the upload was already decided.
   */
  recordOutcome(sheetId: string, uploadId: string, outcome: UploadOutcome, at: string): Promise<boolean>;
  /** One upload, from a strongly consistent read; null when unknown. */
  get(sheetId: string, uploadId: string): Promise<UploadRecord | null>;
  /** The sheet's uploads, most recently uploaded first. */
  list(
    sheetId: string,
    page: { limit: number; cursor?: string },
  ): Promise<{ items: UploadRecord[]; nextCursor?: string }>;
}
