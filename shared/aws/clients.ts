/**
 * AWS SDK v3 clients, created once per process. They read `AWS_ENDPOINT_URL_S3` / `AWS_ENDPOINT_URL_DYNAMODB`
 * / `AWS_ENDPOINT_URL_LAMBDA` themselves, so the same code talks to AWS or to the local emulators.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import type { LambdaClient } from '@aws-sdk/client-lambda';
import { S3Client } from '@aws-sdk/client-s3';
import type { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { optional, sdkEndpointVariable } from '../env';

let s3: S3Client | undefined;
let ddb: DynamoDBDocumentClient | undefined;
let lambda: LambdaClient | undefined;
let eventBridge: EventBridgeClient | undefined;
let secrets: SecretsManagerClient | undefined;

export function s3Client(): S3Client {
  s3 ??= new S3Client({
    // An explicit endpoint means an emulator (s3rver), which only understands path-style requests.
    forcePathStyle: optional(process.env, sdkEndpointVariable('S3')) !== undefined,
    // Streaming checksums would otherwise be stored inside the object body by s3rver.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  return s3;
}

export function documentClient(): DynamoDBDocumentClient {
  ddb ??= DynamoDBDocumentClient.from(new DynamoDBClient({}), {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
  return ddb;
}

/** For invoking other functions of the topology (the api invokes ingest to reprocess). */
export function lambdaClient(): LambdaClient {
  // Loaded on first use: only the api's reprocess route needs it, and every handler imports this module.
  const sdk = require('@aws-sdk/client-lambda') as typeof import('@aws-sdk/client-lambda');
  lambda ??= new sdk.LambdaClient({});
  return lambda;
}

/** For emitting domain events (ingest, refresh, the api's test deliveries); loaded on first use. */
export function eventBridgeClient(): EventBridgeClient {
  const sdk = require('@aws-sdk/client-eventbridge') as typeof import('@aws-sdk/client-eventbridge');
  eventBridge ??= new sdk.EventBridgeClient({});
  return eventBridge;
}

/** For reading the webhook-secret encryption key on AWS (never used locally). */
export function secretsManagerClient(): SecretsManagerClient {
  const sdk = require('@aws-sdk/client-secrets-manager') as typeof import('@aws-sdk/client-secrets-manager');
  secrets ??= new sdk.SecretsManagerClient({});
  return secrets;
}

/** Forget cached clients (tests that change endpoints between suites). */
export function resetClients(): void {
  s3 = undefined;
  ddb = undefined;
  lambda = undefined;
  eventBridge = undefined;
  secrets = undefined;
}
