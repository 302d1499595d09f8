import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RUNTIME_NODE_ARGS, RUNTIME_NODE_FLAGS } from '../../../infra/local/node-flags';

const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as {
  scripts: Record<string, string>;
};

describe('the local runtime’s node flags', () => {
  it('are the ones `npm start` runs with, so tests and benches measure the runtime users start', () => {
    expect(pkg.scripts.start).toBe(`exec node ${RUNTIME_NODE_ARGS.join(' ')}`);
  });

  it('bound the heap’s growth (each flag is one node accepts)', () => {
    expect(RUNTIME_NODE_FLAGS).toEqual(
      expect.arrayContaining([expect.stringMatching(/^--heap-growing-percent=\d+$/)]),
    );
    const options = execFileSync(process.execPath, ['--v8-options'], { encoding: 'utf8' });
    const known = new Set((options.match(/^\s+--[a-z-]+/gm) ?? []).map((s) => s.trim()));
    for (const flag of RUNTIME_NODE_FLAGS) expect(known).toContain(flag.split('=')[0]);
  });
});
