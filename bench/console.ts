/**
 * `npm run bench -- console`: the console's first load in headless Debian chromium against the real local
 * runtime (tests/browser/console-harness.ts): navigation start → the page's content rendered, measured in
 * the page, for the Sheets page and a sheet page with ~100 figures, and the bytes transferred; each run in
 * a fresh browser context (empty cache), median of 5. Baselines in the same run: a bare static HTML page
 * with one script, served by a plain node:http server, and the /docs page (Swagger UI) of the same API.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Browser, chromium } from 'playwright-core';
import { CHROMIUM, seedConsoleSheets, startConsoleHarness } from '../tests/browser/console-harness';
import { type BenchResult, fmt, median } from './harness';

const RUNS = 5;
const DENSE_ID = 'bench-dense';

/** A made-up sheet of 10 sections with 2 sentences of 5 figures each (~100 figures). */
export function denseSheet(): string {
  const parts = [
    'U.S. Relations With Ghana',
    'Bilateral Relations Fact Sheet',
    'A made-up sheet for the console bench.',
  ];
  for (let s = 0; s < 10; s++) {
    parts.push(`Program Area ${s + 1}`);
    const sentences: string[] = [];
    for (let i = 0; i < 2; i++) {
      const year = 2010 + ((s * 2 + i) % 14);
      sentences.push(
        `In FY ${year} the program provided approximately $${10 + s * 3 + i} million to ${1200 + s * 10 + i} schools, ` +
          `about ${20 + s + i} percent of districts, over ${3 + i} years.`,
      );
    }
    parts.push(sentences.join(' '));
  }
  return `${parts.join('\n\n')}\n`;
}

/** In the page from its first script on: when `ready` (a JS expression) first holds, in ms since navigation start. */
function readyProbe(ready: string): string {
  return `window.__readyAt = new Promise((resolve) => {
    const check = () => { try { return ${ready}; } catch { return false; } };
    const done = () => { resolve(performance.now()); observer.disconnect(); };
    const observer = new MutationObserver(() => { if (check()) done(); });
    observer.observe(document, { childList: true, subtree: true, characterData: true });
  });`;
}

interface Load {
  ms: number;
  bytes: number;
  requests: number;
}

async function loadOnce(browser: Browser, url: string, ready: string): Promise<Load> {
  const context = await browser.newContext();
  try {
    await context.addInitScript({ content: readyProbe(ready) });
    const page = await context.newPage();
    const requests: import('playwright-core').Request[] = [];
    page.on('requestfinished', (request) => requests.push(request));
    await page.goto(url);
    const ms = (await page.evaluate(
      `Promise.race([window.__readyAt, new Promise((_, reject) =>
        setTimeout(() => reject(new Error('not rendered after 30 s')), 30000))])`,
    )) as number;
    await page.waitForLoadState('networkidle');
    let bytes = 0;
    for (const request of requests) {
      const sizes = await request.sizes();
      bytes += sizes.responseBodySize + sizes.responseHeadersSize;
    }
    return { ms, bytes, requests: requests.length };
  } finally {
    await context.close();
  }
}

async function measure(browser: Browser, url: string, ready: string) {
  await loadOnce(browser, url, ready);
  const loads: Load[] = [];
  for (let i = 0; i < RUNS; i++) loads.push(await loadOnce(browser, url, ready));
  return {
    ms: median(loads.map((l) => l.ms)),
    bytes: median(loads.map((l) => l.bytes)),
    requests: median(loads.map((l) => l.requests)),
  };
}

/** A page as small as a page with a script gets: the floor of navigation + parse + one script. */
function bareServer(): Promise<Server> {
  const html =
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bare</title>' +
    '<script type="module" src="/bare.js"></script></head><body><div id="app"></div></body></html>';
  const js = "document.getElementById('app').innerHTML = '<p class=\"ready\">ready</p>';";
  const server = createServer((req, res) => {
    const [type, body] =
      req.url === '/bare.js' ? ['text/javascript', js] : ['text/html; charset=utf-8', html];
    res.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-store' }).end(body);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

export async function run(): Promise<BenchResult> {
  const harness = await startConsoleHarness();
  const bare = await bareServer();
  let browser: Browser | undefined;
  try {
    await seedConsoleSheets(harness);
    const dense = await harness.upload(DENSE_ID, denseSheet());
    if (dense.status !== 'published') throw new Error(`bench sheet: ${JSON.stringify(dense)}`);
    const sheet = (await (await fetch(`${harness.url}/sheets/${DENSE_ID}`)).json()) as {
      counts: { figures: number; sections: number };
    };
    const figures = sheet.counts.figures;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu'],
    });
    const bareUrl = `http://127.0.0.1:${(bare.address() as AddressInfo).port}/`;
    const rows = [
      {
        name: 'baseline: bare HTML page + 1 script',
        ...(await measure(browser, bareUrl, "!!document.querySelector('.ready')")),
      },
      {
        name: 'baseline: /docs (Swagger UI)',
        ...(await measure(
          browser,
          `${harness.url}/docs`,
          "!!document.querySelector('.opblock-summary-path')",
        )),
      },
      {
        name: 'console: Sheets page (3 sheets)',
        ...(await measure(
          browser,
          `${harness.url}/console#/sheets`,
          "document.querySelectorAll('table.sheets tbody tr').length >= 3",
        )),
      },
      {
        name: `console: sheet page (${figures} figures, ${sheet.counts.sections} sections)`,
        // Rendered: every section's text is in and the chart is drawn.
        ...(await measure(
          browser,
          `${harness.url}/console#/sheets/${DENSE_ID}`,
          `document.querySelectorAll('.sheet-section .fig').length >= ${figures} && !!document.querySelector('.chart svg')`,
        )),
      },
    ];
    const floor = rows[0]!.ms;
    return {
      title: `console first load (headless chromium, fresh context each run, median of ${RUNS})`,
      rows: rows.map((r) => ({
        name: r.name,
        values: {
          'to content (ms)': fmt(r.ms),
          'x bare page': fmt(r.ms / floor),
          'transferred (KB)': fmt(r.bytes / 1024),
          requests: r.requests,
        },
      })),
      notes: [
        'to content: navigation start → the page’s content in the DOM, timed in the page (MutationObserver).',
        'transferred: response bodies + headers as sent (the local API does not compress; API Gateway can).',
      ],
    };
  } finally {
    await browser?.close();
    await new Promise((resolve) => bare.close(resolve));
    await harness.close();
  }
}
