import { AsyncCache, LruCache } from '../../../shared/api/cache';

describe('LruCache', () => {
  it('evicts the least recently used entry past capacity', () => {
    const lru = new LruCache<string, number>(2);
    lru.set('a', 1);
    lru.set('b', 2);
    expect(lru.get('a')).toBe(1); // a is now most recent
    lru.set('c', 3);
    expect(lru.get('b')).toBeUndefined();
    expect(lru.get('a')).toBe(1);
    expect(lru.get('c')).toBe(3);
    expect(lru.size).toBe(2);
  });

  it('refuses a capacity below 1', () => {
    expect(() => new LruCache(0)).toThrow(RangeError);
  });
});

describe('AsyncCache', () => {
  it('coalesces concurrent loads and reuses the value until the TTL passes', async () => {
    let now = 1_000;
    let loads = 0;
    const cache = new AsyncCache<number>(10, 5_000, () => now);
    const load = async () => ++loads;
    const values = await Promise.all([cache.get('k', load), cache.get('k', load), cache.get('k', load)]);
    expect(values).toEqual([1, 1, 1]);
    now += 4_999;
    expect(await cache.get('k', load)).toBe(1);
    now += 2;
    expect(await cache.get('k', load)).toBe(2);
  });

  it('never caches a failed load', async () => {
    const cache = new AsyncCache<number>(10, 60_000);
    await expect(cache.get('k', async () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await cache.get('k', async () => 7)).toBe(7);
  });

  it("counts an entry's life from the start of its load, not from when it resolved", async () => {
    let now = 0;
    let release: (n: number) => void = () => {};
    const cache = new AsyncCache<number>(10, 5_000, () => now);
    const slow = cache.get('k', () => new Promise<number>((done) => (release = done)));
    now = 4_000;
    release(1);
    expect(await slow).toBe(1);
    now = 5_001;
    expect(await cache.get('k', async () => 2)).toBe(2);
  });

  it('loads again when asked for a value younger than the one kept, and reports how old the answer is', async () => {
    let now = 1_000;
    const cache = new AsyncCache<number>(10, 60_000, () => now);
    await cache.get('k', async () => 1);
    now = 3_000;
    const basis = { oldest: now };
    expect(await cache.get('k', async () => 2, { basis })).toBe(1);
    expect(basis.oldest).toBe(1_000);
    expect(await cache.get('k', async () => 3, { maxAgeMs: 2_500 })).toBe(1);
    const refreshed = { oldest: 3_000 };
    expect(await cache.get('k', async () => 4, { maxAgeMs: 1_999, basis: refreshed })).toBe(4);
    expect(refreshed.oldest).toBe(3_000);
  });

  it('coalesces a load in flight even for a caller that wants a younger value', async () => {
    let now = 0;
    let loads = 0;
    const cache = new AsyncCache<number>(10, 60_000, () => now);
    const first = cache.get('k', async () => ++loads);
    now = 10_000;
    const second = cache.get('k', async () => ++loads, { maxAgeMs: 1 });
    expect(await Promise.all([first, second])).toEqual([1, 1]);
  });

  it('forgets an invalidated key', async () => {
    const cache = new AsyncCache<number>(10, 60_000);
    await cache.get('k', async () => 1);
    cache.invalidate('k');
    expect(await cache.get('k', async () => 2)).toBe(2);
  });
});
