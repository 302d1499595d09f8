/**
 * The console's frame, Sheets and Sheet pages in headless Debian chromium against the real local runtime:
 * the seeded sheets and a failure badge, filters, highlighted figures with tooltips, keyboard reach,
 * read-only use without a token, API problems shown as title and detail, the CSP, and axe on each page.
 */
import type { Page, Request } from 'playwright-core';
import { startTestOrigin, type TestOrigin } from '../support/test-origin';
import {
  type ConsoleHarness,
  runAxe,
  screenshot,
  seedConsoleSheets,
  startConsoleHarness,
  type WatchedPage,
} from './console-harness';

jest.setTimeout(120_000);

const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
  "frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

let h: ConsoleHarness;
let origin: TestOrigin;

beforeAll(async () => {
  // Kenya's registered source answers 503, so its last refresh fails.
  origin = await startTestOrigin();
  origin.route('/kenya', (_req, res) => res.writeHead(503).end('down for maintenance'));
  h = await startConsoleHarness({ env: { ALLOWED_HOSTS: '127.0.0.1', ALLOW_PRIVATE_ADDRESSES: 'true' } });
  await seedConsoleSheets(h);
  const registered = await h.send('PUT', '/sources/kenya', { url: `${origin.base}/kenya` });
  expect(registered.status).toBe(201);
  const refreshed = await h.send('POST', '/sources/kenya/refresh');
  expect(refreshed.body).toMatchObject({ lastStatus: 'failed' });
  // Nothing but a furniture line: ingest refuses it, Peru keeps revision 1 and gets an error record.
  const rejected = await h.upload('peru', '-\n');
  expect(rejected).toMatchObject({ status: 'rejected', reason: 'no-content' });
});

afterAll(async () => {
  await h?.close();
  await origin?.close();
});

/** Errors a page logged, less the 404 of a sheet's source lookup (no source registered is a normal answer). */
function unexpectedErrors(watched: WatchedPage): string[] {
  return watched.errors.filter((e) => !/Failed to load resource: .*404/.test(e));
}

async function openConsole(hash = '#/sheets'): Promise<WatchedPage> {
  const watched = await h.newPage();
  const response = await watched.page.goto(`${h.url}/console${hash}`);
  expect(response?.status()).toBe(200);
  return watched;
}

/** Runs an expression in the page (a string: this file is typed for Node, without the DOM lib). */
function inPage<T = unknown>(page: Page, expression: string): Promise<T> {
  return page.evaluate(expression) as Promise<T>;
}

interface Focused {
  text: string;
  className: string;
  inNav: boolean;
  outline: string;
}

const FOCUSED = `(() => {
  const el = document.activeElement;
  return {
    text: el?.textContent ?? '',
    className: typeof el?.className === 'string' ? el.className : '',
    inNav: !!el?.closest('nav[aria-label="Main"]'),
    outline: el ? getComputedStyle(el).outlineStyle : 'none',
  };
})()`;

async function tabUntil(page: Page, matches: () => Promise<boolean>, max: number): Promise<number> {
  for (let presses = 1; presses <= max; presses++) {
    await page.keyboard.press('Tab');
    if (await matches()) return presses;
  }
  throw new Error(`focus did not get there in ${max} presses of Tab`);
}

