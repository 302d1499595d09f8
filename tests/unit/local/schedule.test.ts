import { parseRate, scheduledEvent, startSchedule } from '../../../infra/local/schedule';
import { ConfigError } from '../../../shared/config';
import { schedule } from '../../../shared/topology';

describe('REFRESH_RATE parsing', () => {
  it.each([
    ['1 day', 86_400_000],
    ['30 minutes', 1_800_000],
    ['1 minute', 60_000],
    ['6 hours', 21_600_000],
    ['rate(2 hours)', 7_200_000],
    [' 10 Seconds ', 10_000],
  ])('%s → %d ms', (text, ms) => {
    expect(parseRate(text)).toBe(ms);
  });

  it('reads the topology default', () => {
    expect(parseRate(schedule.rate)).toBe(86_400_000);
  });

  it.each(['0', 'off', '0 minutes'])('%s disables the timer', (text) => {
    expect(parseRate(text)).toBeNull();
  });

  it.each(['daily', '1.5 hours', '-1 day', '5 fortnights', ''])(
    'rejects %p with a ConfigError naming the variable',
    (text) => {
      expect(() => parseRate(text)).toThrow(ConfigError);
      expect(() => parseRate(text)).toThrow(/REFRESH_RATE/);
    },
  );
});

describe('scheduled event', () => {
  it('has the EventBridge shape, including the version Powertools requires', () => {
    const event = scheduledEvent('factsheets-refresh', 'us-east-1', new Date('2026-01-02T03:04:05.678Z'));
    expect(event).toMatchObject({
      version: '0',
      'detail-type': 'Scheduled Event',
      source: 'aws.events',
      time: '2026-01-02T03:04:05Z',
      region: 'us-east-1',
      detail: {},
    });
    expect(event.resources[0]).toBe('arn:aws:events:us-east-1:000000000000:rule/factsheets-refresh');
  });
});

describe('startSchedule', () => {
  afterEach(() => jest.useRealTimers());

  it('fires once per rate, also for rates longer than one Node timer can hold', () => {
    jest.useFakeTimers();
    const fired: number[] = [];
    const thirtyDays = parseRate('30 days')!;
    const stop = startSchedule(thirtyDays, () => fired.push(Date.now()));
    jest.advanceTimersByTime(1000);
    expect(fired).toHaveLength(0);
    jest.advanceTimersByTime(thirtyDays - 1000);
    expect(fired).toHaveLength(1);
    jest.advanceTimersByTime(thirtyDays);
    expect(fired).toHaveLength(2);
    stop();
    jest.advanceTimersByTime(thirtyDays * 2);
    expect(fired).toHaveLength(2);
  });

  it('fires every rate for short rates', () => {
    jest.useFakeTimers();
    let count = 0;
    const stop = startSchedule(50, () => count++);
    jest.advanceTimersByTime(500);
    expect(count).toBe(10);
    stop();
  });
});
