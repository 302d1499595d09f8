/**
 * dynalite reads the table's definition from LevelDB at the start of every request (`store.getTable`):
 * one more LevelDB get, and one more trip through libuv's thread pool, before the item read itself. Under
 * random reads over thousands of sheets that was a third of the emulator thread's time. A definition
 * changes only through CreateTable, UpdateTable and DeleteTable, which write it with the table store's
 * put/del/batch. This patch keeps the definitions data-plane calls read (those that check the table is
 * ACTIVE) in memory and forgets all of them whenever any definition is written, at the start of the write
 * and again when it completes, so a read that raced a write is never kept. Control-plane calls (describe,
 * update, delete: they may change the object they get) still read LevelDB.
 */

type Callback = (err: unknown, value?: unknown) => void;
type GetTable = (name: string, checkStatus: unknown, cb?: Callback) => void;

interface TableStore {
  put: (key: string, value: unknown, cb: Callback) => void;
  del: (key: string, cb: Callback) => void;
  batch: (ops: unknown[], cb: Callback) => void;
}

interface DynaliteStore {
  tableDb: TableStore;
  getTable: GetTable;
}

interface DynaliteDb {
  create: (options: unknown) => DynaliteStore;
}

let patched = false;

function cacheTables(store: DynaliteStore): void {
  const { tableDb } = store;
  const readTable = store.getTable;
  const tables = new Map<string, unknown>();
  // Bumped at the start and the end of every definition write: a read spanning either is not kept.
  let version = 0;
  const forget = () => {
    version++;
    tables.clear();
  };
  for (const method of ['put', 'del', 'batch'] as const) {
    const write = tableDb[method] as (...args: unknown[]) => void;
    tableDb[method] = function writeAndForget(this: TableStore, ...args: unknown[]) {
      forget();
      const cb = args.pop() as Callback;
      write.call(this, ...args, (err: unknown, value?: unknown) => {
        forget();
        cb(err, value);
      });
    } as never;
  }
  store.getTable = (name, checkStatus, cb) => {
    const done = (typeof checkStatus === 'function' ? checkStatus : cb) as Callback;
    // dynalite treats a callback in second place as "check the status" (data-plane calls).
    if (!checkStatus) return readTable(name, false, done);
    const kept = tables.get(name);
    if (kept) {
      process.nextTick(done, null, kept);
      return;
    }
    const started = version;
    readTable(name, true, (err, table) => {
      if (!err && table && started === version) tables.set(name, table);
      done(err, table);
    });
  };
}

/** Idempotent; call before the dynalite server is created. */
export function cacheDynaliteTables(): void {
  if (patched) return;
  patched = true;
  const db = require('dynalite/db') as DynaliteDb;
  const create = db.create;
  db.create = function createWithTableCache(this: DynaliteDb, options: unknown) {
    const store = create.call(this, options);
    cacheTables(store);
    return store;
  };
}
