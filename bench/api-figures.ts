/**
 * `npm run bench -- api-figures` (also part of `api`): the figure routes in-process (createApi over
 * DynamoDB repositories on an in-memory dynalite, revision documents in s3rver), each beside the raw-store floor measured in the same run:
 *
 * - GET /sheets/{id}/figures/{key}/history over 20 revisions, on a fresh API instance each run (nothing
 *   cached: the cold-Lambda cost) and warm (revisions cached; max-age 0, so no response is reused);
 *   floor: the same 20 revisions' figures read straight from the repository.
 * - A full CSV export of /figures?kind=money over 1,000 sheets (every page, limit 100, fresh API);
 *   floor: the gsi2 partition read page by page with bare Queries (no META check, no decoding, no CSV).
 */
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { startEmulators } from '../infra/local/emulators';
import { createApi } from '../shared/api/app';
import type { ApiRequest } from '../shared/api/http';
import { S3RevisionDocuments } from '../shared/blobs/s3-revision-documents';
import { assignFigureKeys } from '../shared/pipeline/figure-keys';
import { DynamoSheetRepository } from '../shared/store/dynamo-sheets';
import { kindPartition } from '../shared/store/latest-figures';
import { GSI2, tableDefinition } from '../shared/store/table-definition';
import { InMemoryBlobStore } from '../tests/support/fakes/memory-blobs';
import { syntheticSheet } from '../tests/support/figure-sheets';
import { type BenchResult, type BenchRow, fmt, median, timeRuns } from './harness';

const SHEETS = Number(process.env.BENCH_FIGURE_SHEETS ?? 1000);
const REVISIONS = 20;
const RUNS = Number(process.env.BENCH_FIGURE_RUNS ?? 5);

function request(path: string, query: Record<string, string[]> = {}): ApiRequest {
  return { method: 'GET', path, headers: { accept: 'text/csv' }, query };
}

