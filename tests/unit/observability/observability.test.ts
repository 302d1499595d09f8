import { createLogger, createMetrics } from '../../../shared/observability';
import { RecordingLogger, RecordingMetrics } from '../../support/fakes/recording-observability';

describe('observability', () => {
  it('records counts and timings in memory', () => {
    const metrics = new RecordingMetrics();
    metrics.count('SheetsIngested');
    metrics.count('SheetsIngested', 2);
    metrics.milliseconds('ParseMs', 4.5);
    expect(metrics.counts).toEqual({ SheetsIngested: 3 });
    expect(metrics.timings).toEqual({ ParseMs: [4.5] });
  });

  it('keeps log lines with their structured fields', () => {
    const logger = new RecordingLogger();
    logger.warn('source rejected', { key: 'sources/x.txt', sheetId: 'x' });
    expect(logger.lines).toEqual([
      { level: 'warn', message: 'source rejected', fields: { key: 'sources/x.txt', sheetId: 'x' } },
    ]);
  });

  it('writes Powertools JSON log lines carrying key and sheet id', () => {
    const previous = process.env.POWERTOOLS_LOG_LEVEL;
    process.env.POWERTOOLS_LOG_LEVEL = 'INFO';
    const writes: string[] = [];
    const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      writes.push(String(chunk));
      return true;
    });
    const info = jest.spyOn(console, 'info').mockImplementation((line: string) => {
      writes.push(String(line));
    });
    try {
      createLogger().info('revision published', { key: 'sources/mali.txt', sheetId: 'mali', revision: 2 });
    } finally {
      spy.mockRestore();
      info.mockRestore();
      process.env.POWERTOOLS_LOG_LEVEL = previous;
    }
    const line = JSON.parse(writes.join('').trim().split('\n').pop() ?? '{}');
    expect(line).toMatchObject({
      level: 'INFO',
      message: 'revision published',
      key: 'sources/mali.txt',
      sheetId: 'mali',
      revision: 2,
      service: 'factsheet-pipeline',
    });
  });

  it('flushes Powertools metrics only when something was recorded', () => {
    const metrics = createMetrics();
    expect(() => metrics.flush()).not.toThrow();
    metrics.count('IngestRejected');
    expect(() => metrics.flush()).not.toThrow();
  });
});
