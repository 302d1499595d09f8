/**
 * The production dependencies of the API, from configuration read once at cold start: DynamoDB
 * repositories, the S3 blob store and the pipeline use cases. functions/api.ts and the local runtime call it.
 * Reprocessing and previews are delegated to the ingest function (a Lambda invoke), so the parser is not in
 * this bundle.
 */

import type { ApiDeps } from '../api/app';
import type { SourcesApi } from '../api/sources-api';
import { documentClient, lambdaClient, s3Client } from '../aws/clients';
import { publisherFromEnv } from '../aws/eventbridge-publisher';
import { lambdaPreview, type PreviewRemote } from '../aws/preview-client';
import { lambdaReprocess, type ReprocessRemote } from '../aws/reprocess-client';
import { S3BlobStore } from '../blobs/s3-blob-store';
import { S3RevisionDocuments } from '../blobs/s3-revision-documents';
import { type AppConfig, ConfigError } from '../config';
import { fetchPolicyFromConfig } from '../fetch/policy';
import { secretBoxFromEnv } from '../notify/secret-box';
import { subscriptionsApi } from '../notify/subscriptions-api';
import { webhookPolicyFromEnv } from '../notify/webhook-url';
import { diffSheets } from '../pipeline/diff';
import { getSource, listSources, refreshOne, registerSource, removeSource } from '../pipeline/sources';
import { DynamoSheetRepository } from '../store/dynamo-sheets';
import { DynamoSourceRepository } from '../store/dynamo-sources';
import { DynamoSubscriptionStore } from '../store/dynamo-subscriptions';
import { DynamoUploadRepository } from '../store/dynamo-uploads';

export function apiDepsFromConfig(config: AppConfig): ApiDeps {
  const sheets = new DynamoSheetRepository(documentClient(), config.tableName, {
    documents: new S3RevisionDocuments(s3Client(), config.bucketName),
  });
  const blobs = new S3BlobStore(s3Client(), config.bucketName);
  const sourceDeps = {
    sources: new DynamoSourceRepository(documentClient(), config.tableName),
    blobs,
    policy: fetchPolicyFromConfig(config),
    events: publisherFromEnv(),
  };
  const sources: SourcesApi = {
    list: (page) => listSources(sourceDeps, page),
    get: (id) => getSource(sourceDeps, id),
    register: (id, url, options) => registerSource(sourceDeps, id, url, options),
    remove: (id) => removeSource(sourceDeps, id),
    refresh: async (id) => (await refreshOne(sourceDeps, id)).source,
  };
  // Checked on first use, not at cold start: every other route works without the ingest function.
  const ingestFunction = (use: string): string => {
    if (!config.ingestFunctionName) {
      throw new ConfigError(`Environment variable INGEST_FUNCTION_NAME is required to ${use}`);
    }
    return config.ingestFunctionName;
  };
  let remote: ReprocessRemote | undefined;
  let previewRemote: PreviewRemote | undefined;
  return {
    sheets,
    blobs,
    uploads: new DynamoUploadRepository(documentClient(), config.tableName),
    sources,
    subscriptions: subscriptionsApi({
      store: new DynamoSubscriptionStore(documentClient(), config.tableName),
      box: () => secretBoxFromEnv(),
      policy: webhookPolicyFromEnv(),
      publisher: publisherFromEnv(),
    }),
    reprocess: async (id) => {
      remote ??= lambdaReprocess(lambdaClient(), ingestFunction('reprocess'));
      return remote(id);
    },
    preview: (request) => {
      previewRemote ??= lambdaPreview(lambdaClient(), ingestFunction('preview'));
      return previewRemote(request);
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
