/** Domain events: ids that identify the occurrence, figure keys, size bounds, schemas, and the pipeline hooks. */

import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { mockClient } from 'aws-sdk-client-mock';
import { EventBridgePublisher } from '../../../shared/aws/eventbridge-publisher';
import {
  eventDiff,
  MAX_EVENT_FIGURES,
  ping,
  refreshFailed,
  revisionPublished,
  uploadRejected,
} from '../../../shared/events/build';
import { figureKeyOf } from '../../../shared/events/figure-key';
import { anyEventSchema } from '../../../shared/events/schemas';
import { ingestObject } from '../../../shared/pipeline/ingest';
import { refreshSource } from '../../../shared/pipeline/refresh-source';
import type { DiffSummary, FigureRef } from '../../../shared/store/ports';
import { eventBus } from '../../../shared/topology';
import { InMemoryBlobStore } from '../../support/fakes/memory-blobs';
import { InMemoryEventPublisher } from '../../support/fakes/memory-events';
import { InMemorySourceRepository } from '../../support/fakes/memory-sources';
import { fixture, memoryDeps } from '../../support/pipeline-deps';

const figure = (id: string, value: number, extra: Record<string, unknown> = {}): FigureRef =>
  ({ id, kind: 'money', value, unit: 'USD', text: `$${value}`, sectionId: 'lead', ...extra }) as FigureRef;

const published = (revision: number) =>
  revisionPublished({
    sheetId: 'mali',
    title: 'U.S. Relations With Mali',
    country: 'Mali',
    revision,
    reason: 'upload',
    sourceHash: 'a'.repeat(64),
    diff: null,
    publishedAt: new Date(Date.UTC(2026, 0, revision)).toISOString(),
  });

describe('event ids', () => {
  it('the same occurrence emitted again keeps its id; another revision or type does not', () => {
    expect(published(2).id).toBe(published(2).id);
    expect(published(2).id).not.toBe(published(3).id);
    const rejected = (uploadId: string) =>
      uploadRejected({
        sheetId: 'mali',
        uploadId,
        key: 'sources/mali.txt',
        reason: 'binary',
        message: 'm',
        at: 't',
      });
    expect(rejected('x').id).toBe(rejected('x').id);
    expect(rejected('x').id).not.toBe(rejected('y').id);
    expect(published(2).id).toMatch(/^evt_[0-9a-f]{32}$/);
  });

  it('every test ping is its own occurrence', () => {
    expect(ping('s', 't').id).not.toBe(ping('s', 't').id);
  });
});

describe('diff summaries in events', () => {
  it('names figures by key when they carry one, else by id', () => {
    expect(figureKeyOf(figure('f3', 1))).toBe('f3');
    expect(figureKeyOf(figure('f3', 1, { key: 'aid-fy2021' }))).toBe('aid-fy2021');
    const diff: DiffSummary = {
      from: 1,
      to: 2,
      figures: {
        added: [],
        removed: [],
        changed: [{ before: figure('f3', 1, { key: 'k' }), after: figure('f4', 2) }],
      },
      sections: { added: [], removed: [], changed: [] },
    };
    expect(eventDiff(diff).changed).toEqual([
      {
        key: 'k',
        before: expect.objectContaining({ key: 'k', value: 1, unit: 'USD' }),
        after: expect.objectContaining({ key: 'f4', value: 2 }),
      },
    ]);
  });

  it('cuts figure lists at the bound and says so', () => {
    const many = Array.from({ length: MAX_EVENT_FIGURES + 5 }, (_, i) => figure(`f${i}`, i));
    const summary = eventDiff({
      from: 1,
      to: 2,
      figures: { added: many, removed: [], changed: [] },
      sections: { added: [], removed: [], changed: [] },
    });
    expect(summary.added).toHaveLength(MAX_EVENT_FIGURES);
    expect(summary.truncated).toBe(true);
  });

  it('every builder produces an event its schema accepts; a wrong one is refused', () => {
    for (const event of [
      published(1),
      uploadRejected({
        sheetId: 'g',
        uploadId: null,
        key: 'sources/G.txt',
        reason: 'bad-id',
        message: 'm',
        at: '2026-01-01T00:00:00.000Z',
      }),
      refreshFailed({
        sourceId: 'mali',
        url: 'https://x.test/',
        reason: 'timeout',
        message: 'm',
        checkedAt: '2026-01-01T00:00:00.000Z',
      }),
      ping('s', '2026-01-01T00:00:00.000Z'),
    ]) {
      expect(anyEventSchema.safeParse(event).success).toBe(true);
    }
    expect(anyEventSchema.safeParse({ ...published(1), schemaVersion: 2 }).success).toBe(false);
  });
});

