import { createSequencer, encodeS3EventKey, S3EventRewriter } from '../../../infra/local/s3-events';

// What s3rver 3.7.1 emits for a PutObject (see node_modules/s3rver/lib/models/event.js).
const s3rverRecord = (key: string, eventName = 'ObjectCreated:Put') => ({
  Records: [
    {
      eventVersion: '2.0',
      eventSource: 'aws:s3',
      awsRegion: 'us-east-1',
      eventTime: '2026-11-27T10:00:00.000Z',
      eventName,
      userIdentity: { principalId: 'AWS:X' },
      requestParameters: { sourceIPAddress: '::ffff:127.0.0.1' },
      responseElements: { 'x-amz-request-id': 'R', 'x-amz-id-2': 'I' },
      s3: {
        s3SchemaVersion: '1.0',
        configurationId: 'testConfigId',
        bucket: { name: 'factsheets', ownerIdentity: { principalId: 'P' }, arn: 'arn:aws:s3: : :factsheets' },
        object: { key, sequencer: '18C0', size: 12, eTag: '0123abcd' },
      },
    },
  ],
});

const rewriter = () =>
  new S3EventRewriter({ region: 'eu-west-1', filter: { prefix: 'sources/', suffixes: ['.txt', '.html'] } });

describe('S3 event rewriting', () => {
  it('encodes keys the way S3 notifications do: spaces as +, slashes kept, reserved characters escaped', () => {
    expect(encodeS3EventKey('sources/côte d’ivoire (2021).txt')).toBe(
      'sources/c%C3%B4te+d%E2%80%99ivoire+%282021%29.txt',
    );
    expect(decodeURIComponent(encodeS3EventKey('sources/a+b c.txt').replace(/\+/g, ' '))).toBe(
      'sources/a+b c.txt',
    );
  });

  it('turns an s3rver record into a real-looking S3 record', () => {
    const [event] = rewriter().fromS3rver(s3rverRecord('sources/new mali.txt'));
    const record = event!.Records[0]!;
    expect(record.eventVersion).toBe('2.1');
    expect(record.awsRegion).toBe('eu-west-1');
    expect(record.eventTime).toBe('2026-11-27T10:00:00.000Z');
    expect(record.s3.bucket.arn).toBe('arn:aws:s3:::factsheets');
    expect(record.s3.object).toMatchObject({ key: 'sources/new+mali.txt', size: 12, eTag: '0123abcd' });
    expect(record.s3.object.sequencer).toMatch(/^[0-9A-F]{16}$/);
    expect(record.requestParameters.sourceIPAddress).toBe('127.0.0.1');
  });

  it('drops what the topology trigger filters out: other prefixes, suffixes and deletes', () => {
    const r = rewriter();
    expect(r.fromS3rver(s3rverRecord('archive/mali/abc.txt'))).toEqual([]);
    expect(r.fromS3rver(s3rverRecord('sources/mali.pdf'))).toEqual([]);
    expect(r.fromS3rver(s3rverRecord('sources/mali.txt', 'ObjectRemoved:Delete'))).toEqual([]);
    expect(r.fromS3rver({ nothing: true })).toEqual([]);
    expect(r.fromS3rver(s3rverRecord('sources/mali.html'))).toHaveLength(1);
  });

  it('issues strictly increasing sequencers even when the clock stands still or goes back', () => {
    let now = 1_700_000_000_000;
    const next = createSequencer(() => now);
    const seen = [next(), next()];
    now -= 5000;
    seen.push(next());
    now += 60_000;
    seen.push(next());
    const sorted = [...seen].sort();
    expect(sorted).toEqual(seen);
    expect(new Set(seen).size).toBe(seen.length);
  });
});
