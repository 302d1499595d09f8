/**
 * `npm start` exactly as a user, a script or a service manager runs it: a child process whose PID is npm's.
 * SIGTERM or SIGINT to that PID must stop the runtime itself — port closed, DATA_DIR lock released — not
 * just npm and its shell.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { childEnv, ROOT, signalWhen, startRuntimeProcess } from './runtime-process';

jest.setTimeout(90_000);

const work = mkdtempSync(join(tmpdir(), 'factsheet-npm-start-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function npmStart(dataDir: string) {
  const proc = spawn('npm', ['start'], {
    cwd: ROOT,
    env: childEnv({ PORT: '0', DATA_DIR: dataDir, npm_config_update_notifier: 'false' }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  proc.stdout.on('data', (c: Buffer) => {
    stdout += c.toString('utf8');
  });
  const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
  const ready = new Promise<string>((resolve, reject) => {
    proc.stdout.on('data', () => {
      const match = /^Ready: API (http:\/\/127\.0\.0\.1:\d+)/m.exec(stdout);
      if (match) resolve(match[1]!);
    });
    void exited.then((code) => reject(new Error(`npm start exited with ${code}\n${stdout}`)));
  });
  return { proc, ready, exited };
}

async function refused(url: string): Promise<boolean> {
  try {
    await fetch(`${url}/health`, { signal: AbortSignal.timeout(2000) });
    return false;
  } catch {
    return true;
  }
}

describe('npm start and signals to its PID', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)(
    '%s to npm’s PID stops the runtime and frees DATA_DIR',
    async (signal) => {
      const dataDir = join(work, signal);
      const started = npmStart(dataDir);
      const url = await started.ready;
      expect((await fetch(`${url}/health`)).status).toBe(200);

      started.proc.kill(signal);
      await started.exited;
      // The runtime (npm's child) is gone with it: nothing answers on the port…
      expect(await refused(url)).toBe(true);
      // …and the LevelDB lock is released: another runtime opens the same DATA_DIR.
      const again = await startRuntimeProcess({ PORT: '0', DATA_DIR: dataDir });
      expect((await fetch(`${again.url}/sheets/mali`)).status).toBe(200);
      again.proc.kill('SIGTERM');
      expect(await again.exited).toBe(0);
    },
  );

  it('SIGTERM during start-up (while the first start seeds) stops cleanly, without a ready line', async () => {
    const dataDir = join(work, 'mid-start');
    // The emulators' folders exist once start-up is under way and long before seeding is done.
    const result = await signalWhen(
      { PORT: '0', DATA_DIR: dataDir },
      () => existsSync(join(dataDir, 'dynamodb')),
      'SIGTERM',
    );
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('SIGTERM: stopping');
    expect(result.stdout).not.toContain('Ready:');
    // Stopped, not killed: the DATA_DIR lock is released and the next start serves the seeded sheet.
    const again = await startRuntimeProcess({ PORT: '0', DATA_DIR: dataDir });
    expect((await fetch(`${again.url}/sheets/mali`)).status).toBe(200);
    again.proc.kill('SIGTERM');
    expect(await again.exited).toBe(0);
  });
});
