/**
 * Review bugs 7 and 8 on the emulators: revisions stored by the real DynamoDB repository (text chunks,
 * spilled sections, a diff whose figure lists did not fit its header item), read through functions/api.ts.
 */
import type { APIGatewayProxyResult } from 'aws-lambda';
import { handler as api } from '../../functions/api';
import { documentClient } from '../../shared/aws/clients';
import { DynamoSheetRepository } from '../../shared/store/dynamo-sheets';
import type { DiffSummary } from '../../shared/store/ports';
import { bigSheet, publishTwoRevisions } from '../support/big-sheet';
import { writeLegacyRevision } from '../support/legacy-revision';
import { proxyEvent } from '../support/proxy-events';
import { createTestResources, type TestResources, testDocuments } from '../support/resources';

let resources: TestResources;
let sheets: DynamoSheetRepository;

async function call(target: string) {
  const result = (await api(proxyEvent('GET', target))) as APIGatewayProxyResult;
  return { ...result, headers: result.headers as Record<string, string> };
}

beforeAll(async () => {
  resources = await createTestResources('api-large');
  sheets = new DynamoSheetRepository(documentClient(), resources.tableName, {
    documents: testDocuments(resources.bucketName),
  });
});

describe('large revisions on the emulators', () => {
  it('a revision over the Lambda response limit redirects to a pre-signed URL of its document', async () => {
    // Near the 2 MB source limit: the text, its paragraph and 3,000 figures with sentences (~6 MB).
    const sheet = bigSheet('huge', { chars: 1_900_000, figures: 3_000, sentenceChars: 600 });
    await sheets.publishRevision({
      sheet,
      archiveKey: 'archive/huge/1.txt',
      reason: 'upload',
      diff: null,
      expectedLatest: 0,
    });
    const res = await call('/sheets/huge/revisions/1');
    expect(res.statusCode).toBe(307);
    const location = new URL(res.headers.Location ?? '');
    expect(location.pathname).toMatch(/\/parsed\/huge\/1\.[0-9a-f]{8}\.json\.gz$/);
    expect(location.searchParams.get('X-Amz-Expires')).toBe('300');
    // What the proxy result would carry stays far below 6 MB.
    expect(Buffer.byteLength(JSON.stringify(res))).toBeLessThan(10_000);
    // Followed without credentials or Origin, as a client following the redirect does: the same JSON a
    // 200 would carry (fetch undoes the Content-Encoding).
    const followed = await fetch(location);
    expect(followed.status).toBe(200);
    const body = (await followed.json()) as { header: { revision: number }; sheet: unknown };
    expect(body.header.revision).toBe(1);
    expect(body.sheet).toEqual(sheet);
    expect((await call('/sheets/huge')).statusCode).toBe(200);
    expect((await call('/sheets/huge/sections/body')).statusCode).toBe(200);
    expect((await call('/sheets/huge/figures')).statusCode).toBe(200);
  });

  it('a legacy revision (no document) over the limit is still a 413 problem', async () => {
    await writeLegacyRevision(
      resources.tableName,
      bigSheet('huge-legacy', { chars: 1_900_000, figures: 3_000, sentenceChars: 600 }),
    );
    const res = await call('/sheets/huge-legacy/revisions/1');
    expect(res.statusCode).toBe(413);
    expect(res.headers['Content-Type']).toBe('application/problem+json');
    expect(JSON.parse(res.body)).toMatchObject({ code: 'payload-too-large' });
  });

  it('/diff of consecutive revisions whose stored summary omitted its figures lists them', async () => {
    const v1 = bigSheet('many', { chars: 1_000, figures: 1_000, value: 1 });
    const v2 = bigSheet('many', { chars: 1_000, figures: 1_000, value: 2 });
    await publishTwoRevisions(sheets, v1, v2);
    expect((await sheets.getRevision('many', 2))?.header.diff?.figuresOmitted).toBe(true);
    for (const target of ['/sheets/many/diff', '/sheets/many/diff?from=1&to=2']) {
      const res = await call(target);
      expect([target, res.statusCode]).toEqual([target, 200]);
      const diff = JSON.parse(res.body) as DiffSummary;
      expect(diff.figuresOmitted).toBeUndefined();
      expect(diff.figures.changed).toHaveLength(1_000);
    }
  });
});
