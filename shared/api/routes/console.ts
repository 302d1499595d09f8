/** The editors' console: its HTML page and its content-hashed script and stylesheet. */
import * as z from 'zod';
import { CONSOLE_CSP, consoleAsset, loadConsole } from '../console-files';
import { defineRoute } from '../definition';
import { notFound, problems } from './responses';

// A hashed build file name: no slash, so nothing outside the build can be named.
const consoleAssetParam = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,99}\.(?:js|css)$/, 'is not a console asset name')
  .describe('Content-hashed file name, e.g. `main-3FQ2XK7A.js`');

export const getConsole = defineRoute({
  responses: { 200: { description: 'The console page', contentType: 'text/html' } },
  async handle() {
    const { html } = await loadConsole();
    return {
      raw: {
        statusCode: 200,
        headers: {
          'Content-Type': 'text/html; charset=utf-8',
          'Content-Security-Policy': CONSOLE_CSP,
          'X-Content-Type-Options': 'nosniff',
          'Referrer-Policy': 'no-referrer',
        },
        body: html,
      },
      cache: 'revalidate',
    };
  },
});

export const getConsoleAsset = defineRoute({
  params: z.object({ asset: consoleAssetParam }),
  responses: {
    200: {
      description: 'A content-hashed script or stylesheet of the console',
      contentType: 'text/javascript',
      alternatives: ['text/css'],
    },
    ...problems(400),
    ...notFound(),
  },
  async handle({ params }) {
    const asset = await consoleAsset(params.asset);
    return {
      raw: {
        statusCode: 200,
        headers: { 'Content-Type': asset.contentType, 'X-Content-Type-Options': 'nosniff' },
        body: asset.body,
      },
      cache: 'immutable',
    };
  },
});
