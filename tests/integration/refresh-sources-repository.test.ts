import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '../../shared/aws/clients';
import { NotFoundError, ValidationError } from '../../shared/errors';
import { DynamoSourceRepository } from '../../shared/store/dynamo-sources';
import type { SourceRecord } from '../../shared/store/ports';
import { createTestResources } from '../support/resources';

let repo: DynamoSourceRepository;
let tableName: string;

function record(id: string, extra: Partial<SourceRecord> = {}): SourceRecord {
  return {
    id,
    url: `https://www.state.gov/${id}/`,
    enabled: true,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...extra,
  };
}

beforeAll(async () => {
  ({ tableName } = await createTestResources('sources-repo'));
  repo = new DynamoSourceRepository(documentClient(), tableName);
  for (let i = 0; i < 7; i++) {
    await repo.put(record(`s-${i}`, { enabled: i % 3 !== 0, etag: `"e${i}"` }));
  }
});

describe('DynamoSourceRepository on dynalite', () => {
  it('round-trips a record without leaking table keys', async () => {
    expect(await repo.get('s-1')).toEqual(record('s-1', { etag: '"e1"' }));
    expect(await repo.get('missing')).toBeNull();
  });

  it('pages through every source in id order with opaque cursors', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await repo.list({ limit: 3, ...(cursor && { cursor }) });
      seen.push(...page.items.map((s) => s.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    expect(seen).toEqual(['s-0', 's-1', 's-2', 's-3', 's-4', 's-5', 's-6']);
    expect(pages).toBeGreaterThanOrEqual(3);
  });

  it('refuses a forged cursor', async () => {
    const forged = Buffer.from(
      JSON.stringify({ pk: 'SHEET#x', sk: 'META', gsi1pk: 'SHEETS', gsi1sk: 'x' }),
    ).toString('base64url');
    await expect(repo.list({ limit: 2, cursor: forged })).rejects.toBeInstanceOf(ValidationError);
  });

  it('lists only enabled sources, across pages', async () => {
    expect((await repo.listEnabled()).map((s) => s.id)).toEqual(['s-1', 's-2', 's-4', 's-5']);
  });

  it('merges a check: sets given fields, removes fields given as undefined, keeps the rest', async () => {
    await repo.recordCheck('s-2', { lastStatus: 'updated', contentHash: 'abc', etag: undefined });
    expect(await repo.get('s-2')).toEqual(record('s-2', { lastStatus: 'updated', contentHash: 'abc' }));
  });

  it('refuses a check of a source never registered (the condition dynalite evaluates), writing nothing', async () => {
    await expect(repo.recordCheck('gone', { lastStatus: 'unchanged' })).rejects.toBeInstanceOf(NotFoundError);
    const items = await documentClient().send(new ScanCommand({ TableName: tableName }));
    expect(items.Items?.some((i) => i.pk === 'SOURCE#gone')).toBe(false);
  });

  it('does not resurrect a deleted source', async () => {
    expect(await repo.delete('s-5')).toBe(true);
    expect(await repo.delete('s-5')).toBe(false);
    await expect(repo.recordCheck('s-5', { lastStatus: 'failed' })).rejects.toBeInstanceOf(NotFoundError);
    const items = await documentClient().send(new ScanCommand({ TableName: tableName }));
    expect(items.Items?.some((i) => i.pk === 'SOURCE#s-5')).toBe(false);
  });
});
