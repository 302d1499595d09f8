/**
 * The production dependencies of the API, from configuration read once at cold start: DynamoDB
 * repositories, the S3 blob store and the pipeline use cases. functions/api.ts and the local runtime call it.
 */
import { documentClient, s3Client } from '../aws/clients';
import { S3BlobStore } from '../blobs/s3-blob-store';
import type { AppConfig } from '../config';
import { InvalidSourceError } from '../errors';
import { fetchPolicyFromConfig } from '../fetch/policy';
import { PARSER_VERSION, parseSheet } from '../index';
import { createLogger, createMetrics } from '../observability';
import type { PipelineDeps } from '../pipeline/deps';
import { diffSheets } from '../pipeline/diff';
import { reprocessSheet } from '../pipeline/reprocess';
import { getSource, listSources, refreshOne, registerSource, removeSource } from '../pipeline/sources';
import { DynamoSheetRepository } from '../store/dynamo-sheets';
import { DynamoSourceRepository } from '../store/dynamo-sources';
import type { ApiDeps } from './app';
import type { SourcesApi } from './sources-api';

export function apiDepsFromConfig(config: AppConfig): ApiDeps {
  const sheets = new DynamoSheetRepository(documentClient(), config.tableName);
  const blobs = new S3BlobStore(s3Client(), config.bucketName);
  const sourceDeps = {
    sources: new DynamoSourceRepository(documentClient(), config.tableName),
    blobs,
    policy: fetchPolicyFromConfig(config),
  };
  const sources: SourcesApi = {
    list: (page) => listSources(sourceDeps, page),
    get: (id) => getSource(sourceDeps, id),
    register: (id, url) => registerSource(sourceDeps, id, url),
    remove: (id) => removeSource(sourceDeps, id),
    refresh: async (id) => (await refreshOne(sourceDeps, id)).source,
  };
  const pipeline: PipelineDeps = {
    sheets,
    blobs,
    parse: parseSheet,
    parserVersion: PARSER_VERSION,
    clock: () => new Date(),
    logger: createLogger('api'),
    metrics: createMetrics('api'),
    maxSourceBytes: config.maxSourceBytes,
  };
  return {
    sheets,
    blobs,
    sources,
    reprocess: async (id) => {
      const outcome = await reprocessSheet(pipeline, id);
      if (outcome.status === 'rejected') throw new InvalidSourceError(outcome.reason, outcome.message);
      pipeline.metrics.flush();
      return { status: outcome.status, revision: outcome.revision };
    },
    diff: (older, newer) =>
      diffSheets(older.sheet, newer.sheet, older.header.revision, newer.header.revision),
    readMaxAgeSeconds: config.readMaxAgeSeconds,
    maxSourceBytes: config.maxSourceBytes,
    ping: async () => {
      await sheets.getMeta('health-check');
    },
  };
}
