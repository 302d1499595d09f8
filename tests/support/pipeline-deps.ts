/** Pipeline deps over the in-memory fakes and the real parser, for domain tests of ingest and reprocess. */
import { readFileSync } from 'node:fs';
import { PARSER_VERSION, parseSheet } from '../../shared/index';
import type { PipelineDeps } from '../../shared/pipeline/deps';
import { InMemoryBlobStore } from './fakes/memory-blobs';
import { InMemorySheetRepository } from './fakes/memory-sheets';
import { RecordingLogger, RecordingMetrics } from './fakes/recording-observability';
import { fixturePath } from './fixtures';

export interface TestDeps extends PipelineDeps {
  sheets: InMemorySheetRepository;
  blobs: InMemoryBlobStore;
  logger: RecordingLogger;
  metrics: RecordingMetrics;
}

export function memoryDeps(overrides: Partial<PipelineDeps> = {}): TestDeps {
  return {
    sheets: new InMemorySheetRepository(),
    blobs: new InMemoryBlobStore(),
    parse: parseSheet,
    parserVersion: PARSER_VERSION,
    clock: () => new Date(),
    logger: new RecordingLogger(),
    metrics: new RecordingMetrics(),
    maxSourceBytes: 2 * 1024 * 1024,
    sleep: async () => {},
    ...overrides,
  } as TestDeps;
}

export function fixture(name: string): Buffer {
  return readFileSync(fixturePath(name));
}

/** The bad inputs every ingest path must refuse, with the reason each must be refused for. */
export const BAD_INPUTS: { label: string; bytes: Uint8Array; ext: 'txt' | 'html'; reason: string }[] = [
  { label: 'empty', bytes: new Uint8Array(), ext: 'txt', reason: 'empty' },
  { label: 'whitespace only', bytes: Buffer.from(' \n\t\n '), ext: 'txt', reason: 'empty' },
  {
    label: 'binary (PNG header)',
    bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]),
    ext: 'txt',
    reason: 'binary',
  },
  {
    label: 'invalid UTF-8',
    bytes: Buffer.from([0x48, 0x69, 0x20, 0xc3, 0x28, 0x41, 0x42, 0x43, 0x20, 0x61, 0x62]),
    ext: 'txt',
    reason: 'invalid-utf8',
  },
  {
    label: 'HTML without content',
    bytes: Buffer.from('<html><body><nav>Home</nav></body></html>'),
    ext: 'html',
    reason: 'no-content',
  },
];
