/**
 * Request data never reaches a prototype: `constructor`, `toString`, `valueOf`, `hasOwnProperty` and
 * `__proto__` as a query or header name, on every route of the topology, through the local API Gateway
 * stand-in, the authorizer and the api handler. Each answer is a deliberate one (never a 500).
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { buildConsole } from '../../console/build';
// Imported after env.ts: the adapter loads functions/api.ts and functions/authorizer.ts.
import { handler as ingest } from '../../functions/ingest';
import { createLocalHttpServer } from '../../infra/local/http-adapter';
import type { LambdaEndpoint } from '../../infra/local/lambda-endpoint';
import { provideConsole } from '../../shared/api/console-files';
import { generateToken, hashToken } from '../../shared/auth/token';
import { documentClient, s3Client } from '../../shared/aws/clients';
import { DynamoTokenRepository } from '../../shared/store/dynamo-tokens';
import { routes } from '../../shared/topology';
import { startIngestEndpoint } from '../support/ingest-endpoint';
import { fixture } from '../support/pipeline-deps';
import { createTestResources, type TestResources } from '../support/resources';
import { putEvent } from '../support/s3-events';

const NAMES = ['constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__'] as const;
const PARAMS: Record<string, string> = { id: 'mali', sectionId: 'key-facts', rev: '1', asset: 'index.css' };

let resources: TestResources;
let server: Server;
let lambda: LambdaEndpoint;
let base: string;
const token = generateToken();

beforeAll(async () => {
  // As the local runtime does: /console builds in memory on its first request.
  provideConsole(buildConsole);
  resources = await createTestResources('protonames');
  await new DynamoTokenRepository(documentClient(), resources.tableName).putTokenHash(
    hashToken(token),
    'test',
  );
  await s3Client().send(
    new PutObjectCommand({
      Bucket: resources.bucketName,
      Key: 'sources/mali.txt',
      Body: fixture('sheets/mali.txt'),
    }),
  );
  await ingest(putEvent(resources.bucketName, 'sources/mali.txt'));
  lambda = await startIngestEndpoint();
  server = createLocalHttpServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
  await lambda.close();
});

const cases = routes.flatMap((route) =>
  NAMES.flatMap((name) => [
    [route.method, route.path, 'query', name] as const,
    [route.method, route.path, 'header', name] as const,
  ]),
);

/** A body each write route accepts, so the request gets past validation to the handler's lookups. */
function bodyFor(method: string, path: string): { body?: string; contentType?: string } {
  if (path.endsWith('/source'))
    return { body: 'U.S. Relations With Mali\n\nMali.', contentType: 'text/plain' };
  if (method === 'PUT' && path === '/sources/{id}')
    return {
      body: JSON.stringify({ url: 'https://www.state.gov/u-s-relations-with-mali/' }),
      contentType: 'application/json',
    };
  return {};
}

describe('prototype names in request data', () => {
  it.each(cases)('%s %s with %s name %s → not a 500', async (method, path, where, name) => {
    const concrete = path.replace(/\{(\w+)\}/g, (_m, param: string) => PARAMS[param] ?? 'x');
    const { body, contentType } = bodyFor(method, path);
    const headers: Record<string, string> = { Authorization: `Bearer ${token}` };
    if (contentType) headers['Content-Type'] = contentType;
    if (where === 'header') headers[name] = '1';
    const query = where === 'query' ? `?${encodeURIComponent(name)}=1` : '';
    // The refresh route would fetch the registered URL from the web: never reach the network here.
    const url = `${base}${concrete}${query}`;
    const res = await fetch(url, { method, headers, ...(body !== undefined && { body }) });
    const text = await res.text();
    expect({ status: res.status, text: res.status >= 500 ? text : '' }).toEqual({
      status: expect.any(Number),
      text: '',
    });
    expect(res.status).toBeLessThan(500);
  });
});
