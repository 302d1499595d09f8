/**
 * Latest responses are kept while the data they were built from is within max-age, counted from the read
 * of that data (not from when the response was built); past half of it a hit is still served and the
 * response is rebuilt in the background, so a steadily read sheet never waits for the store. A write
 * during a rebuild keeps the rebuilt answer out, and a failed rebuild is not kept.
 */
import type { SheetMeta } from '../../../shared/store/ports';
import { inMemoryApi } from '../../support/api-harness';
import { sampleSheet } from '../../support/sample-sheet';

const MAX_AGE_MS = 5_000;
let now = 1_000_000;

beforeEach(() => {
  now = 1_000_000;
  jest.spyOn(Date, 'now').mockImplementation(() => now);
});
afterEach(() => jest.restoreAllMocks());

async function publish(harness: ReturnType<typeof inMemoryApi>, revision: number) {
  await harness.sheets.publishRevision({
    sheet: sampleSheet('testland', revision % 2 === 1 ? 1 : 2),
    archiveKey: `archive/testland/${revision}.txt`,
    reason: 'upload',
    diff: null,
    expectedLatest: revision - 1,
  });
}

/** The harness with revision 1 published, counting the store's META reads. */
async function seeded() {
  const harness = inMemoryApi({ readMaxAgeSeconds: MAX_AGE_MS / 1000 });
  await publish(harness, 1);
  const reads = { meta: 0 };
  const getMeta = harness.sheets.getMeta.bind(harness.sheets);
  harness.sheets.getMeta = (id) => {
    reads.meta++;
    return getMeta(id);
  };
  const revisionNow = async (path = '/sheets/testland') => {
    const res = await harness.call('GET', path);
    expect(res.statusCode).toBe(200);
    const body = res.json as { latestRevision?: number; revision?: number };
    return body.latestRevision ?? body.revision;
  };
  return { harness, reads, getMeta, revisionNow };
}

/**
 * Makes the store's META reads answer what they read only when `release` is called: a read that began
 * before a write and is answered after it. `answered` holds what the last one read.
 */
function holdMetaReads(
  harness: ReturnType<typeof inMemoryApi>,
  getMeta: (id: string) => Promise<SheetMeta | null>,
) {
  let release: () => void = () => {};
  const gate = new Promise<void>((done) => (release = done));
  const held: { answered: SheetMeta | null } = { answered: null };
  harness.sheets.getMeta = async (id) => {
    const before = await getMeta(id);
    held.answered = before;
    await gate;
    return before;
  };
  return { held, release: () => release() };
}

/** Revision 2 published, then a write through the API (which clears the api's caches). */
async function publishThenWriteThroughApi(harness: ReturnType<typeof inMemoryApi>) {
  await publish(harness, 2);
  const upload = await harness.call('PUT', '/sheets/testland/source', {
    headers: { 'Content-Type': 'text/plain' },
    body: 'U.S. Relations With Testland',
  });
  expect(upload.statusCode).toBe(202);
}

/** Lets a background rebuild (store reads, then the cache update) finish. */
async function settle() {
  for (let i = 0; i < 5; i++) await new Promise((done) => setImmediate(done));
}

