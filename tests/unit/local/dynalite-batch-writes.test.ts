/** Locally, BatchWriteItem requests are served one at a time; every other request goes straight through. */
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serializeBatchWrites } from '../../../infra/local/dynalite-batch-writes';

function post(server: Server, target: string, body: string): Promise<string> {
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, method: 'POST', headers: { 'x-amz-target': `DynamoDB_20120810.${target}` } },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => resolve(text));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('serializeBatchWrites', () => {
  let server: Server;
  const log: string[] = [];
  const held = new Map<string, () => void>();

  beforeAll(async () => {
    // Stands in for dynalite: a batch write answers only when the test releases it.
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        log.push(`start ${body}`);
        const answer = () => {
          log.push(`end ${body}`);
          res.end(body);
        };
        if (String(req.headers['x-amz-target']).endsWith('BatchWriteItem')) held.set(body, answer);
        else answer();
      });
    });
    serializeBatchWrites(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const until = async (check: () => boolean) => {
    while (!check()) await new Promise((resolve) => setImmediate(resolve));
  };

  it('starts a batch write only once the previous one has answered; reads pass while one is in progress', async () => {
    const first = post(server, 'BatchWriteItem', 'batch-1');
    await until(() => held.has('batch-1'));
    const second = post(server, 'BatchWriteItem', 'batch-2');
    expect(await post(server, 'GetItem', 'read')).toBe('read');
    expect(log).toEqual(['start batch-1', 'start read', 'end read']);

    held.get('batch-1')!();
    expect(await first).toBe('batch-1');
    await until(() => held.has('batch-2'));
    held.get('batch-2')!();
    expect(await second).toBe('batch-2');
    expect(log).toEqual([
      'start batch-1',
      'start read',
      'end read',
      'end batch-1',
      'start batch-2',
      'end batch-2',
    ]);
  });

  it('a batch write whose client gave up while it waited does not hold up the next one', async () => {
    log.length = 0;
    const first = post(server, 'BatchWriteItem', 'batch-a');
    await until(() => held.has('batch-a'));
    const { port } = server.address() as AddressInfo;
    const abandoned = request({
      host: '127.0.0.1',
      port,
      method: 'POST',
      headers: { 'x-amz-target': 'DynamoDB_20120810.BatchWriteItem' },
    });
    abandoned.on('error', () => undefined);
    abandoned.end('batch-gone');
    const third = post(server, 'BatchWriteItem', 'batch-c');
    await new Promise((resolve) => setTimeout(resolve, 20));
    abandoned.destroy();
    await new Promise((resolve) => setTimeout(resolve, 20));

    held.get('batch-a')!();
    expect(await first).toBe('batch-a');
    await until(() => held.has('batch-c'));
    held.get('batch-c')!();
    expect(await third).toBe('batch-c');
    expect(log).not.toContain('start batch-gone');
  });
});
