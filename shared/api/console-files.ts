/**
 * The editors' console as the API serves it: an HTML page naming the content-hashed script and stylesheet
 * of one build, and those files. Where the build comes from depends on the target: the local runtime
 * registers an in-memory builder (`provideConsole`), the Lambda asset carries the files in `console/`
 * beside the bundle (CONSOLE_DIR overrides the directory). Either way it is loaded once per process.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NotFoundError } from '../errors';

export interface ConsoleManifest {
  script: string;
  stylesheet: string;
  /** Every built file name → its content type. */
  files: Record<string, string>;
}

export interface ConsoleBuildOutput {
  manifest: ConsoleManifest;
  outputs: Map<string, Uint8Array>;
}

export interface ConsoleAsset {
  body: string;
  contentType: string;
}

export interface LoadedConsole {
  html: string;
  assets: Map<string, ConsoleAsset>;
}

/** No inline script or style anywhere: the page and its files are all this origin's. */
export const CONSOLE_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
  "frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

let builder: (() => Promise<ConsoleBuildOutput>) | undefined;
let loaded: Promise<LoadedConsole> | undefined;

/**
 * Serve the build `build` makes (called once, on the first console request) instead of a directory;
 * `undefined` goes back to the directory.
 */
export function provideConsole(build: (() => Promise<ConsoleBuildOutput>) | undefined): void {
  builder = build;
  loaded = undefined;
}

/** The directory a deployed api reads: `console/` beside the bundle, unless CONSOLE_DIR names another. */
export function consoleDir(): string {
  return process.env.CONSOLE_DIR || join(__dirname, 'console');
}

function readDirectory(dir: string): ConsoleBuildOutput {
  const manifestFile = join(dir, 'manifest.json');
  if (!existsSync(manifestFile)) {
    throw new Error(`The console is not built: no ${manifestFile} (the api asset should carry it)`);
  }
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as ConsoleManifest;
  const outputs = new Map<string, Uint8Array>();
  for (const name of Object.keys(manifest.files)) outputs.set(name, readFileSync(join(dir, name)));
  return { manifest, outputs };
}

/** Relative URLs: the page is `…/console`, so `console/x.js` also resolves under a stage prefix. */
export function consoleHtml(manifest: ConsoleManifest): string {
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Fact sheets console</title>
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <link rel="stylesheet" href="console/${manifest.stylesheet}">
  <script type="module" src="console/${manifest.script}"></script>
</head>
<body>
  <div id="app"><noscript>The console needs JavaScript.</noscript></div>
</body>
</html>
`;
}

async function load(): Promise<LoadedConsole> {
  const build = builder ? await builder() : readDirectory(consoleDir());
  const decoder = new TextDecoder();
  const assets = new Map<string, ConsoleAsset>();
  for (const [name, bytes] of build.outputs) {
    const contentType = build.manifest.files[name];
    if (contentType) assets.set(name, { body: decoder.decode(bytes), contentType });
  }
  return { html: consoleHtml(build.manifest), assets };
}

/** The page and its assets, loaded on first use; a failed load is retried on the next request. */
export function loadConsole(): Promise<LoadedConsole> {
  loaded ??= load().catch((err: unknown) => {
    loaded = undefined;
    throw err;
  });
  return loaded;
}

/** One built file by its hashed name; NotFoundError for any other name. */
export async function consoleAsset(name: string): Promise<ConsoleAsset> {
  const asset = (await loadConsole()).assets.get(name);
  if (!asset) throw new NotFoundError(`No console asset "${name}"`);
  return asset;
}