describe('latest responses: max-age from the read, rebuilt ahead of expiry', () => {
  it('serves a hit past half max-age and rebuilds it behind the scenes, so the next read is current', async () => {
    const { harness, reads, revisionNow } = await seeded();
    expect(await revisionNow()).toBe(1);
    await publish(harness, 2); // behind the API's back
    now += MAX_AGE_MS / 2 - 1;
    expect(await revisionNow()).toBe(1);
    await settle();
    expect(reads.meta).toBe(1);
    now += 2;
    expect(await revisionNow()).toBe(1); // served at once, rebuild started
    await settle();
    expect(reads.meta).toBe(2);
    expect(await revisionNow()).toBe(2);
    expect(reads.meta).toBe(2); // the rebuilt response, no store read
  });

  it('never serves data read longer ago than max-age, even when the response itself is younger', async () => {
    const { harness, revisionNow } = await seeded();
    // The figures route reads META at t0; a GET /sheets/{id} built 4 s later reuses that META.
    expect(await revisionNow('/sheets/testland/figures')).toBe(1);
    await publish(harness, 2);
    now += 4_000;
    expect(await revisionNow()).toBe(1);
    now += MAX_AGE_MS - 4_000; // exactly max-age after the META read: no longer served
    expect(await revisionNow()).toBe(2);
  });

  it('starts one rebuild per key at a time', async () => {
    const { harness, reads, getMeta, revisionNow } = await seeded();
    expect(await revisionNow()).toBe(1);
    let release: () => void = () => {};
    const gate = new Promise<void>((done) => (release = done));
    harness.sheets.getMeta = async (id) => {
      reads.meta++;
      await gate;
      return getMeta(id);
    };
    now += MAX_AGE_MS / 2 + 1;
    expect(await Promise.all(Array.from({ length: 20 }, () => revisionNow()))).toEqual(Array(20).fill(1));
    release();
    await settle();
    expect(reads.meta).toBe(2);
  });

  it('a write through the API during a rebuild keeps the rebuilt, older answer out', async () => {
    const { harness, getMeta, revisionNow } = await seeded();
    expect(await revisionNow()).toBe(1);
    const { held, release } = holdMetaReads(harness, getMeta);
    now += MAX_AGE_MS / 2 + 1;
    expect(await revisionNow()).toBe(1);
    await settle();
    expect(held.answered).toMatchObject({ latestRevision: 1 });
    harness.sheets.getMeta = getMeta;
    await publishThenWriteThroughApi(harness);
    release();
    await settle();
    expect(await revisionNow()).toBe(2);
  });

  it("a write through the API while a request reads keeps that request's older answer out", async () => {
    const { harness, getMeta, revisionNow } = await seeded();
    const { held, release } = holdMetaReads(harness, getMeta);
    const reading = revisionNow();
    await settle();
    expect(held.answered).toMatchObject({ latestRevision: 1 });
    harness.sheets.getMeta = getMeta;
    await publishThenWriteThroughApi(harness);
    release();
    expect(await reading).toBe(1);
    expect(await revisionNow()).toBe(2);
  });

  it('a failed rebuild is not kept: the old answer stands until max-age, then the error shows', async () => {
    const { harness, reads, revisionNow } = await seeded();
    expect(await revisionNow()).toBe(1);
    harness.sheets.getMeta = async () => {
      reads.meta++;
      throw new Error('store unreachable');
    };
    now += MAX_AGE_MS / 2 + 1;
    expect(await revisionNow()).toBe(1);
    await settle();
    expect(await revisionNow()).toBe(1);
    await settle();
    expect(reads.meta).toBe(3); // each hit past half max-age tries again, one at a time
    now += MAX_AGE_MS / 2;
    const res = await harness.call('GET', '/sheets/testland');
    expect(res.statusCode).toBe(500);
  });

  it('a rebuild that finds the sheet gone drops the kept answer', async () => {
    const { harness, revisionNow } = await seeded();
    expect(await revisionNow()).toBe(1);
    harness.sheets.getMeta = async () => null;
    now += MAX_AGE_MS / 2 + 1;
    expect(await revisionNow()).toBe(1);
    await settle();
    expect((await harness.call('GET', '/sheets/testland')).statusCode).toBe(404);
  });

  it('revision-addressed answers are never rebuilt', async () => {
    const { harness, revisionNow } = await seeded();
    const getRevision = harness.sheets.getRevision.bind(harness.sheets);
    let revisionReads = 0;
    harness.sheets.getRevision = (id, rev) => {
      revisionReads++;
      return getRevision(id, rev);
    };
    expect((await harness.call('GET', '/sheets/testland/revisions/1')).statusCode).toBe(200);
    now += 10 * MAX_AGE_MS;
    expect((await harness.call('GET', '/sheets/testland/revisions/1')).statusCode).toBe(200);
    await settle();
    expect(revisionReads).toBe(1);
    expect(await revisionNow()).toBe(1);
  });
});
