/**
 * routeDefinitions is typed by the topology's operation ids (`npm test` type-checks this file too): an
 * operation id the topology does not declare is a compile error, and every route has its definition.
 */
import { routeDefinitions } from '../../../shared/api/routes';
import { type OperationId, routes } from '../../../shared/topology';

it('has exactly one definition per topology route', () => {
  const ids: OperationId[] = routes.map((route) => route.operationId);
  expect(Object.keys(routeDefinitions).sort()).toEqual([...new Set(ids)].sort());
});

it('refuses, at compile time, an operation id without a route', () => {
  // @ts-expect-error: the topology declares no route with this operation id
  const unknown: OperationId = 'noSuchOperation';
  expect(Object.hasOwn(routeDefinitions, unknown)).toBe(false);
});
