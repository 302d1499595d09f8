/**
 * Turns s3rver's object events into the records real S3 sends to Lambda, so `ingest` cannot tell the local
 * runtime from AWS: form-URL-encoded keys, eventVersion 2.1, a proper bucket ARN, a monotonic sequencer.
 * Only `ObjectCreated:*` events under the topology's prefix and suffixes are delivered, as the bucket
 * notification filter on AWS would.
 */
import { randomBytes } from 'node:crypto';
import type { S3Event, S3EventRecord } from 'aws-lambda';

export interface S3TriggerFilter {
  prefix: string;
  suffixes: readonly string[];
}

/** The minimum of an object event the rewriter needs (s3rver's record or a listed object). */
export interface ObjectCreatedInput {
  bucket: string;
  /** The raw (not encoded) object key. */
  key: string;
  size: number;
  eTag: string;
  eventName?: string;
  eventTime?: string;
}

/** Encodes a key the way S3 notifications do (`application/x-www-form-urlencoded`, `/` kept). */
export function encodeS3EventKey(key: string): string {
  return encodeURIComponent(key)
    .replace(/%2F/g, '/')
    .replace(/%20/g, '+')
    .replace(/[!'()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** True when the topology's trigger filter lets this key through. */
export function matchesTrigger(key: string, filter: S3TriggerFilter): boolean {
  return key.startsWith(filter.prefix) && filter.suffixes.some((suffix) => key.endsWith(suffix));
}

/**
 * Hex sequencers that only grow, also across restarts (they start from the clock), the way S3's do for
 * one key: consumers may compare them to drop stale events.
 */
export function createSequencer(now: () => number = Date.now): () => string {
  let last = 0n;
  return () => {
    const fromClock = BigInt(now()) * 1000n;
    last = fromClock > last ? fromClock : last + 1n;
    return last.toString(16).toUpperCase().padStart(16, '0');
  };
}

const hex = (bytes: number) => randomBytes(bytes).toString('hex').toUpperCase();

/** Builds real-looking S3 event records; one instance per runtime keeps sequencers monotonic. */
export class S3EventRewriter {
  private readonly nextSequencer: () => string;

  constructor(
    private readonly options: { region: string; filter: S3TriggerFilter; configurationId?: string },
    now: () => number = Date.now,
  ) {
    this.nextSequencer = createSequencer(now);
  }

  /** A Lambda S3 event for one created object, or null when the trigger filter drops it. */
  fromObject(input: ObjectCreatedInput): S3Event | null {
    const eventName = input.eventName ?? 'ObjectCreated:Put';
    if (!eventName.startsWith('ObjectCreated:') || !matchesTrigger(input.key, this.options.filter))
      return null;
    const record: S3EventRecord = {
      eventVersion: '2.1',
      eventSource: 'aws:s3',
      awsRegion: this.options.region,
      eventTime: input.eventTime ?? new Date().toISOString(),
      eventName,
      userIdentity: { principalId: `AWS:${hex(10)}` },
      requestParameters: { sourceIPAddress: '127.0.0.1' },
      responseElements: { 'x-amz-request-id': hex(8), 'x-amz-id-2': randomBytes(48).toString('base64') },
      s3: {
        s3SchemaVersion: '1.0',
        configurationId: this.options.configurationId ?? 'ingest-sources',
        bucket: {
          name: input.bucket,
          ownerIdentity: { principalId: hex(7) },
          arn: `arn:aws:s3:::${input.bucket}`,
        },
        object: {
          key: encodeS3EventKey(input.key),
          size: input.size,
          eTag: input.eTag.replace(/"/g, ''),
          sequencer: this.nextSequencer(),
        },
      },
    };
    return { Records: [record] };
  }

  /**
   * Rewrites what s3rver emits (`{ Records: [...] }` with raw keys, `arn:aws:s3: : :bucket`, eventVersion
   * 2.0). Returns one Lambda event per record that passes the filter.
   */
  fromS3rver(raw: unknown): S3Event[] {
    const records = (raw as { Records?: unknown[] } | null)?.Records;
    if (!Array.isArray(records)) return [];
    const events: S3Event[] = [];
    for (const item of records) {
      const record = item as {
        eventName?: string;
        eventTime?: string;
        s3?: { bucket?: { name?: string }; object?: { key?: string; size?: number; eTag?: string } };
      };
      const bucket = record.s3?.bucket?.name;
      const key = record.s3?.object?.key;
      if (typeof bucket !== 'string' || typeof key !== 'string') continue;
      const event = this.fromObject({
        bucket,
        key,
        size: record.s3?.object?.size ?? 0,
        eTag: record.s3?.object?.eTag ?? '',
        eventName: record.eventName,
        eventTime: record.eventTime,
      });
      if (event) events.push(event);
    }
    return events;
  }
}
