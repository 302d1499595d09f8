/**
 * A new parser version reaches stored sheets without anyone asking: on start (after reconcile, before the
 * ready line) the runtime invokes the schedule's reprocess-stale target once, and the schedule timer invokes
 * it with refresh on every run.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LOCAL_BUCKET_NAME, LOCAL_TABLE_NAME, type RuntimeHandle } from '../../../infra/local/runtime';
import { reprocessedLine } from '../../../infra/local/schedule-targets';
import { PARSER_VERSION } from '../../../shared/index';
import { startFreshRuntime } from '../../support/fresh-runtime';
import { fixture } from '../../support/pipeline-deps';
import { publishStaleSheet } from '../../support/stale-sheet';

const OLD_VERSION = '0.0.1';

describe('local runtime: reprocess-stale', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'runtime-stale-'));
  let runtime: RuntimeHandle | undefined;
  const logged: string[] = [];
  const start = (refreshRateMs: number | null = null) =>
    startFreshRuntime({
      port: 0,
      dataDir,
      refreshRateMs,
      retryBackoffMs: () => 20,
      log: (line) => logged.push(line),
    });
  const stale = (id: string) =>
    publishStaleSheet({
      tableName: LOCAL_TABLE_NAME,
      bucketName: LOCAL_BUCKET_NAME,
      id,
      bytes: fixture('sheets/mali.txt'),
      parserVersion: OLD_VERSION,
    });
  const sheet = async (id: string) =>
    (await (await fetch(`${runtime?.url}/sheets/${id}`)).json()) as {
      latestRevision: number;
      parserVersion: string;
    };

  afterAll(async () => {
    await runtime?.stop();
  });

  it('a first start has nothing stale to report', async () => {
    runtime = await start();
    expect(runtime.seeded).toEqual(['sources/mali.txt']);
    expect(runtime.reprocessed).toBeNull();
  });

  it('the next start reprocesses a sheet published by parser 0.0.1 to revision 2 before it is ready', async () => {
    await stale('legacy');
    expect(await sheet('legacy')).toMatchObject({ latestRevision: 1, parserVersion: OLD_VERSION });
    await runtime?.stop();
    // A sheet of parser 0.0.1 is what a runtime of that version leaves, and its clean stop names that
    // version (infra/local/clean-stop.ts): this one named the current parser, so say what that one would.
    const marker = join(dataDir, 'clean-stop.json');
    writeFileSync(marker, readFileSync(marker, 'utf8').replace(PARSER_VERSION, OLD_VERSION));

    runtime = await start();

    expect(runtime.reprocessed).toMatchObject({ published: 1, unchanged: 1, failed: [] });
    expect(reprocessedLine(runtime.reprocessed!)).toBe(`Reprocessed 1 sheet with parser ${PARSER_VERSION}`);
    // startRuntime resolved: the API already serves the new revision.
    expect(await sheet('legacy')).toMatchObject({ latestRevision: 2, parserVersion: PARSER_VERSION });
    expect(await sheet('mali')).toMatchObject({ latestRevision: 1 });
    const revisions = (await (await fetch(`${runtime.url}/sheets/legacy/revisions`)).json()) as {
      items: { revision: number; reason: string }[];
    };
    expect(revisions.items.map((r) => [r.revision, r.reason])).toEqual([
      [2, 'reprocess'],
      [1, 'upload'],
    ]);
  });

  it('a start with every sheet current reprocesses nothing and prints nothing', async () => {
    await runtime?.stop();
    runtime = await start();
    expect(runtime.reprocessed).toBeNull();
    expect((await sheet('legacy')).latestRevision).toBe(2);
  });

  it('no start left anything in the dead-letter file', () => {
    expect(existsSync(runtime!.deadLetterFile)).toBe(false);
  });

  it('the schedule timer runs reprocess-stale too, and logs what it re-parsed', async () => {
    await runtime?.stop();
    runtime = await start(100);
    await stale('late');
    const line = `Reprocessed 1 sheet with parser ${PARSER_VERSION}`;
    for (let i = 0; i < 100 && !logged.includes(line); i++) {
      await new Promise((r) => setTimeout(r, 50));
    }
    await runtime.idle();
    expect(logged).toContain(line);
    expect(await sheet('late')).toMatchObject({ latestRevision: 2, parserVersion: PARSER_VERSION });
    expect(logged.filter((l) => l.includes('failed'))).toEqual([]);
    expect(existsSync(runtime.deadLetterFile)).toBe(false);
  });
});
