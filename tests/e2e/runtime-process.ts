/**
 * Runs `infra/local/main.ts` (what `npm start` runs) as a child process: one node process
 * (`node --import tsx`), so a SIGKILL really kills the runtime and not just a wrapper.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { RUNTIME_NODE_ARGS } from '../../infra/local/node-flags';

export const ROOT = join(__dirname, '..', '..');

export interface RuntimeProcess {
  proc: ChildProcess;
  url: string;
  stdout: string;
  stderr: string;
  exited: Promise<number | null>;
}

export interface Exit {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** A minimal environment: nothing from the jest run (endpoints, table names) leaks into the runtime. */
export function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    REFRESH_RATE: '0',
    POWERTOOLS_LOG_LEVEL: 'ERROR',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    ...extra,
  };
}

function launch(env: Record<string, string>) {
  const proc = spawn(process.execPath, [...RUNTIME_NODE_ARGS], {
    cwd: ROOT,
    env: childEnv(env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const out = { stdout: '', stderr: '' };
  proc.stdout!.on('data', (chunk: Buffer) => {
    out.stdout += chunk.toString('utf8');
  });
  proc.stderr!.on('data', (chunk: Buffer) => {
    out.stderr += chunk.toString('utf8');
  });
  const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
  return { proc, out, exited };
}

/** Starts the runtime and resolves at its ready line; rejects with its output when it exits first. */
export async function startRuntimeProcess(
  env: Record<string, string>,
  timeoutMs = 60_000,
): Promise<RuntimeProcess> {
  const { proc, out, exited } = launch(env);
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      proc.kill('SIGKILL');
      reject(new Error(`runtime not ready after ${timeoutMs} ms\n${out.stdout}\n${out.stderr}`));
    }, timeoutMs);
    const check = () => {
      const match = /^Ready: API (http:\/\/127\.0\.0\.1:\d+)/m.exec(out.stdout);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    proc.stdout!.on('data', check);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`runtime exited with ${code} before ready\n${out.stdout}\n${out.stderr}`));
    });
  });
  return {
    proc,
    url,
    get stdout() {
      return out.stdout;
    },
    get stderr() {
      return out.stderr;
    },
    exited,
  };
}

/** Runs the runtime and sends `signal` once `when()` holds (checked every 10 ms): a signal mid start-up. */
export async function signalWhen(
  env: Record<string, string>,
  when: () => boolean,
  signal: NodeJS.Signals,
): Promise<Exit> {
  const { proc, out, exited } = launch(env);
  const poll = setInterval(() => {
    if (when()) {
      clearInterval(poll);
      proc.kill(signal);
    }
  }, 10);
  const code = await exited;
  clearInterval(poll);
  return { code, stdout: out.stdout, stderr: out.stderr };
}

/** Runs the runtime expecting it to fail at start. */
export async function runToExit(env: Record<string, string>): Promise<Exit> {
  const { out, exited } = launch(env);
  const code = await exited;
  return { code, stdout: out.stdout, stderr: out.stderr };
}

/** Runs the CLI as a user would (`bin/factsheet.mjs`). */
export function runCliProcess(args: string[], env: Record<string, string> = {}): Promise<Exit> {
  return new Promise((resolve) => {
    const proc = spawn(process.execPath, [join(ROOT, 'bin', 'factsheet.mjs'), ...args], {
      cwd: ROOT,
      env: childEnv(env),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    proc.stdout.on('data', (c: Buffer) => {
      stdout += c.toString('utf8');
    });
    proc.stderr.on('data', (c: Buffer) => {
      stderr += c.toString('utf8');
    });
    proc.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
}
