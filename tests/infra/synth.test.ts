import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import type { APIGatewayAuthorizerResult, APIGatewayProxyResult } from 'aws-lambda';
import { type FunctionAsset, functionAssets, missingEntries, synthesize } from '../../infra/assets';
import { API_DOCS_FILES } from '../../infra/stack';
import { hashToken } from '../../shared/auth/token';
import { documentClient, s3Client } from '../../shared/aws/clients';
import { registerSource } from '../../shared/pipeline/sources';
import { DynamoSourceRepository } from '../../shared/store/dynamo-sources';
import { DynamoTokenRepository } from '../../shared/store/dynamo-tokens';
import { type FunctionName, functions } from '../../shared/topology';
import { invokeBundle } from '../support/bundle-runner';
import { fixture } from '../support/pipeline-deps';
import { proxyEvent } from '../support/proxy-events';
import { scheduledEventFixture } from '../support/refresh-fixtures';
import { createTestResources, type TestResources } from '../support/resources';
import { putEvent } from '../support/s3-events';
import { startTestOrigin, type TestOrigin } from '../support/test-origin';

/** The one real `cdk synth` (bundling every handler with esbuild), as `npm run synth` runs it. */
let outdir: string;
let assets: FunctionAsset[];

beforeAll(async () => {
  const missing = missingEntries();
  if (missing.length > 0) {
    throw new Error(`cannot synthesize: handler entries missing: ${missing.join(', ')}`);
  }
  outdir = mkdtempSync(path.join(tmpdir(), 'factsheet-synth-'));
  await synthesize(outdir);
  assets = functionAssets(outdir);
}, 120_000);

afterAll(() => {
  if (outdir) rmSync(outdir, { recursive: true, force: true });
});

describe('cdk synth (real bundling)', () => {
  it('bundles one minified asset with a source map per topology function', () => {
    expect(assets.map((a) => a.name).sort()).toEqual(Object.keys(functions).sort());
    const table = assets.map(
      (a) =>
        `${a.name}: ${(a.bundleBytes / 1024).toFixed(1)} KB (+ map ${(a.mapBytes / 1024).toFixed(1)} KB)`,
    );
    console.log(`bundled assets:\n${table.join('\n')}`);
    for (const asset of assets) {
      expect({ name: asset.name, hasBundle: asset.bundleBytes > 0, hasMap: asset.mapBytes > 0 }).toEqual({
        name: asset.name,
        hasBundle: true,
        hasMap: true,
      });
    }
  });

  it('the api asset carries the console build (manifest and hashed files) in console/', () => {
    const api = assets.find((a) => a.name === 'api')!;
    const manifest = JSON.parse(readFileSync(path.join(api.dir, 'console', 'manifest.json'), 'utf8')) as {
      files: Record<string, string>;
    };
    const files = Object.keys(manifest.files);
    expect(files).toEqual(expect.arrayContaining([expect.stringMatching(/^main-[A-Z0-9]{8}\.js$/)]));
    expect(files.filter((file) => !existsSync(path.join(api.dir, 'console', file)))).toEqual([]);
  });

  it('the api asset carries the Swagger UI files /docs reads at run time', () => {
    const api = assets.find((a) => a.name === 'api')!;
    const missing = API_DOCS_FILES.filter((file) => !existsSync(path.join(api.dir, file)));
    expect(missing).toEqual([]);
  });

  it('keeps the AWS SDK external (the Lambda runtime provides it) and every bundle under 1 MiB', () => {
    for (const asset of assets) {
      const code = readFileSync(asset.bundle, 'utf8');
      const requiresSdk = /require\("@aws-sdk\/[a-z0-9-]+"\)/.test(code);
      expect({ name: asset.name, requiresSdk, underMiB: asset.bundleBytes < 1024 * 1024 }).toEqual({
        name: asset.name,
        requiresSdk: true,
        underMiB: true,
      });
    }
  });

  it('assets are distinct bundles (one per handler)', () => {
    expect(new Set(assets.map((a) => a.dir)).size).toBe(assets.length);
  });
});

/**
 * What `cdk synth` ships, run as Lambda runs it: each bundled index.js in a fresh node process, the AWS SDK
 * resolved outside the bundle, against the emulators with the sample events of fixtures/.
 */
