import { parse as parseCsv } from 'csv-parse/sync';
import { formatDiff } from '../../../cli/commands/diff';
import type { CliIo } from '../../../cli/io';
import { runCli } from '../../../cli/run';

interface Reply {
  status?: number;
  body: string;
  headers?: Record<string, string>;
}

function harness(respond: (url: URL, accept: string) => Reply) {
  const out: string[] = [];
  const err: string[] = [];
  const urls: URL[] = [];
  const io: CliIo = {
    stdout: { write: (s: string) => out.push(s) },
    stderr: { write: (s: string) => err.push(s) },
    env: {},
  };
  const fetchImpl = (async (url: URL, init: RequestInit) => {
    urls.push(url);
    const accept = (init.headers as Record<string, string>).accept ?? '';
    const reply = respond(url, accept);
    return new Response(reply.body, { status: reply.status ?? 200, headers: reply.headers });
  }) as unknown as typeof fetch;
  return { out, err, urls, run: (argv: string[]) => runCli(argv, io, fetchImpl) };
}

const HEADER = 'sheet,key,text\r\n';

describe('figure commands', () => {
  it('history ID KEY prints one row per revision', async () => {
    const h = harness(() => ({
      body: JSON.stringify({
        sheetId: 'mali',
        key: 'r1-3',
        items: [
          {
            revision: 1,
            publishedAt: 't1',
            change: 'added',
            value: 148e6,
            unit: 'USD',
            text: '$148 million',
          },
          {
            revision: 2,
            publishedAt: 't2',
            change: 'changed',
            value: 152e6,
            unit: 'USD',
            text: '$152 million',
          },
          {
            revision: 3,
            publishedAt: 't3',
            change: 'removed',
            value: 152e6,
            unit: 'USD',
            text: '$152 million',
          },
        ],
      }),
    }));
    expect(await h.run(['history', 'mali', 'r1-3'])).toBe(0);
    expect(h.urls[0]!.pathname).toBe('/sheets/mali/figures/r1-3/history');
    const lines = h.out.join('').trim().split('\n');
    expect(lines[0]).toMatch(/^REV\s+PUBLISHED\s+CHANGE\s+VALUE/);
    expect(lines.slice(1).map((l) => l.trim().split(/\s+/).slice(0, 3))).toEqual([
      ['1', 't1', 'added'],
      ['2', 't2', 'changed'],
      ['3', 't3', 'removed'],
    ]);
  });

  it('query --csv --all follows every page, writes the header once, and reports progress on stderr', async () => {
    const h = harness((url, accept) => {
      expect(accept).toBe('text/csv');
      const cursor = url.searchParams.get('cursor');
      if (cursor === null) {
        return { body: `${HEADER}mali,r1-1,"$5, ""five"""\r\n`, headers: { 'X-Next-Cursor': 'c2' } };
      }
      return { body: `${HEADER}peru,r2-4,"two\r\nlines"\r\n` };
    });
    expect(
      await h.run(['query', '--kind', 'money', '--sheet', 'mali', '--sheet', 'peru', '--csv', '--all']),
    ).toBe(0);
    expect(h.urls[0]!.searchParams.getAll('sheet')).toEqual(['mali', 'peru']);
    expect(h.urls[1]!.searchParams.get('cursor')).toBe('c2');
    const records = parseCsv(h.out.join(''), { columns: true });
    expect(records).toEqual([
      { sheet: 'mali', key: 'r1-1', text: '$5, "five"' },
      { sheet: 'peru', key: 'r2-4', text: 'two\r\nlines' },
    ]);
    expect(h.err.join('')).toContain('page 2: 2 figures, done');
  });

  it('figures ID without --all prints one page and says more exist', async () => {
    const h = harness(() => ({
      body: JSON.stringify({ sheetId: 'mali', revision: 1, items: [], nextCursor: 'abc' }),
    }));
    expect(await h.run(['figures', 'mali', '--ndjson', '--csv'])).toBe(2);
    expect(await h.run(['figures', 'mali'])).toBe(0);
    expect(h.err.join('')).toContain('pass --all');
  });

  it('diff prints each figure with its sentence, the changed figure marked', () => {
    const ref = (key: string, text: string, sentence: string) => ({
      id: 'f1',
      key,
      kind: 'money' as const,
      value: 1,
      unit: 'USD',
      text,
      sectionId: 'aid',
      sentence,
    });
    const text = formatDiff('mali', {
      from: 1,
      to: 2,
      sections: { added: [], removed: [], changed: [] },
      figures: {
        added: [ref('r2-9', '$41 million', 'Exports totaled $41 million in 2022.')],
        removed: [],
        changed: [
          {
            before: ref('r1-3', '$148 million', 'Aid was $148 million.'),
            after: ref('r1-3', '$152 million', 'Aid was $152 million.'),
          },
        ],
      },
    });
    expect(text).toContain(
      '+ r2-9 money 1 USD "$41 million" (aid)\n    Exports totaled [$41 million] in 2022.',
    );
    expect(text).toContain('~ r1-3 money 1 USD "$148 million" (aid)');
    expect(text).toContain('    Aid was [$148 million → $152 million].');
  });
});
