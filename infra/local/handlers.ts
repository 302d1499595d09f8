/**
 * Loads the handler modules named in shared/topology.ts (after the runtime has set the environment they read)
 * and the adapters around them: the API's local HTTP server, the token and sheet repositories.
 */
import type { Server } from 'node:http';
import { join } from 'node:path';
import type { S3Event, ScheduledEvent } from 'aws-lambda';
import { documentClient } from '../../shared/aws/clients';
import { DynamoSheetRepository } from '../../shared/store/dynamo-sheets';
import { DynamoTokenRepository } from '../../shared/store/dynamo-tokens';
import type { TokenRepository } from '../../shared/store/ports';
import { functions } from '../../shared/topology';
import { createLocalHttpServer } from './http-adapter';
import { lambdaContext } from './lambda-context';
import type { PublishedState } from './reconcile';

export interface LocalHandlers {
  ingest(event: S3Event): Promise<unknown>;
  refresh(event: ScheduledEvent): Promise<unknown>;
  createHttpServer(): Server;
  tokens: TokenRepository;
  readState(sheetId: string): Promise<PublishedState | null>;
}

type LambdaHandler = (event: unknown, context: unknown) => Promise<unknown>;
type AnyModule = Record<string, unknown>;

const projectRoot = join(__dirname, '..', '..');

async function loadModule(relativePath: string): Promise<AnyModule> {
  return (await import(join(projectRoot, relativePath))) as AnyModule;
}

async function loadHandler(
  name: keyof typeof functions,
  region: string,
): Promise<(event: unknown) => Promise<unknown>> {
  const spec = functions[name];
  const mod = await loadModule(spec.entry);
  const handler = mod.handler as LambdaHandler | undefined;
  if (typeof handler !== 'function') throw new Error(`${spec.entry} does not export a handler`);
  return (event) => handler(event, lambdaContext(name, spec.timeoutSeconds, region));
}

export async function loadHandlers(region: string): Promise<LocalHandlers> {
  const tableName = process.env.TABLE_NAME ?? '';
  const ingest = await loadHandler('ingest', region);
  const refresh = await loadHandler('refresh', region);
  const sheets = new DynamoSheetRepository(documentClient(), tableName);
  return {
    ingest,
    refresh,
    createHttpServer: () => createLocalHttpServer({ region }),
    tokens: new DynamoTokenRepository(documentClient(), tableName),
    async readState(sheetId) {
      const meta = await sheets.getMeta(sheetId);
      if (!meta) return null;
      return { sourceHash: meta.sourceHash ?? null, lastErrorAt: meta.lastError?.at };
    },
  };
}
