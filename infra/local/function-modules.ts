/**
 * Every function's handler as the local runtime loads it: from the entry the topology names, called with a
 * Lambda-like context carrying the topology's timeout, so both targets run the same modules the same way.
 */
import { join } from 'node:path';
import { type FunctionName, functions } from '../../shared/topology';
import { lambdaContext } from './lambda-context';

export type LambdaHandler = (event: unknown, context: unknown) => Promise<unknown>;

const projectRoot = join(__dirname, '..', '..');

/** Requires the handler of `name`'s entry module (synchronous: it runs while the emulator worker boots). */
export function requireHandler(name: FunctionName): LambdaHandler {
  const entry = functions[name].entry;
  const mod = require(join(projectRoot, entry)) as { handler?: unknown };
  if (typeof mod.handler !== 'function') throw new Error(`${entry} does not export a handler`);
  return mod.handler as LambdaHandler;
}

/** `handler` invoked as Lambda would invoke function `name`: a fresh context, the topology's timeout. */
export function withLambdaContext(
  name: FunctionName,
  handler: LambdaHandler,
  region: string,
): (event: unknown) => Promise<unknown> {
  return (event) => handler(event, lambdaContext(name, functions[name].timeoutSeconds, region));
}
