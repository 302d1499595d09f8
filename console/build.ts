/**
 * Builds the editors' console (console/src) with esbuild's API into content-hashed files plus a
 * manifest. The local runtime builds it in memory on the first /console request, the CDK stack at
 * bundling time into the api asset, the tests and the bench themselves: nothing prebuilt is committed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';

export const CONSOLE_ROOT = resolve(__dirname);
const SOURCE = join(CONSOLE_ROOT, 'src');
export const MANIFEST_FILE = 'manifest.json';

/** What the served HTML references, by logical name, plus every file's content type. */
export interface ConsoleManifest {
  script: string;
  stylesheet: string;
  files: Record<string, string>;
}

export interface ConsoleBuild {
  manifest: ConsoleManifest;
  /** Built bytes by hashed file name (the manifest's `files`). */
  outputs: Map<string, Uint8Array>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

function contentType(name: string): string {
  const ext = name.slice(name.lastIndexOf('.'));
  const type = CONTENT_TYPES[ext];
  if (!type) throw new Error(`console build produced an unexpected file: ${name}`);
  return type;
}

/** Builds in memory: minified ES module + stylesheet, names carry esbuild's content hash. */
export async function buildConsole(): Promise<ConsoleBuild> {
  const result = await build({
    absWorkingDir: CONSOLE_ROOT,
    entryPoints: { main: join(SOURCE, 'main.tsx'), styles: join(SOURCE, 'styles.css') },
    entryNames: '[name]-[hash]',
    outdir: 'dist',
    bundle: true,
    write: false,
    metafile: true,
    format: 'esm',
    platform: 'browser',
    target: ['es2020'],
    minify: true,
    legalComments: 'none',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    tsconfig: join(CONSOLE_ROOT, 'tsconfig.json'),
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  const outputs = new Map<string, Uint8Array>();
  const files: Record<string, string> = {};
  let script = '';
  let stylesheet = '';
  for (const file of result.outputFiles) {
    const name = file.path.slice(file.path.lastIndexOf('/') + 1);
    outputs.set(name, file.contents);
    files[name] = contentType(name);
    if (name.startsWith('main-') && name.endsWith('.js')) script = name;
    if (name.startsWith('styles-') && name.endsWith('.css')) stylesheet = name;
  }
  if (!script || !stylesheet)
    throw new Error(`console build lacks its script or stylesheet: ${[...outputs.keys()]}`);
  return { manifest: { script, stylesheet, files }, outputs };
}

/** Builds into `outdir` (a fresh directory: the CDK bundling hook gives each asset its own). */
export async function writeConsole(outdir: string): Promise<ConsoleManifest> {
  const { manifest, outputs } = await buildConsole();
  mkdirSync(outdir, { recursive: true });
  for (const [name, bytes] of outputs) writeFileSync(join(outdir, name), bytes);
  writeFileSync(join(outdir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}
