/**
 * Publishes a sheet as an older parser would have left it: its source archived under archive/ (the key
 * ingest uses) and revision 1 written through DynamoSheetRepository.publishRevision with an old
 * parserVersion, so a reprocess-stale run has something to bring up to date.
 */
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { documentClient, s3Client } from '../../shared/aws/clients';
import { parseSheet } from '../../shared/index';
import { sha256Hex } from '../../shared/pipeline/ingest';
import { archiveKeyFor } from '../../shared/pipeline/source-key';
import { DynamoSheetRepository } from '../../shared/store/dynamo-sheets';
import { testDocuments } from './resources';

export interface StaleSheet {
  tableName: string;
  bucketName: string;
  id: string;
  /** A text/plain source. */
  bytes: Uint8Array;
  parserVersion: string;
}

/** Returns the archive key revision 1 points at. */
export async function publishStaleSheet(stale: StaleSheet): Promise<string> {
  const hash = sha256Hex(stale.bytes);
  const archiveKey = archiveKeyFor(stale.id, hash, 'text/plain');
  await s3Client().send(
    new PutObjectCommand({
      Bucket: stale.bucketName,
      Key: archiveKey,
      Body: stale.bytes,
      ContentType: 'text/plain',
    }),
  );
  const parsed = parseSheet(stale.bytes, { id: stale.id, contentType: 'text/plain' });
  const sheets = new DynamoSheetRepository(documentClient(), stale.tableName, {
    documents: testDocuments(stale.bucketName),
  });
  await sheets.publishRevision({
    sheet: { ...parsed, id: stale.id, sourceHash: hash, parserVersion: stale.parserVersion },
    archiveKey,
    reason: 'upload',
    diff: null,
    expectedLatest: 0,
  });
  return archiveKey;
}
