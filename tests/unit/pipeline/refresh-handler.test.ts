import { readFileSync } from 'node:fs';
import { fixturePath } from '../../support/fixtures';

type Handler = (event: unknown) => Promise<unknown>;
const scheduled = JSON.parse(
  readFileSync(fixturePath('events/eventbridge/scheduled.json'), 'utf8'),
) as unknown;

function freshHandler(): Handler {
  let handler: Handler | undefined;
  jest.isolateModules(() => {
    handler = (require('../../../functions/refresh') as { handler: Handler }).handler;
  });
  return handler!;
}

describe('refresh handler', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it('refuses an event that is not a scheduled event before touching configuration', async () => {
    delete process.env.TABLE_NAME;
    await expect(freshHandler()({ Records: [{ eventSource: 'aws:s3' }] })).rejects.toMatchObject({
      // Isolated modules load their own error classes: compare by name, not constructor identity.
      name: 'ValidationError',
      parameter: 'event',
    });
  });

  it('reports missing configuration in the invocation that needs it', async () => {
    delete process.env.TABLE_NAME;
    process.env.BUCKET_NAME = 'bucket';
    await expect(freshHandler()(scheduled)).rejects.toMatchObject({
      name: 'ConfigError',
      message: 'Environment variable TABLE_NAME is required but not set',
    });
  });
});
