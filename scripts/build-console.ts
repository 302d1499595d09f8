/**
 * `tsx scripts/build-console.ts OUTDIR`: writes the console's hashed files and manifest.json into OUTDIR.
 * The CDK bundling hook runs it to put the console beside the api bundle.
 */
import { writeConsole } from '../console/build';

async function main(): Promise<void> {
  const outdir = process.argv[2];
  if (!outdir) throw new Error('usage: tsx scripts/build-console.ts OUTDIR');
  const manifest = await writeConsole(outdir);
  console.log(`console built into ${outdir}: ${Object.keys(manifest.files).join(', ')}`);
}

main().catch((err: unknown) => {
  console.error(`build-console: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
