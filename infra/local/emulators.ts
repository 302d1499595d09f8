/**
 * Embedded emulators for the local target and the tests: dynalite (DynamoDB) and s3rver (S3) on 127.0.0.1.
 */
import type { EventEmitter } from 'node:events';
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import dynalite from 'dynalite';
import S3rver from 's3rver';
import { serializeBatchWrites } from './dynalite-batch-writes';
import { closeDynaliteIterators } from './dynalite-iterators';
import { cacheDynaliteTables } from './dynalite-table-cache';
import { refuseBrowsers, refuseBrowsersMiddleware } from './refuse-browsers';
import { makeS3rverPutsAtomic } from './s3rver-atomic-puts';

export interface EmulatorOptions {
  /** Persist under this folder (`dynamodb/`, `s3/`); omitted: DynamoDB in memory, S3 in a temp folder. */
  dataDir?: string;
  s3Directory?: string;
  dynamoPort?: number;
  s3Port?: number;
}

export interface Emulators {
  dynamoEndpoint: string;
  s3Endpoint: string;
  /** s3rver's raw object events (keys not URL-encoded: see infra/local/s3-events.ts). */
  s3Events: EventEmitter;
  /** The emulators' heap in use, when they run in their own worker thread (emulator-host.ts). */
  heapUsed?(): Promise<number>;
  stop(): Promise<void>;
}

function listen(server: import('node:http').Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

export async function startEmulators(options: EmulatorOptions = {}): Promise<Emulators> {
  let dynamoPath: string | undefined;
  if (options.dataDir) {
    dynamoPath = join(options.dataDir, 'dynamodb');
    mkdirSync(dynamoPath, { recursive: true });
  }
  closeDynaliteIterators();
  cacheDynaliteTables();
  const ddbServer = dynalite({ path: dynamoPath, createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  serializeBatchWrites(ddbServer);
  refuseBrowsers(ddbServer);
  const dynamoPort = await listen(ddbServer, options.dynamoPort ?? 0);

  const s3Directory =
    options.s3Directory ??
    (options.dataDir ? join(options.dataDir, 's3') : join(tmpdir(), `s3rver-${process.pid}-${Date.now()}`));
  mkdirSync(s3Directory, { recursive: true });
  makeS3rverPutsAtomic();
  const s3rver = new S3rver({
    address: '127.0.0.1',
    port: options.s3Port ?? 0,
    silent: true,
    directory: s3Directory,
    resetOnClose: !options.dataDir && !options.s3Directory,
  });
  // Koa composes its middleware when run() creates the server, so this one sees every request first.
  (s3rver as unknown as { middleware: unknown[] }).middleware.unshift(refuseBrowsersMiddleware());
  let s3Address: AddressInfo;
  try {
    s3Address = await s3rver.run();
  } catch (err) {
    await new Promise<void>((resolve) => ddbServer.close(() => resolve()));
    throw err;
  }

  return {
    dynamoEndpoint: `http://127.0.0.1:${dynamoPort}`,
    s3Endpoint: `http://127.0.0.1:${s3Address.port}`,
    // The typings omit it, but s3rver is an EventEmitter emitting 'event' for object writes and deletes.
    s3Events: s3rver as unknown as EventEmitter,
    async stop() {
      await s3rver.close();
      await new Promise<void>((resolve) => ddbServer.close(() => resolve()));
    },
  };
}