describe('the synthesized bundles, run against the emulators', () => {
  const TOKEN = 'bundle-test-token-0123456789';
  let bundles: Map<FunctionName, string>;
  let resources: TestResources;
  let origin: TestOrigin;
  let env: Record<string, string>;

  const run = <T>(name: FunctionName, event: unknown) =>
    invokeBundle<T>(bundles.get(name)!, name, event, env);

  beforeAll(async () => {
    bundles = new Map(assets.map((a) => [a.name, a.bundle]));
    resources = await createTestResources('bundles');
    await new DynamoTokenRepository(documentClient(), resources.tableName).putTokenHash(
      hashToken(TOKEN),
      'bundle test',
    );
    origin = await startTestOrigin();
    origin.route('/kenya', (_req, res) => {
      res
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end(fixture('sheets/kenya-archive.html'));
    });
    env = {
      TABLE_NAME: resources.tableName,
      BUCKET_NAME: resources.bucketName,
      AWS_ENDPOINT_URL_S3: process.env.AWS_ENDPOINT_URL_S3!,
      AWS_ENDPOINT_URL_DYNAMODB: process.env.AWS_ENDPOINT_URL_DYNAMODB!,
      ALLOWED_HOSTS: '127.0.0.1',
      ALLOW_PRIVATE_ADDRESSES: 'true',
    };
  }, 60_000);

  afterAll(async () => {
    await origin?.close();
  });

  it('ingest publishes revision 1 from an S3 put event', async () => {
    await s3Client().send(
      new PutObjectCommand({
        Bucket: resources.bucketName,
        Key: 'sources/mali.txt',
        Body: fixture('sheets/mali.txt'),
      }),
    );
    const result = await run<{ outcomes: { status: string }[]; retryable: unknown[] }>(
      'ingest',
      putEvent(resources.bucketName, 'sources/mali.txt'),
    );
    expect(result).toEqual({ outcomes: [expect.objectContaining({ status: 'published' })], retryable: [] });
    const sheet = await run<APIGatewayProxyResult>('api', proxyEvent('GET', '/sheets/mali'));
    expect(sheet.statusCode).toBe(200);
    expect(JSON.parse(sheet.body)).toEqual(
      expect.objectContaining({ id: 'mali', latestRevision: 1, country: 'Mali' }),
    );
  });

  it('api serves /openapi.json and the /docs page with its bundled Swagger UI files', async () => {
    const doc = await run<APIGatewayProxyResult>('api', proxyEvent('GET', '/openapi.json'));
    expect([doc.statusCode, JSON.parse(doc.body).openapi]).toEqual([200, '3.1.0']);
    const docs = await run<APIGatewayProxyResult>('api', proxyEvent('GET', '/docs'));
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain('swagger-ui');
    const css = await run<APIGatewayProxyResult>('api', proxyEvent('GET', '/docs/swagger-ui.css'));
    expect(css.statusCode).toBe(200);
  });

  it('api serves /console with its CSP and the hashed script from its asset', async () => {
    const page = await run<APIGatewayProxyResult>('api', proxyEvent('GET', '/console'));
    expect(page.statusCode).toBe(200);
    expect(page.headers?.['Content-Security-Policy']).toContain("script-src 'self'");
    const script = /src="console\/(main-[A-Z0-9]{8}\.js)"/.exec(page.body)?.[1];
    expect(script).toBeDefined();
    const asset = await run<APIGatewayProxyResult>('api', proxyEvent('GET', `/console/${script}`));
    expect(asset.statusCode).toBe(200);
    expect(asset.headers?.['Cache-Control']).toBe('public, max-age=31536000, immutable');
    expect(asset.body.length).toBeGreaterThan(1000);
  });

  it('the authorizer allows a stored token and denies an unknown one', async () => {
    const methodArn = 'arn:aws:execute-api:us-east-1:123456789012:abcdef1234/prod/PUT/sheets/mali/source';
    const allow = await run<APIGatewayAuthorizerResult>('authorizer', {
      type: 'TOKEN',
      authorizationToken: `Bearer ${TOKEN}`,
      methodArn,
    });
    const deny = await run<APIGatewayAuthorizerResult>('authorizer', {
      type: 'TOKEN',
      authorizationToken: 'Bearer not-a-token-we-know-of',
      methodArn,
    });
    expect([allow.policyDocument.Statement[0]?.Effect, deny.policyDocument.Statement[0]?.Effect]).toEqual([
      'Allow',
      'Deny',
    ]);
    await expect(run('authorizer', { type: 'TOKEN', authorizationToken: '', methodArn })).rejects.toThrow(
      'Unauthorized',
    );
  });

  it('refresh fetches a registered source on the scheduled event and writes it under sources/', async () => {
    await registerSource(
      {
        sources: new DynamoSourceRepository(documentClient(), resources.tableName),
        policy: {
          allowedHosts: ['127.0.0.1'],
          allowPrivateAddresses: true,
          timeoutMs: 1,
          maxBytes: 1,
          maxRedirects: 0,
        },
      },
      'kenya',
      `${origin.base}/kenya`,
    );
    const summary = await run<{ checked: number; updated: number; failed: number }>(
      'refresh',
      scheduledEventFixture(),
    );
    expect(summary).toEqual(expect.objectContaining({ checked: 1, updated: 1, failed: 0 }));
  });
});
