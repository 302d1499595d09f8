/** Builds S3 notification events from the fixture in AWS's sample shape, with keys encoded as S3 does. */
import type { S3Event } from 'aws-lambda';
import { fixture } from './pipeline-deps';

/** Form-URL-encodes a key the way S3 event notifications do (`+` for space, `/` kept). */
export function encodeS3EventKey(key: string): string {
  return encodeURIComponent(key).replace(/%20/g, '+').replace(/%2F/g, '/');
}

export function loadS3Event(name: string, bucket: string): S3Event {
  const event = JSON.parse(fixture(`events/s3/${name}`).toString('utf8')) as S3Event;
  for (const record of event.Records) {
    record.s3.bucket.name = bucket;
    record.s3.bucket.arn = `arn:aws:s3:::${bucket}`;
  }
  return event;
}

/** The S3Put fixture with one record for `key` (given decoded; encoded here). */
export function putEvent(bucket: string, key: string, eventTime = new Date().toISOString()): S3Event {
  const event = loadS3Event('S3Put.json', bucket);
  const record = event.Records[0];
  if (!record) throw new Error('S3Put.json has no record');
  record.s3.object.key = encodeS3EventKey(key);
  record.eventTime = eventTime;
  return event;
}
