import { formatDiff } from '../../../cli/commands/diff';
import { sheetIdForFile } from '../../../cli/commands/upload';
import { formatTable, progressBar } from '../../../cli/format';

describe('CLI output', () => {
  it('aligns table columns, right-aligns numbers and shows - for missing values', () => {
    const out = formatTable(
      [
        { id: 'mali', rev: 12, title: 'U.S. Relations With Mali' },
        { id: 'chad', rev: 3, title: null },
      ],
      [
        { header: 'ID', value: (r) => r.id },
        { header: 'REV', value: (r) => r.rev, right: true },
        { header: 'TITLE', value: (r) => r.title },
      ],
    );
    expect(out).toBe('ID    REV  TITLE\nmali   12  U.S. Relations With Mali\nchad    3  -\n');
    expect(formatTable([], [{ header: 'ID', value: () => 'x' }])).toBe('(none)\n');
  });

  it('draws a progress bar per step when not on a terminal', () => {
    const lines: string[] = [];
    const tick = progressBar({ write: (s: string) => lines.push(s) }, 4, 8);
    tick(1, 'a.txt');
    tick(4, 'd.txt');
    expect(lines).toEqual(['[##------] 1/4 a.txt\n', '[########] 4/4 d.txt\n']);
  });

  it('renders a diff with +, - and ~ lines and a summary', () => {
    const ref = (id: string, value: number) => ({
      id,
      kind: 'money' as const,
      value,
      unit: 'USD',
      text: `$${value}`,
      sectionId: 'aid',
    });
    const text = formatDiff('mali', {
      from: 1,
      to: 2,
      sections: { added: ['new'], removed: [], changed: ['aid'] },
      figures: {
        added: [ref('f9', 5)],
        removed: [],
        changed: [{ before: ref('f1', 148), after: ref('f1', 150) }],
      },
    });
    expect(text).toContain('mali: revision 1 → 2');
    expect(text).toContain('+ section new');
    expect(text).toContain('~ section aid');
    expect(text).toContain('+ f9 money 5 USD "$5" (aid)');
    expect(text).toContain('~ f1 money 148 USD "$148" (aid) → 150 USD "$150"');
    expect(text).toContain('1 added, 0 removed, 1 changed figures');
  });

  it('derives sheet ids from file names', () => {
    expect(sheetIdForFile('/tmp/Mali.txt')).toBe('mali');
    expect(sheetIdForFile('docs/U.S. Relations With Chad.html')).toBe('u-s-relations-with-chad');
  });
});
