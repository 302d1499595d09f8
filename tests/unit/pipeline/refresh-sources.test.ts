import { NotFoundError, ValidationError } from '../../../shared/errors';
import type { FetchPolicy } from '../../../shared/fetch/policy';
import type { SourceDeps } from '../../../shared/pipeline/source-deps';
import {
  getSource,
  listSources,
  refreshOne,
  registerSource,
  removeSource,
} from '../../../shared/pipeline/sources';
import { InMemoryBlobStore } from '../../support/fakes/memory-blobs';
import { InMemorySourceRepository } from '../../support/fakes/memory-sources';

const POLICY: FetchPolicy = {
  allowedHosts: ['www.state.gov', '2009-2017.state.gov'],
  allowPrivateAddresses: false,
  timeoutMs: 1000,
  maxBytes: 1024,
  maxRedirects: 3,
};
const URL_MALI = 'https://www.state.gov/u-s-relations-with-mali/';
let clock = 0;

function deps(): SourceDeps & { sources: InMemorySourceRepository } {
  return {
    sources: new InMemorySourceRepository(),
    blobs: new InMemoryBlobStore(),
    policy: POLICY,
    now: () => new Date(Date.UTC(2026, 0, 1, 0, 0, clock++)),
    fetch: async (url) => ({
      status: 'fetched',
      url,
      bytes: new Uint8Array([104, 105]),
      contentType: 'text/plain',
    }),
  };
}

async function validationOf(work: Promise<unknown>): Promise<ValidationError> {
  const err = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ValidationError);
  return err as ValidationError;
}

describe('registerSource', () => {
  it('registers an enabled, pending source and reports whether it was created', async () => {
    const d = deps();
    const first = await registerSource(d, 'mali', URL_MALI);
    expect(first.created).toBe(true);
    expect(first.source).toMatchObject({ id: 'mali', url: URL_MALI, enabled: true, lastStatus: 'pending' });
    const again = await registerSource(d, 'mali', URL_MALI);
    expect(again).toEqual({ source: first.source, created: false });
  });

  it('pauses and resumes a source without touching its URL or validators', async () => {
    const d = deps();
    await registerSource(d, 'mali', URL_MALI);
    await d.sources.recordCheck('mali', { etag: '"e"', lastStatus: 'updated' });
    const paused = await registerSource(d, 'mali', URL_MALI, { enabled: false });
    expect(paused.created).toBe(false);
    expect(paused.source).toMatchObject({
      url: URL_MALI,
      enabled: false,
      etag: '"e"',
      lastStatus: 'updated',
    });
    expect(await d.sources.listEnabled()).toEqual([]);
    // Omitting `enabled` keeps the current setting (changing only the URL does not resume it).
    const moved = await registerSource(d, 'mali', 'https://2009-2017.state.gov/r/pa/ei/bgn/2828.htm');
    expect(moved.source.enabled).toBe(false);
    await registerSource(d, 'mali', moved.source.url, { enabled: true });
    expect((await d.sources.listEnabled()).map((s) => s.id)).toEqual(['mali']);
  });

  it('can register a source paused from the start', async () => {
    const d = deps();
    const { source, created } = await registerSource(d, 'mali', URL_MALI, { enabled: false });
    expect(created).toBe(true);
    expect(source.enabled).toBe(false);
  });

  it('on a new URL forgets the old validators but keeps the content hash', async () => {
    const d = deps();
    await registerSource(d, 'mali', URL_MALI);
    await d.sources.recordCheck('mali', {
      etag: '"e"',
      lastModified: 'Mon',
      contentHash: 'h',
      lastStatus: 'updated',
    });
    const moved = await registerSource(d, 'mali', 'https://2009-2017.state.gov/r/pa/ei/bgn/2828.htm');
    expect(moved.created).toBe(false);
    const stored = await d.sources.get('mali');
    expect(stored).toMatchObject({
      url: 'https://2009-2017.state.gov/r/pa/ei/bgn/2828.htm',
      contentHash: 'h',
    });
    expect(stored).not.toHaveProperty('etag');
    expect(stored).not.toHaveProperty('lastModified');
  });

  it.each([
    ['file:///etc/passwd', /only http and https/],
    ['ftp://www.state.gov/mali.txt', /only http and https/],
    ['https://evil.example/mali', /not on the allowlist/],
    ['http://169.254.169.254/latest/meta-data', /not on the allowlist/],
    ['not a url', /not a valid absolute URL/],
    [42, /must be a string/],
  ])('refuses the url %p with a ValidationError naming url, storing nothing', async (url, message) => {
    const d = deps();
    const err = await validationOf(registerSource(d, 'mali', url));
    expect(err.parameter).toBe('url');
    expect(err.message).toMatch(message);
    expect(d.sources.records.size).toBe(0);
  });

  it.each(['Mali', 'mali_1', '', 'a'.repeat(65), '../etc'])('refuses the id %p', async (id) => {
    const d = deps();
    const err = await validationOf(registerSource(d, id, URL_MALI));
    expect(err.parameter).toBe('id');
    expect(d.sources.records.size).toBe(0);
  });
});

describe('getSource, listSources, removeSource', () => {
  it('reads, pages and removes registrations', async () => {
    const d = deps();
    for (const id of ['chad', 'mali', 'niger']) await registerSource(d, id, `${URL_MALI}?${id}`);
    expect((await getSource(d, 'mali')).url).toBe(`${URL_MALI}?mali`);

    const first = await listSources(d, { limit: 2 });
    expect(first.items.map((s) => s.id)).toEqual(['chad', 'mali']);
    const second = await listSources(d, { limit: 2, cursor: first.nextCursor });
    expect(second).toEqual({ items: [expect.objectContaining({ id: 'niger' })] });

    await removeSource(d, 'mali');
    await expect(getSource(d, 'mali')).rejects.toThrow(NotFoundError);
    await expect(removeSource(d, 'mali')).rejects.toThrow(NotFoundError);
    expect(d.sources.records.size).toBe(2);
  });
});

describe('refreshOne', () => {
  it('refreshes one source now and returns the updated record', async () => {
    const d = deps();
    await registerSource(d, 'mali', URL_MALI);
    const { result, source } = await refreshOne(d, 'mali');
    expect(result).toMatchObject({ id: 'mali', status: 'updated', key: 'sources/mali.txt' });
    expect(source.lastStatus).toBe('updated');
    expect(Buffer.from((await d.blobs.get('sources/mali.txt'))!.bytes).toString()).toBe('hi');
  });

  it('throws NotFoundError for an unknown source without fetching', async () => {
    const d = deps();
    const fetch = jest.fn();
    await expect(refreshOne({ ...d, fetch }, 'nowhere')).rejects.toThrow(NotFoundError);
    expect(fetch).not.toHaveBeenCalled();
  });
});
