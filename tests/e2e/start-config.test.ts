/** `npm start` refuses a bad function setting before touching DATA_DIR, in one line naming the variable. */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runToExit } from './runtime-process';

jest.setTimeout(90_000);

const work = mkdtempSync(join(tmpdir(), 'factsheet-e2e-config-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

it('ALLOW_PRIVATE_ADDRESSES=yes is an error at start-up, not a silent false', async () => {
  const fresh = join(work, 'data');
  const result = await runToExit({ PORT: '0', DATA_DIR: fresh, ALLOW_PRIVATE_ADDRESSES: 'yes' });
  expect(result.code).toBe(1);
  expect(result.stderr.trim()).toBe(
    'npm start: Environment variable ALLOW_PRIVATE_ADDRESSES must be true or false, got "yes"',
  );
  expect(existsSync(fresh)).toBe(false);
});
