/**
 * The /docs page in headless Debian Chromium: Swagger UI from swagger-ui-dist, every asset from this API
 * (no CDN), rendering the operations of the generated document. Saves a screenshot under tests/artifacts/.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
// Imported after env.ts (the adapter loads the api handler, which reads config on first request).
import { createLocalHttpServer } from '../../infra/local/http-adapter';
import { createTestResources } from '../support/resources';

const ARTIFACTS = join(__dirname, '..', 'artifacts');
const CHROMIUM = '/usr/bin/chromium';
let server: Server;
let base: string;
let profile: string;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `This test needs Debian's chromium at ${CHROMIUM}: apt-get install -y chromium (.ci/run does)`,
    );
  }
  await createTestResources('docs');
  server = createLocalHttpServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  profile = mkdtempSync(join(tmpdir(), 'chromium-profile-'));
});

afterAll(async () => {
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
  rmSync(profile, { recursive: true, force: true });
});

describe('/docs in headless Chromium', () => {
  it('renders every route of the OpenAPI document from local assets only', async () => {
    // A fresh --user-data-dir: Playwright takes it as the persistent context's directory.
    const context = await chromium.launchPersistentContext(profile, {
      headless: true,
      viewport: { width: 1280, height: 2000 },
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    try {
      const page = await context.newPage();
      const foreign: string[] = [];
      page.on('request', (req) => {
        if (!req.url().startsWith(base) && !req.url().startsWith('data:')) foreign.push(req.url());
      });
      const errors: string[] = [];
      page.on('pageerror', (err) => errors.push(err.message));
      const response = await page.goto(`${base}/docs`);
      expect(response?.status()).toBe(200);
      await page.waitForSelector('.opblock-summary-path', { timeout: 20_000 });
      const paths = await page.$$eval('.opblock-summary-path', (nodes) =>
        nodes.map((n) => n.getAttribute('data-path') ?? n.textContent ?? ''),
      );
      for (const expected of [
        '/sheets',
        '/sheets/{id}',
        '/sheets/{id}/source',
        '/figures',
        '/sources/{id}',
      ]) {
        expect(paths).toContain(expected);
      }
      expect(await page.textContent('.info .title')).toContain('Fact sheets API');
      mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: join(ARTIFACTS, 'docs.png'), fullPage: false });
      expect(foreign).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
