/**
 * The console's browser harness: the REAL local runtime (`infra/local/main.ts`, what `npm start` runs, so
 * the console is built the way a user gets it) on a free port with a fresh DATA_DIR and a known token,
 * Debian's chromium through playwright-core, axe-core, and screenshots under tests/artifacts/.
 * `close()` stops the runtime and the browser and removes every temporary folder it made.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { AxeResults } from 'axe-core';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { ROOT, type RuntimeProcess, startRuntimeProcess } from '../e2e/runtime-process';

export const CHROMIUM = '/usr/bin/chromium';
export const ARTIFACTS = join(ROOT, 'tests', 'artifacts');
export const CONSOLE_FIXTURES = join(ROOT, 'fixtures', 'console');

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface UploadOutcome {
  status: string;
  revision?: number;
  reason?: string;
  [key: string]: unknown;
}

export interface ConsoleHarness {
  /** The API origin; the console is `${url}/console`. */
  url: string;
  token: string;
  dataDir: string;
  runtime: RuntimeProcess;
  context: BrowserContext;
  /** A new tab with console messages, page errors and CSP violations collected. */
  newPage(): Promise<WatchedPage>;
  /** A JSON request with the token (e.g. registering a source); resolves with status and body. */
  send(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: Record<string, unknown> }>;
  /** PUT /sheets/{id}/source with the token, then polls the upload until it is no longer pending. */
  upload(id: string, body: string | Uint8Array, contentType?: string): Promise<UploadOutcome>;
  close(): Promise<void>;
}

export interface WatchedPage {
  page: Page;
  /** `console.error` messages and uncaught errors, in order. */
  errors: string[];
  /** Content-Security-Policy violations the page reported. */
  cspViolations: string[];
}

export function requireChromium(): void {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `This test needs Debian's chromium at ${CHROMIUM}: apt-get install -y chromium (.ci/run does)`,
    );
  }
}

export interface HarnessOptions {
  /** Extra environment of the runtime (e.g. ALLOWED_HOSTS for a test origin). */
  env?: Record<string, string>;
}

/** Starts the runtime and the browser. Call `close()` in afterAll, even when a test failed. */
export async function startConsoleHarness(options: HarnessOptions = {}): Promise<ConsoleHarness> {
  requireChromium();
  const work = mkdtempSync(join(tmpdir(), 'factsheet-console-'));
  const dataDir = join(work, 'data');
  const profile = join(work, 'chromium-profile');
  const token = `console-test-token-${process.pid}-0123456789abcdef`;
  let runtime: RuntimeProcess | undefined;
  let context: BrowserContext | undefined;
  try {
    runtime = await startRuntimeProcess({ ...options.env, PORT: '0', DATA_DIR: dataDir, API_TOKEN: token });
    context = await chromium.launchPersistentContext(profile, {
      headless: true,
      viewport: { width: 1280, height: 900 },
      executablePath: CHROMIUM,
      args: CHROMIUM_ARGS,
    });
  } catch (err) {
    await context?.close().catch(() => undefined);
    if (runtime) await stopRuntime(runtime);
    rmSync(work, { recursive: true, force: true });
    throw err;
  }
  const url = runtime.url;
  const started = runtime;
  const browser = context;

  async function upload(id: string, body: string | Uint8Array, contentType = 'text/plain; charset=utf-8') {
    const put = await fetch(`${url}/sheets/${id}/source`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': contentType },
      body: typeof body === 'string' ? body : Buffer.from(body),
    });
    const accepted = (await put.json()) as { uploadId?: string; detail?: string };
    if (put.status !== 202 || !accepted.uploadId) {
      throw new Error(`upload of ${id} answered ${put.status}: ${JSON.stringify(accepted)}`);
    }
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      const poll = await fetch(`${url}/sheets/${id}/uploads/${accepted.uploadId}`, {
        headers: { Authorization: `Bearer ${token}` },
      });
      const outcome = (await poll.json()) as UploadOutcome;
      if (poll.status === 200 && outcome.status !== 'pending') return outcome;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`upload of ${id} still pending after 30 s`);
  }

  async function send(method: string, path: string, body?: unknown) {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : {}) as Record<string, unknown> };
  }

  async function newPage(): Promise<WatchedPage> {
    const page = await browser.newPage();
    const watched: WatchedPage = { page, errors: [], cspViolations: [] };
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      watched.errors.push(message.text());
      if (/Content Security Policy/i.test(message.text())) watched.cspViolations.push(message.text());
    });
    page.on('pageerror', (err) => watched.errors.push(`uncaught: ${err.message}`));
    // Exposed before any page script runs: the page reports violations of its own CSP here.
    await page.exposeFunction('__reportCspViolation', (text: string) => watched.cspViolations.push(text));
    // A string, not a function: this file is typed for Node (no DOM lib); the page runs it before its own.
    await page.addInitScript({
      content: `document.addEventListener('securitypolicyviolation', (e) =>
        window.__reportCspViolation(e.violatedDirective + ' blocked ' + e.blockedURI));`,
    });
    return watched;
  }

  return {
    url,
    token,
    dataDir,
    runtime: started,
    context: browser,
    newPage,
    send,
    upload,
    async close() {
      await browser.close().catch(() => undefined);
      await stopRuntime(started);
      rmSync(work, { recursive: true, force: true });
    },
  };
}

async function stopRuntime(runtime: RuntimeProcess): Promise<void> {
  if (runtime.proc.exitCode !== null || runtime.proc.signalCode !== null) return;
  runtime.proc.kill('SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const stopped = await Promise.race([
    runtime.exited.then(() => true),
    new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), 15_000);
    }),
  ]);
  clearTimeout(timer);
  if (!stopped) {
    runtime.proc.kill('SIGKILL');
    await runtime.exited;
  }
}

/** Uploads the made-up sheets of fixtures/console/ beside the Mali sheet the runtime seeds. */
export async function seedConsoleSheets(harness: ConsoleHarness): Promise<void> {
  for (const id of ['kenya', 'peru']) {
    const outcome = await harness.upload(id, readFileSync(join(CONSOLE_FIXTURES, `${id}.txt`), 'utf8'));
    if (outcome.status !== 'published') throw new Error(`seed ${id}: ${JSON.stringify(outcome)}`);
  }
}

export interface AxeOutcome {
  results: AxeResults;
  /** Violations of impact serious or critical, one line each. */
  blocking: string[];
}

/** Runs axe on the page; `blocking` lists every serious or critical violation (the tests fail on any). */
export async function runAxe(page: Page): Promise<AxeOutcome> {
  const results = await new AxeBuilder({ page }).analyze();
  const blocking = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  return { results, blocking };
}

/** Saves a full-page screenshot as tests/artifacts/console-{name}.png and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `console-${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
