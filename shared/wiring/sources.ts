/**
 * Production wiring of the source use cases: the DynamoDB registry, the S3 blob store and the fetch
 * policy, from configuration read once. The refresh handler uses it; the API may too.
 */
import { documentClient, s3Client } from '../aws/clients';
import { publisherFromEnv } from '../aws/eventbridge-publisher';
import { S3BlobStore } from '../blobs/s3-blob-store';
import type { AppConfig } from '../config';
import { fetchPolicyFromConfig } from '../fetch/policy';
import type { RefreshLogger, RefreshMetrics, SourceDeps } from '../pipeline/source-deps';
import { DynamoSourceRepository } from '../store/dynamo-sources';

export function sourceDepsFromConfig(
  config: AppConfig,
  observe: { logger?: RefreshLogger; metrics?: RefreshMetrics } = {},
): SourceDeps {
  return {
    sources: new DynamoSourceRepository(documentClient(), config.tableName),
    blobs: new S3BlobStore(s3Client(), config.bucketName),
    policy: fetchPolicyFromConfig(config),
    events: publisherFromEnv(),
    ...observe,
  };
}
