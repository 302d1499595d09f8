/**
 * `npm run corpus`: parses every ../shared/corpus/raw/*.txt in this one process, writes the ParsedSheet
 * JSONs to a temporary folder (removed afterwards) and prints the corpus scorer's table
 * (`node score.mjs CORPUS PARSED`). `-- --verbose` lists every miss. Reads ../shared/corpus when it is
 * there; without it, says so and exits 0 (a clone outside the workspace has no corpus).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expandInputs, parseBatch } from '../cli/commands/parse-batch';

export const DEFAULT_CORPUS = path.join(__dirname, '../../shared/corpus');

interface Out {
  write(chunk: string): unknown;
}

/** Runs the parse + score; resolves to the exit code. */
export async function runCorpus(
  corpusDir: string,
  options: { verbose: boolean },
  io: { stdout: Out; stderr: Out },
): Promise<number> {
  const raw = path.join(corpusDir, 'raw');
  const scorer = path.join(corpusDir, 'score.mjs');
  if (!existsSync(raw) || !existsSync(scorer)) {
    io.stdout.write(
      `No corpus at ${corpusDir} (needs raw/ and score.mjs): nothing to score. The corpus lives beside the project in ../shared/corpus.\n`,
    );
    return 0;
  }
  const out = mkdtempSync(path.join(tmpdir(), 'corpus-parsed-'));
  try {
    const files = (await expandInputs([raw])).filter((f) => f.endsWith('.txt'));
    const { failures } = await parseBatch(files, { outDir: out, type: 'text/plain' });
    for (const failure of failures) io.stderr.write(`parse failed: ${failure.file}: ${failure.message}\n`);
    const args = [scorer, corpusDir, out, ...(options.verbose ? ['--verbose'] : [])];
    const scored = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    io.stdout.write(scored.stdout ?? '');
    if (scored.stderr) io.stderr.write(scored.stderr);
    io.stdout.write(`parsed ${files.length - failures.length}/${files.length} files in one process\n`);
    return scored.status ?? 1;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

if (require.main === module) {
  const verbose = process.argv.includes('--verbose');
  const dirFlag = process.argv.indexOf('--corpus');
  const corpusDir = dirFlag > 0 ? path.resolve(process.argv[dirFlag + 1] ?? '') : DEFAULT_CORPUS;
  runCorpus(corpusDir, { verbose }, process).then((code) => {
    process.exitCode = code;
  });
}
