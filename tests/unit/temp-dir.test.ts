import { tmpdir } from 'node:os';
import { basename } from 'node:path';

describe('temporary folders of a test run', () => {
  it('land in the run’s own folder, which global teardown removes', () => {
    // Global setup set TMPDIR before the workers started: tests, the CDK App's cdk.out* folders and every
    // process the tests start write their scratch files there.
    expect(basename(tmpdir())).toMatch(/^factsheet-test-run-/);
    expect(process.env.TMPDIR).toBe(tmpdir());
  });
});
