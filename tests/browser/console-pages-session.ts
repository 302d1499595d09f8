/**
 * What the console page tests drive: the real local runtime as a child `npm start` process on a fresh
 * DATA_DIR with a known token, headless Debian Chromium, axe and screenshots.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { type RuntimeProcess, startRuntimeProcess } from '../e2e/runtime-process';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = join(__dirname, '..', 'artifacts');

export interface ConsoleSession {
  url: string;
  token: string;
  /** A new tab (its own sessionStorage: no token until one is entered). */
  newPage(): Promise<Page>;
  screenshot(page: Page, name: string): Promise<void>;
  /** axe violations of impact serious or critical, as `rule: target…` lines. */
  seriousViolations(page: Page): Promise<string[]>;
  /** A GET of the API from the test (to check what the UI did). */
  api<T>(path: string): Promise<T>;
  close(): Promise<void>;
}

export async function startConsole(): Promise<ConsoleSession> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`These tests need Debian's chromium at ${CHROMIUM}: apt-get install -y chromium`);
  }
  const work = mkdtempSync(join(tmpdir(), 'console-pages-'));
  const token = `console-pages-${process.pid}-token`;
  let runtime: RuntimeProcess | undefined;
  let browser: Browser | undefined;
  try {
    runtime = await startRuntimeProcess({ PORT: '0', DATA_DIR: join(work, 'data'), API_TOKEN: token });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
    });
  } catch (err) {
    runtime?.proc.kill('SIGKILL');
    rmSync(work, { recursive: true, force: true });
    throw err;
  }
  const context: BrowserContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const url = runtime.url;
  const errors: string[] = [];
  return {
    url,
    token,
    async newPage() {
      const page = await context.newPage();
      page.on('pageerror', (err) => errors.push(err.message));
      return page;
    },
    async screenshot(page, name) {
      mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: join(ARTIFACTS, `console-${name}.png`), fullPage: true });
    },
    async seriousViolations(page) {
      const { violations } = await new AxeBuilder({ page }).analyze();
      return violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    },
    async api<T>(path: string) {
      const response = await fetch(`${url}${path}`);
      if (!response.ok) throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
      return (await response.json()) as T;
    },
    async close() {
      await browser?.close();
      runtime?.proc.kill('SIGTERM');
      await runtime?.exited;
      rmSync(work, { recursive: true, force: true });
      if (errors.length > 0) throw new Error(`uncaught errors in the console: ${errors.join('; ')}`);
    },
  };
}