export async function run(): Promise<BenchResult> {
  const emulators = await startEmulators();
  try {
    const client = DynamoDBDocumentClient.from(
      new DynamoDBClient({
        endpoint: emulators.dynamoEndpoint,
        region: 'us-east-1',
        credentials: { accessKeyId: 'bench', secretAccessKey: 'bench' },
      }),
    );
    const tableName = 'bench-figures';
    await client.send(new CreateTableCommand(tableDefinition(tableName)));
    // Revision documents live in S3 (s3rver here), as they do for every published revision.
    const s3 = new S3Client({
      endpoint: emulators.s3Endpoint,
      region: 'us-east-1',
      forcePathStyle: true,
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    });
    await s3.send(new CreateBucketCommand({ Bucket: tableName }));
    const repo = new DynamoSheetRepository(client, tableName, {
      documents: new S3RevisionDocuments(s3, tableName),
    });
    console.error(`  publishing ${SHEETS} sheets and one with ${REVISIONS} revisions…`);
    for (let i = 0; i < SHEETS; i += 8) {
      await Promise.all(
        Array.from({ length: Math.min(8, SHEETS - i) }, (_, j) =>
          repo.publishRevision({
            sheet: assignFigureKeys(null, syntheticSheet(i + j), 1),
            archiveKey: 'a',
            reason: 'upload',
            diff: null,
            expectedLatest: 0,
          }),
        ),
      );
    }
    const historyId = 'history';
    let previous = null;
    for (let revision = 1; revision <= REVISIONS; revision++) {
      const sheet = assignFigureKeys(previous, { ...syntheticSheet(7, revision), id: historyId }, revision);
      await repo.publishRevision({
        sheet,
        archiveKey: 'a',
        reason: 'upload',
        diff: null,
        expectedLatest: revision - 1,
      });
      previous = sheet.figures;
    }
    const api = () =>
      createApi({
        sheets: repo,
        blobs: new InMemoryBlobStore(),
        readMaxAgeSeconds: 0,
        maxSourceBytes: 2 << 20,
      });
    const historyPath = `/sheets/${historyId}/figures/r1-1/history`;

    const rows: BenchRow[] = [];
    const timed = (name: string, samples: number[], floor: number, extra: Record<string, string> = {}) =>
      rows.push({
        name,
        values: { 'median ms': fmt(median(samples)), '÷ floor': fmt(median(samples) / floor), ...extra },
      });

    const historyFloor = await timeRuns(async () => {
      for (let r = 1; r <= REVISIONS; r += 8) {
        await Promise.all(
          Array.from({ length: Math.min(8, REVISIONS - r + 1) }, (_, k) => repo.getFigures(historyId, r + k)),
        );
      }
    }, RUNS);
    const floorMs = median(historyFloor);
    timed(`store floor: ${REVISIONS} revisions' figures (getFigures)`, historyFloor, floorMs);
    const cold = await timeRuns(async () => {
      const res = await api()(request(historyPath));
      if (res.statusCode !== 200) throw new Error(`history answered ${res.statusCode}`);
    }, RUNS);
    timed(`GET …/figures/{key}/history, ${REVISIONS} revisions, cold`, cold, floorMs);
    const warmApi = api();
    const warm = await timeRuns(async () => {
      const res = await warmApi(request(historyPath));
      if (res.statusCode !== 200) throw new Error(`history answered ${res.statusCode}`);
    }, RUNS);
    timed(`GET …/figures/{key}/history, ${REVISIONS} revisions, warm revisions`, warm, floorMs);

    let floorItems = 0;
    const exportFloor = await timeRuns(
      async () => {
        floorItems = 0;
        let start: Record<string, unknown> | undefined;
        do {
          const res = await client.send(
            new QueryCommand({
              TableName: tableName,
              IndexName: GSI2.name,
              KeyConditionExpression: '#pk = :pk',
              ExpressionAttributeNames: { '#pk': GSI2.pk },
              ExpressionAttributeValues: { ':pk': kindPartition('money') },
              Limit: 100,
              ExclusiveStartKey: start,
            }),
          );
          floorItems += res.Items?.length ?? 0;
          start = res.LastEvaluatedKey;
        } while (start);
      },
      RUNS,
      1,
    );
    const exportFloorMs = median(exportFloor);
    const perSecond = (count: number, ms: number) => fmt((count / ms) * 1000);
    timed(
      `store floor: gsi2 ${kindPartition('money')} pages of 100 (${floorItems} items)`,
      exportFloor,
      exportFloorMs,
      {
        'figures/s': perSecond(floorItems, exportFloorMs),
      },
    );
    let exported = 0;
    let pages = 0;
    const csv = await timeRuns(
      async () => {
        const handler = api();
        exported = 0;
        pages = 0;
        let cursor: string | undefined;
        do {
          const res = await handler(
            request('/figures', { kind: ['money'], limit: ['100'], ...(cursor && { cursor: [cursor] }) }),
          );
          if (res.statusCode !== 200)
            throw new Error(`/figures answered ${res.statusCode}: ${String(res.body)}`);
          const body = String(res.body);
          exported += body.split('\r\n').length - 2;
          pages++;
          cursor = res.headers['X-Next-Cursor'];
        } while (cursor);
      },
      RUNS,
      1,
    );
    timed(
      `CSV export /figures?kind=money, ${SHEETS} sheets (${exported} rows, ${pages} pages)`,
      csv,
      exportFloorMs,
      {
        'figures/s': perSecond(exported, median(csv)),
      },
    );
    return {
      title: `Figure history and CSV export (in-process API over dynalite, ${RUNS} runs each)`,
      rows,
      notes: [
        `History: one sheet with ${REVISIONS} revisions; "cold" builds a fresh API per request (nothing cached), "warm" reuses one (revisions cached; READ_MAX_AGE 0, so no response is reused). The CSV export builds a fresh API per run; headings and publishedOn come from the projection items (no revision reads). Row counts assume no line breaks inside fields (true of these sheets).`,
      ],
    };
  } finally {
    await emulators.stop();
  }
}