describe('pipeline hooks', () => {
  it('ingest emits one sheet.revision.published per new revision, none for identical bytes, one rejection per bad upload', async () => {
    const events = new InMemoryEventPublisher();
    const deps = memoryDeps({ events });
    await deps.blobs.put('sources/mali.txt', fixture('sheets/mali.txt'), 'text/plain');
    await ingestObject(deps, { key: 'sources/mali.txt' });
    await ingestObject(deps, { key: 'sources/mali.txt' });
    await deps.blobs.put('sources/mali.txt', fixture('sheets/mali-revised.txt'), 'text/plain');
    await ingestObject(deps, { key: 'sources/mali.txt' });
    await deps.blobs.put('sources/ghana.txt', new Uint8Array(), 'text/plain');
    await ingestObject(deps, { key: 'sources/ghana.txt' });
    expect(events.events.map((e) => [e.type, 'revision' in e.data ? e.data.revision : e.data])).toEqual([
      ['sheet.revision.published', 1],
      ['sheet.revision.published', 2],
      ['sheet.upload.rejected', expect.objectContaining({ sheetId: 'ghana', reason: 'empty' })],
    ]);
    const second = events.events[1]!;
    expect(second.type === 'sheet.revision.published' && second.data.diff?.changed.length).toBeGreaterThan(0);
  });

  it('a failing refresh emits source.refresh.failed (and still never throws)', async () => {
    const events = new InMemoryEventPublisher();
    const sources = new InMemorySourceRepository();
    const now = new Date('2026-02-01T00:00:00.000Z');
    const source = {
      id: 'mali',
      url: 'https://www.state.gov/mali',
      enabled: true,
      createdAt: 'c',
      updatedAt: 'u',
    };
    await sources.put(source);
    const result = await refreshSource(
      {
        sources,
        blobs: new InMemoryBlobStore(),
        policy: {
          allowedHosts: [],
          allowPrivateAddresses: false,
          timeoutMs: 1,
          maxBytes: 1,
          maxRedirects: 0,
        },
        fetch: async () => {
          throw new Error('boom');
        },
        now: () => now,
        events,
      },
      source,
    );
    expect(result.status).toBe('failed');
    expect(events.events).toEqual([
      expect.objectContaining({
        type: 'source.refresh.failed',
        time: now.toISOString(),
        data: { sourceId: 'mali', url: source.url, status: 'failed', reason: 'internal', message: 'boom' },
      }),
    ]);
  });
});

describe('EventBridge publisher', () => {
  const mock = mockClient(EventBridgeClient);
  afterEach(() => mock.reset());

  it('puts each event on the bus with our source, its type and the envelope as detail, 10 per call', async () => {
    mock.on(PutEventsCommand).resolves({ FailedEntryCount: 0, Entries: [] });
    const events = Array.from({ length: 12 }, (_, i) => published(i + 1));
    await new EventBridgePublisher(new EventBridgeClient({ region: 'us-east-1' }), 'bus').publish(events);
    const calls = mock.commandCalls(PutEventsCommand);
    expect(calls.map((c) => c.args[0].input.Entries?.length)).toEqual([10, 2]);
    const entry = calls[0]!.args[0].input.Entries![0]!;
    expect(entry).toMatchObject({
      EventBusName: 'bus',
      Source: eventBus.source,
      DetailType: 'sheet.revision.published',
    });
    expect(JSON.parse(entry.Detail!)).toEqual(events[0]);
  });

  it('rejects when EventBridge refuses an entry, naming the error', async () => {
    mock.on(PutEventsCommand).resolves({
      FailedEntryCount: 1,
      Entries: [{ ErrorCode: 'ThrottlingException', ErrorMessage: 'slow down' }],
    });
    await expect(
      new EventBridgePublisher(new EventBridgeClient({ region: 'us-east-1' }), 'bus').publish([published(1)]),
    ).rejects.toThrow(/refused 1 of 1 events: ThrottlingException slow down/);
  });
});
