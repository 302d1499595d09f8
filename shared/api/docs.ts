/**
 * The /docs page: Swagger UI from the `swagger-ui-dist` npm package, every asset served by this API under
 * /docs/{asset} (no CDN). Links are relative so the page also works under an API Gateway stage prefix.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { NotFoundError } from '../errors';

/** Assets the page needs, by public name → [file in swagger-ui-dist, content type]. */
const ASSETS: Record<string, [string, string]> = {
  'swagger-ui.css': ['swagger-ui.css', 'text/css; charset=utf-8'],
  'swagger-ui-bundle.js': ['swagger-ui-bundle.js', 'text/javascript; charset=utf-8'],
  'favicon-32x32.png': ['favicon-32x32.png', 'image/png'],
  'favicon-16x16.png': ['favicon-16x16.png', 'image/png'],
};

// Started from the page itself (no inline script) so a strict Content-Security-Policy holds.
const INIT_SCRIPT = `window.addEventListener('load', function () {
  window.ui = SwaggerUIBundle({
    url: new URL('openapi.json', window.location.href).href,
    dom_id: '#swagger-ui',
    deepLinking: true,
    layout: 'BaseLayout',
  });
});
`;

export const DOCS_HTML = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Fact sheets API</title>
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <link rel="icon" type="image/png" href="docs/favicon-32x32.png" sizes="32x32">
  <link rel="stylesheet" href="docs/swagger-ui.css">
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="docs/swagger-ui-bundle.js"></script>
  <script src="docs/init.js"></script>
</body>
</html>
`;

/** The page's Content-Security-Policy: everything from this origin; Swagger UI needs inline styles. */
export const DOCS_CSP =
  "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'";

export interface DocsAsset {
  body: string | Uint8Array;
  contentType: string;
}

const loaded = new Map<string, DocsAsset>();

function distDir(): string {
  return dirname(require.resolve('swagger-ui-dist/package.json'));
}

/** One asset by public name; throws NotFoundError for anything not on the list. */
export function docsAsset(name: string): DocsAsset {
  const cached = loaded.get(name);
  if (cached) return cached;
  let asset: DocsAsset;
  if (name === 'init.js') {
    asset = { body: INIT_SCRIPT, contentType: 'text/javascript; charset=utf-8' };
  } else {
    // Own keys only: `ASSETS['constructor']` is Object.prototype.constructor, not a missing asset.
    const entry = Object.hasOwn(ASSETS, name) ? ASSETS[name] : undefined;
    if (!entry) throw new NotFoundError(`No documentation asset "${name}"`);
    const [file, contentType] = entry;
    const bytes = readFileSync(join(distDir(), file));
    asset = {
      body: contentType.includes('charset') ? bytes.toString('utf8') : new Uint8Array(bytes),
      contentType,
    };
  }
  loaded.set(name, asset);
  return asset;
}
