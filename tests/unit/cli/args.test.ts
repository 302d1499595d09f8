import { parseCliArgs, positiveIntFlag, requirePositionals } from '../../../cli/args';
import { CliError } from '../../../cli/io';

describe('CLI argument parsing', () => {
  it('splits the command, its positionals and the shared flags', () => {
    const parsed = parseCliArgs(['diff', 'mali', '--from', '1', '--to=2', '--json', '--api', 'http://x:1']);
    expect(parsed.command).toBe('diff');
    expect(parsed.positionals).toEqual(['mali']);
    expect(parsed.flags).toMatchObject({ from: '1', to: '2', json: true, api: 'http://x:1', all: false });
  });

  it('rejects unknown flags and flags missing their value as usage errors (exit 2)', () => {
    for (const argv of [
      ['list', '--bogus'],
      ['upload', 'x.txt', '--id'],
    ]) {
      let error: unknown;
      try {
        parseCliArgs(argv);
      } catch (err) {
        error = err;
      }
      expect(error).toBeInstanceOf(CliError);
      expect((error as CliError).exitCode).toBe(2);
      expect((error as CliError).message).not.toContain('\n');
    }
  });

  it('checks integer flags and positional counts with a usage line', () => {
    expect(positiveIntFlag('3', 'from')).toBe(3);
    expect(positiveIntFlag(undefined, 'from')).toBeUndefined();
    expect(() => positiveIntFlag('0', 'from')).toThrow('--from must be a positive integer, got "0"');
    expect(() => positiveIntFlag('1.5', 'to')).toThrow(CliError);
    expect(() => requirePositionals([], ['ID'], 'factsheet get ID')).toThrow(
      'missing ID: usage: factsheet get ID',
    );
    expect(() => requirePositionals(['a', 'b'], ['ID'], 'factsheet get ID')).toThrow(
      'unexpected argument "b"',
    );
  });
});
