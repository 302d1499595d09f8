import { COMMAND_HELP } from '../../../cli/help';
import { COMMAND_FOR_OPERATION } from '../../../cli/operations';
import { buildOpenApiDocument } from '../../../shared/api/openapi';
import { routeDefinitions } from '../../../shared/api/routes';
import { routes } from '../../../shared/topology';

/** Every operationId of the served document (built from shared/topology.ts routes). */
function documentOperations(): string[] {
  const doc = buildOpenApiDocument(routes, routeDefinitions, '') as {
    paths: Record<string, Record<string, { operationId?: string }>>;
  };
  return Object.values(doc.paths).flatMap((methods) =>
    Object.values(methods).flatMap((op) => (op.operationId ? [op.operationId] : [])),
  );
}

describe('CLI parity with the API', () => {
  it('every operation of the OpenAPI document has a CLI command (or a stated reason it has none)', () => {
    const operations = documentOperations();
    expect(operations.length).toBe(routes.length);
    const unmapped = operations.filter((id) => !(id in COMMAND_FOR_OPERATION));
    expect(unmapped).toEqual([]);
  });

  it('every write route has a command, and every mapped command exists with its own help', () => {
    for (const route of routes.filter((r) => r.auth)) {
      expect([route.operationId, 'command' in COMMAND_FOR_OPERATION[route.operationId]!]).toEqual([
        route.operationId,
        true,
      ]);
    }
    for (const [operation, entry] of Object.entries(COMMAND_FOR_OPERATION)) {
      if (!('command' in entry)) continue;
      const word = entry.command.split(' ')[0]!;
      expect([operation, word in COMMAND_HELP]).toEqual([operation, true]);
    }
  });

  it('the table names no operation the API does not have', () => {
    const operations = new Set(documentOperations());
    expect(Object.keys(COMMAND_FOR_OPERATION).filter((id) => !operations.has(id))).toEqual([]);
  });
});
