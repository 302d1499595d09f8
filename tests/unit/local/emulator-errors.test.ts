import { EmulatorCrashError, EmulatorStartError } from '../../../infra/local/emulator-host';

describe('emulator failure messages', () => {
  it('a worker that runs out of memory after start-up is a crash with a memory hint, not a start failure', () => {
    const err = new EmulatorCrashError(
      'Worker terminated due to reaching memory limit: JS heap out of memory',
      'ERR_WORKER_OUT_OF_MEMORY',
    );
    expect(err.code).toBe('emulator-crash');
    expect(err.message).toContain('stopped while running');
    expect(err.message).toContain('--max-old-space-size');
    expect(err.message).not.toContain('could not start');
  });

  it('a start failure names both emulators, their folders and what to do', () => {
    const err = new EmulatorStartError('EACCES: permission denied', 'EACCES');
    expect(err.message).toMatch(/dynalite on DATA_DIR\/dynamodb, s3rver on DATA_DIR\/s3\) could not start/);
    expect(err.message).toContain('start with another DATA_DIR');
  });
});
