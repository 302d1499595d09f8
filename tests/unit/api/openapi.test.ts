import { buildOpenApiDocument } from '../../../shared/api/openapi';
import { routeDefinitions } from '../../../shared/api/routes';
import { routes } from '../../../shared/topology';
import { validateDocument } from '../../support/openapi-support';

describe('OpenAPI document', () => {
  const doc = buildOpenApiDocument(routes, routeDefinitions) as {
    openapi: string;
    paths: Record<
      string,
      Record<string, { operationId: string; security?: unknown; parameters?: { name: string }[] }>
    >;
    components: { schemas: Record<string, unknown> };
  };

  it('is a valid OpenAPI 3.1 document according to a real validator', () => {
    const result = validateDocument(doc);
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
    expect(result.version).toBe('3.1');
    expect(doc.openapi).toBe('3.1.0');
  });

  it('the validator rejects a broken document (so the check above can fail)', () => {
    const { info: _info, ...broken } = doc as unknown as Record<string, unknown>;
    expect(validateDocument(broken).valid).toBe(false);
  });

  it('documents every topology route under its operationId, writes with bearer security', () => {
    for (const route of routes) {
      const op = doc.paths[route.path]?.[route.method.toLowerCase()];
      expect(op?.operationId).toBe(route.operationId);
      expect(op?.security !== undefined).toBe(route.auth);
    }
  });

  it('derives parameters from the zod schemas the router validates with', () => {
    const figures = doc.paths['/figures']?.get;
    expect(figures?.parameters?.map((p) => p.name).sort()).toEqual([
      'country',
      'cursor',
      'fiscalYear',
      'format',
      'kind',
      'limit',
      'sheet',
    ]);
    expect(doc.components.schemas.SheetDetail).toBeDefined();
    expect(doc.components.schemas.Problem).toBeDefined();
  });

  it('uses the stage prefix as server URL', () => {
    const staged = buildOpenApiDocument(routes, routeDefinitions, '/prod') as { servers: { url: string }[] };
    expect(staged.servers[0]?.url).toBe('/prod');
  });
});
