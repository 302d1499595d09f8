/**
 * The production PipelineDeps from configuration: DynamoDB sheet repository, S3 blob store, the current
 * parser, Powertools logger and metrics, for the ingest handler (S3 events and reprocess invocations).
 */
import { documentClient, s3Client } from '../aws/clients';
import { publisherFromEnv } from '../aws/eventbridge-publisher';
import { S3BlobStore } from '../blobs/s3-blob-store';
import { S3RevisionDocuments } from '../blobs/s3-revision-documents';
import type { AppConfig } from '../config';
import { PARSER_VERSION, parseSheet } from '../index';
import { createLogger, createMetrics, SERVICE_NAME } from '../observability';
import type { PipelineDeps } from '../pipeline/deps';
import { DynamoSheetRepository } from '../store/dynamo-sheets';
import { DynamoUploadRepository } from '../store/dynamo-uploads';

export function pipelineDepsFromConfig(config: AppConfig, serviceName = SERVICE_NAME): PipelineDeps {
  return {
    sheets: new DynamoSheetRepository(documentClient(), config.tableName, {
      documents: new S3RevisionDocuments(s3Client(), config.bucketName),
    }),
    uploads: new DynamoUploadRepository(documentClient(), config.tableName),
    blobs: new S3BlobStore(s3Client(), config.bucketName),
    parse: parseSheet,
    parserVersion: PARSER_VERSION,
    clock: () => new Date(),
    logger: createLogger(serviceName),
    metrics: createMetrics(serviceName),
    maxSourceBytes: config.maxSourceBytes,
    events: publisherFromEnv(),
  };
}