describe('the console in headless chromium', () => {
  it('serves the page with the strict CSP and loads without errors or CSP violations', async () => {
    const watched = await h.newPage();
    const response = await watched.page.goto(`${h.url}/console`);
    expect(response?.headers()['content-security-policy']).toBe(CSP);
    expect(response?.headers()['cache-control']).toBe('no-cache');
    await watched.page.waitForSelector('table.sheets');
    const scripts = await watched.page.$$eval('script', (nodes) => nodes.map((n) => n.getAttribute('src')));
    expect(scripts).toEqual([expect.stringMatching(/^console\/main-[A-Z0-9]{8}\.js$/)]);
    const asset = await fetch(`${h.url}/${scripts[0]}`);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(unexpectedErrors(watched)).toEqual([]);
    expect(watched.cspViolations).toEqual([]);
    expect(await watched.page.title()).toBe('Sheets · Fact sheets console');
    await watched.page.close();
  });

  it('lists the seeded sheets with revision, last change and the failed upload’s reason on focus', async () => {
    const { page, errors, cspViolations } = await openConsole();
    await page.waitForSelector('table.sheets');
    const rows = await page.$$eval('tbody tr', (trs) => trs.map((tr) => tr.getAttribute('data-sheet')));
    expect(rows).toEqual(['kenya', 'mali', 'peru']);
    const kenya = page.locator('tr[data-sheet="kenya"]');
    await expect(kenya.locator('td').nth(1).textContent()).resolves.toBe('Kenya');
    await expect(kenya.locator('td').nth(2).textContent()).resolves.toBe('1');
    await expect(kenya.locator('time').getAttribute('datetime')).resolves.toMatch(/^\d{4}-\d\d-\d\dT/);
    await expect(page.locator('tr[data-sheet="mali"] .badge').count()).resolves.toBe(0);
    const refresh = kenya.locator('.badge-failed');
    await expect(refresh.textContent()).resolves.toBe('Refresh failed');
    await expect(
      page.locator(`#${await refresh.getAttribute('aria-describedby')}`).textContent(),
    ).resolves.toContain('503');

    const badge = page.locator('tr[data-sheet="peru"] .badge-failed');
    await expect(badge.textContent()).resolves.toBe('Upload failed');
    const tip = page.locator(`#${await badge.getAttribute('aria-describedby')}`);
    await expect(tip.isVisible()).resolves.toBe(false);
    await badge.focus();
    await expect(tip.isVisible()).resolves.toBe(true);
    await expect(tip.textContent()).resolves.toContain('no-content');
    await page.locator('h1').hover();
    await badge.blur();
    await expect(tip.isVisible()).resolves.toBe(false);
    await badge.hover();
    await expect(tip.isVisible()).resolves.toBe(true);
    await badge.focus();
    await screenshot(page, 'sheets');
    // Escape hides the tooltip without moving focus; moving on shows tooltips again.
    await page.keyboard.press('Escape');
    await expect(tip.isVisible()).resolves.toBe(false);
    await expect(inPage(page, 'document.activeElement?.className')).resolves.toContain('badge');
    await page.getByLabel('Title, id or bureau contains').focus();
    await badge.focus();
    await expect(tip.isVisible()).resolves.toBe(true);

    const axe = await runAxe(page);
    expect(axe.blocking).toEqual([]);
    expect(errors).toEqual([]);
    expect(cspViolations).toEqual([]);
    await page.close();
  });

  it('filters the page by text and by country', async () => {
    const { page } = await openConsole();
    await page.waitForSelector('table.sheets');
    const shown = () => page.$$eval('tbody tr', (trs) => trs.map((tr) => tr.getAttribute('data-sheet')));
    await page.getByLabel('Title, id or bureau contains').fill('KEN');
    await expect(shown()).resolves.toEqual(['kenya']);
    await page.getByLabel('Title, id or bureau contains').fill('');
    await page.getByLabel('Country').selectOption('Peru');
    await expect(shown()).resolves.toEqual(['peru']);
    await page.getByLabel('Title, id or bureau contains').fill('kenya');
    await page.waitForSelector('text=No sheet on this page matches.');
    await page.close();
  });

  it('pages through the sheets with the API cursor', async () => {
    const { page } = await openConsole('#/sheets?limit=2');
    const shown = () => page.$$eval('tbody tr', (trs) => trs.map((tr) => tr.getAttribute('data-sheet')));
    await page.waitForSelector('tbody tr');
    await expect(shown()).resolves.toEqual(['kenya', 'mali']);
    await expect(page.getByRole('button', { name: 'Previous page' }).isDisabled()).resolves.toBe(true);
    await page.getByRole('button', { name: 'Next page' }).click();
    await page.waitForSelector('text=Page 2');
    await page.waitForSelector('tr[data-sheet="peru"]');
    await expect(shown()).resolves.toEqual(['peru']);
    await expect(page.getByRole('button', { name: 'Next page' }).isDisabled()).resolves.toBe(true);
    await page.getByRole('button', { name: 'Previous page' }).click();
    await page.waitForSelector('tr[data-sheet="kenya"]');
    await expect(shown()).resolves.toEqual(['kenya', 'mali']);
    await page.close();
  });

  it('opens a sheet: figures highlighted by kind, a tooltip on focus, the kind filter, chart and source', async () => {
    const { page, cspViolations, ...watched } = await openConsole();
    await page.click('text=U.S. Relations With Kenya');
    await page.waitForSelector('h1:has-text("U.S. Relations With Kenya")');
    await page.waitForSelector('.sheet-section .fig-money');
    expect(await page.title()).toBe('U.S. Relations With Kenya · Fact sheets console');

    const money = page.locator('.sheet-section .fig-money');
    await expect(money.allTextContents()).resolves.toEqual(['$512 million', '$540 million', '$610 million']);
    await expect(page.locator('.sheet-section .fig-percent').count()).resolves.toBeGreaterThanOrEqual(3);
    const first = money.first();
    await expect(first.getAttribute('href')).resolves.toMatch(/^#\/sheets\/kenya\/figures\/[a-z0-9-]+$/);
    const tip = page.locator(`#${await first.getAttribute('aria-describedby')}`);
    await expect(tip.isVisible()).resolves.toBe(false);
    await first.focus();
    await expect(tip.isVisible()).resolves.toBe(true);
    const tipText = await tip.textContent();
    for (const part of ['Money', '512,000,000', 'USD', 'approximately', 'FY 2020']) {
      expect(tipText).toContain(part);
    }
    await screenshot(page, 'sheet');

    const chartRows = await page.$$eval('.chart-table tbody th', (ths) => ths.map((th) => th.textContent));
    expect(chartRows).toEqual(['FY 2020', 'FY 2021', 'FY 2022']);
    await expect(page.locator('svg[role="img"] rect.chart-bar').count()).resolves.toBe(3);
    const source = await page.locator('#source-heading + *').textContent();
    expect(source).toContain(`${origin.base}/kenya`);
    expect(source).toMatch(/Last check.*failed/);
    expect(source).toContain('503');
    await expect(page.getByRole('link', { name: 'Revisions' }).getAttribute('href')).resolves.toBe(
      '#/sheets/kenya/revisions',
    );
    await expect(page.getByRole('link', { name: 'Upload a revision' }).getAttribute('href')).resolves.toBe(
      '#/sheets/kenya/upload',
    );

    const axe = await runAxe(page);
    expect(axe.blocking).toEqual([]);

    await page.getByRole('checkbox', { name: /^Money/ }).uncheck();
    await expect(page.locator('.sheet-section .fig-money').count()).resolves.toBe(0);
    await expect(page.locator('.sheet-section .fig-percent').count()).resolves.toBeGreaterThanOrEqual(3);
    // Unhighlighted figures still read as text.
    await expect(page.locator('.sheet-section', { hasText: 'Assistance' }).textContent()).resolves.toContain(
      '$512 million',
    );
    expect(unexpectedErrors({ page, cspViolations, ...watched })).toEqual([]);
    expect(cspViolations).toEqual([]);
    await page.close();
  });

  it('is usable by keyboard: skip link, the nav, a figure, each with a visible focus ring', async () => {
    const { page } = await openConsole('#/sheets/kenya');
    await page.waitForSelector('.sheet-section .fig');
    const focused = () => inPage<Focused>(page, FOCUSED);
    await page.keyboard.press('Tab');
    await expect(focused()).resolves.toMatchObject({ text: 'Skip to content' });
    await tabUntil(page, async () => (await focused()).inNav, 3);
    await expect(focused()).resolves.toMatchObject({ text: 'Sheets', inNav: true, outline: 'solid' });
    await tabUntil(page, async () => /\bfig\b/.test((await focused()).className), 40);
    const figure = await focused();
    expect(figure.outline).toBe('solid');
    const tipVisible = await inPage<boolean>(
      page,
      `(() => {
        const id = document.activeElement?.getAttribute('aria-describedby');
        const tip = id ? document.getElementById(id) : null;
        return tip ? getComputedStyle(tip).display !== 'none' : false;
      })()`,
    );
    expect(tipVisible).toBe(true);

    await page.close();

    // The skip link moves focus to <main> without changing the route.
    const fresh = (await openConsole()).page;
    await fresh.waitForSelector('table.sheets');
    await fresh.keyboard.press('Tab');
    await fresh.keyboard.press('Enter');
    await expect(inPage(fresh, 'document.activeElement?.tagName')).resolves.toBe('MAIN');
    expect(new URL(fresh.url()).hash).toBe('#/sheets');
    await fresh.close();
  });

  it('reads without a token; a 401 asks for it; the token goes as a bearer header only', async () => {
    const { page } = await openConsole();
    const authorized: Request[] = [];
    page.on('request', (req) => {
      if (req.headers().authorization) authorized.push(req);
    });
    await page.waitForSelector('table.sheets');
    await page.click('text=U.S. Relations With Kenya');
    await page.waitForSelector('.sheet-section .fig');
    expect(authorized).toEqual([]);
    await expect(page.getByRole('button', { name: 'Enter write token' }).isVisible()).resolves.toBe(true);

    // A refused request (here made to answer 401) opens the token form with its reason.
    await page.route('**/sheets/peru', (route) =>
      route.fulfill({
        status: 401,
        contentType: 'application/problem+json',
        body: JSON.stringify({
          type: 'about:blank',
          title: 'Unauthorized',
          status: 401,
          detail: 'Token required',
        }),
      }),
    );
    await page.goto(`${h.url}/console#/sheets/peru`);
    await page.waitForSelector('.problem');
    await expect(page.locator('.problem').textContent()).resolves.toContain('Token required');
    await expect(page.locator('.token-reason').textContent()).resolves.toContain('needs the write token');
    await expect(inPage(page, 'document.activeElement?.id')).resolves.toBe('token-input');
    await page.unroute('**/sheets/peru');

    await page.getByLabel('Write token', { exact: true }).fill(h.token);
    await page.getByRole('button', { name: 'Save token' }).click();
    await page.waitForSelector('text=Write token set');
    await page.goto(`${h.url}/console#/sheets/kenya`);
    await page.waitForSelector('.sheet-section .fig');
    expect(authorized.length).toBeGreaterThan(0);
    for (const req of authorized) {
      expect(req.headers().authorization).toBe(`Bearer ${h.token}`);
      expect(req.url()).not.toContain(h.token);
    }
    await expect(inPage(page, 'sessionStorage.length')).resolves.toBe(1);
    await expect(inPage(page, 'localStorage.length')).resolves.toBe(0);
    await expect(h.context.cookies()).resolves.toEqual([]);

    await page.getByRole('button', { name: 'Forget token' }).click();
    await expect(inPage(page, 'sessionStorage.length')).resolves.toBe(0);
    await page.close();
  });

  it('shows an API problem as its title and detail, and an unknown route as not found', async () => {
    const { page, cspViolations } = await openConsole('#/sheets/no-such-sheet');
    await page.waitForSelector('.problem');
    const problem = await page.locator('.problem').textContent();
    expect(problem).toContain('Not Found');
    expect(problem).toContain('no-such-sheet');
    await expect(page.locator('.problem').getAttribute('role')).resolves.toBe('alert');
    await screenshot(page, 'problem');

    await page.goto(`${h.url}/console#/no/such/page`);
    await page.waitForSelector('h1:has-text("Page not found")');
    await expect(page.locator('main').textContent()).resolves.toContain('/no/such/page');
    expect(cspViolations).toEqual([]);
    await page.close();
  });
});
