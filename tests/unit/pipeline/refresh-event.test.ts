import { readFileSync } from 'node:fs';
import { ValidationError } from '../../../shared/errors';
import { parseScheduledEvent } from '../../../shared/pipeline/scheduled-event';
import { fixturePath } from '../../support/fixtures';

const fixture = JSON.parse(readFileSync(fixturePath('events/eventbridge/scheduled.json'), 'utf8')) as Record<
  string,
  unknown
>;

describe('parseScheduledEvent', () => {
  it('accepts the AWS sample scheduled event, which has no version field', () => {
    expect(fixture).not.toHaveProperty('version');
    const event = parseScheduledEvent(fixture);
    expect(event.id).toBe('cdc73f9d-aea9-11e3-9d5a-835b769c0d9c');
    expect(event.resources).toEqual(['arn:aws:events:us-east-1:123456789012:rule/factsheet-refresh']);
  });

  it('tolerates extra fields such as version', () => {
    expect(parseScheduledEvent({ ...fixture, version: '0' }).source).toBe('aws.events');
  });

  it('refuses other events with a ValidationError naming the bad fields', () => {
    expect(() => parseScheduledEvent({ ...fixture, 'detail-type': 'Object Created' })).toThrow(
      ValidationError,
    );
    expect(() => parseScheduledEvent({ Records: [] })).toThrow(/not a scheduled event: id: .*detail-type/);
    expect(() => parseScheduledEvent(null)).toThrow(ValidationError);
  });
});
