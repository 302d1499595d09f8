/**
 * dynalite turns each Query and Scan into a LevelDB iterator wrapped in a stream, and its stream's destroy
 * calls `iterator.return()`, a method abstract-level iterators do not have. So no iterator is ever closed:
 * the store keeps every one in its open-resources set, with its decoded items, and each holds a LevelDB
 * snapshot, which stops compaction from dropping overwritten values. That is about 3 KB of heap kept per
 * Query and a DATA_DIR that grows with every rewrite. This patch gives the iterators the missing
 * `return()` (close) and closes an iterator as soon as it reports its end.
 */
import { dirname } from 'node:path';

interface LevelIterator {
  next(): Promise<unknown>;
  close(): Promise<void>;
  return?: () => Promise<void>;
}

let patched = false;

/** The abstract-level copies dynalite's stores (classic-level on disk, memory-level in memory) use. */
function iteratorPrototypes(): Set<LevelIterator> {
  const dynaliteDir = dirname(require.resolve('dynalite/package.json'));
  const prototypes = new Set<LevelIterator>();
  for (const store of ['classic-level', 'memory-level']) {
    const storeDir = dirname(require.resolve(`${store}/package.json`, { paths: [dynaliteDir] }));
    const abstractLevel = require(require.resolve('abstract-level', { paths: [storeDir] })) as {
      AbstractIterator: { prototype: object };
    };
    // Entry, key and value iterators share this base class; only it has next() and close().
    prototypes.add(Object.getPrototypeOf(abstractLevel.AbstractIterator.prototype) as LevelIterator);
  }
  return prototypes;
}

/** Idempotent; call before dynalite serves its first request. */
export function closeDynaliteIterators(): void {
  if (patched) return;
  patched = true;
  for (const proto of iteratorPrototypes()) {
    const next = proto.next;
    const closed = new WeakSet<LevelIterator>();
    proto.return = function close(this: LevelIterator) {
      closed.add(this);
      return this.close();
    };
    proto.next = async function nextThenClose(this: LevelIterator) {
      // A read after the automatic close below answers "ended", as the iterator did before it.
      if (closed.has(this)) return undefined;
      const item = await next.call(this);
      if (item === undefined) {
        closed.add(this);
        await this.close();
      }
      return item;
    };
  }
}
