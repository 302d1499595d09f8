/**
 * One temporary folder per jest run: global setup points TMPDIR at it, so every `os.tmpdir()` in the
 * workers and in the processes they start (runtimes, `cdk synth`, the CDK App's `cdk.out*` folders, the
 * emulators' scratch space) lands inside it, and global teardown removes it. A run leaves nothing behind,
 * even when a test fails before its own cleanup.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const KEY = '__factsheetRunTempDir__';

export function createRunTempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'factsheet-test-run-'));
  (globalThis as Record<string, unknown>)[KEY] = { dir, previous: process.env.TMPDIR };
  process.env.TMPDIR = dir;
  return dir;
}

export function removeRunTempDir(): void {
  const state = (globalThis as Record<string, unknown>)[KEY] as
    | { dir: string; previous: string | undefined }
    | undefined;
  if (!state) return;
  if (state.previous === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = state.previous;
  rmSync(state.dir, { recursive: true, force: true });
}
