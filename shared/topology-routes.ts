/**
 * The API's routes: method, path, auth and operationId of each, read by the api's router and OpenAPI
 * document, the CDK RestApi and the local HTTP adapter (re-exported by ./topology, the one declaration of
 * what runs).
 */
export type HttpMethod = 'GET' | 'PUT' | 'POST' | 'DELETE';

export interface RouteSpec {
  method: HttpMethod;
  /** API Gateway resource path, `{name}` for parameters. */
  path: string;
  /** Writes need `Authorization: Bearer <token>`, checked by the authorizer function. */
  auth: boolean;
  operationId: string;
  summary: string;
}

export const routes = [
  {
    method: 'GET',
    path: '/health',
    auth: false,
    operationId: 'getHealth',
    summary: 'Liveness and store reachability',
  },
  {
    method: 'GET',
    path: '/openapi.json',
    auth: false,
    operationId: 'getOpenApi',
    summary: 'This API as OpenAPI 3.1',
  },
  {
    method: 'GET',
    path: '/docs',
    auth: false,
    operationId: 'getDocs',
    summary: 'Interactive API documentation',
  },
  {
    method: 'GET',
    path: '/docs/{asset}',
    auth: false,
    operationId: 'getDocsAsset',
    summary: 'Documentation page assets',
  },
  {
    method: 'GET',
    path: '/console',
    auth: false,
    operationId: 'getConsole',
    summary: 'The editors’ console (a web page)',
  },
  {
    method: 'GET',
    path: '/console/{asset}',
    auth: false,
    operationId: 'getConsoleAsset',
    summary: 'Console scripts and stylesheets (content-hashed)',
  },
  { method: 'GET', path: '/sheets', auth: false, operationId: 'listSheets', summary: 'List sheets' },
  {
    method: 'GET',
    path: '/sheets/{id}',
    auth: false,
    operationId: 'getSheet',
    summary: 'A sheet: metadata, latest revision, sections, counts, last error',
  },
  {
    method: 'GET',
    path: '/sheets/{id}/sections',
    auth: false,
    operationId: 'listSections',
    summary: 'Sections of the latest revision',
  },
  {
    method: 'GET',
    path: '/sheets/{id}/sections/{sectionId}',
    auth: false,
    operationId: 'getSection',
    summary: 'One section with its blocks',
  },
  {
    method: 'GET',
    path: '/sheets/{id}/figures',
    auth: false,
    operationId: 'listSheetFigures',
    summary: 'Figures of the latest revision',
  },
  {
    method: 'GET',
    path: '/sheets/{id}/figures/{key}',
    auth: false,
    operationId: 'getSheetFigure',
    summary: 'One figure of the latest revision, by key',
  },
  {
    method: 'GET',
    path: '/sheets/{id}/figures/{key}/history',
    auth: false,
    operationId: 'getFigureHistory',
    summary: 'One figure through every revision',
  },
  {
    method: 'GET',
    path: '/sheets/{id}/revisions',
    auth: false,
    operationId: 'listRevisions',
    summary: 'Revision history',
  },
  {
    method: 'GET',
    path: '/sheets/{id}/revisions/{rev}',
    auth: false,
    operationId: 'getRevision',
    summary: 'The full parsed sheet of one revision',
  },
  {
    method: 'GET',
    path: '/sheets/{id}/diff',
    auth: false,
    operationId: 'getDiff',
    summary: 'Differences between two revisions',
  },
  {
    method: 'GET',
    path: '/figures',
    auth: false,
    operationId: 'queryFigures',
    summary: 'Figures of the latest revisions across sheets',
  },
  {
    method: 'PUT',
    path: '/sheets/{id}/source',
    auth: true,
    operationId: 'uploadSheetSource',
    summary: 'Upload a revised fact sheet',
  },
  {
    method: 'POST',
    path: '/sheets/{id}/preview',
    auth: true,
    operationId: 'previewSheetSource',
    summary: 'Parse and diff a fact sheet as an upload would, publishing nothing',
  },
  {
    method: 'GET',
    path: '/sheets/{id}/uploads',
    auth: false,
    operationId: 'listUploads',
    summary: 'Recent uploads of a sheet and their outcomes',
  },
  {
    method: 'GET',
    path: '/sheets/{id}/uploads/{uploadId}',
    auth: false,
    operationId: 'getUpload',
    summary: 'What became of one upload: pending, published, unchanged, superseded or rejected',
  },
  {
    method: 'POST',
    path: '/sheets/{id}/reprocess',
    auth: true,
    operationId: 'reprocessSheet',
    summary: 'Re-parse a sheet with the current parser',
  },
  {
    method: 'GET',
    path: '/sources',
    auth: false,
    operationId: 'listSources',
    summary: 'Registered source URLs',
  },
  {
    method: 'GET',
    path: '/sources/{id}',
    auth: false,
    operationId: 'getSource',
    summary: 'One registered source',
  },
  {
    method: 'PUT',
    path: '/sources/{id}',
    auth: true,
    operationId: 'putSourceRegistration',
    summary: 'Register or change a source URL',
  },
  {
    method: 'DELETE',
    path: '/sources/{id}',
    auth: true,
    operationId: 'deleteSource',
    summary: 'Remove a registered source',
  },
  {
    method: 'POST',
    path: '/sources/{id}/refresh',
    auth: true,
    operationId: 'refreshSource',
    summary: 'Refresh one source now',
  },
  ...subscriptionRoutes(),
] as const satisfies readonly RouteSpec[];

/** Every route's operationId: `routeDefinitions` (shared/api/routes/index.ts) has exactly one per route. */
export type OperationId = (typeof routes)[number]['operationId'];

function subscriptionRoutes() {
  const one = '/subscriptions/{id}';
  return [
    {
      method: 'GET',
      path: '/subscriptions',
      auth: true,
      operationId: 'listSubscriptions',
      summary: 'Webhook subscriptions',
    },
    {
      method: 'GET',
      path: one,
      auth: true,
      operationId: 'getSubscription',
      summary: 'One webhook subscription',
    },
    {
      method: 'PUT',
      path: one,
      auth: true,
      operationId: 'putSubscription',
      summary: 'Register or change a webhook subscription',
    },
    {
      method: 'DELETE',
      path: one,
      auth: true,
      operationId: 'deleteSubscription',
      summary: 'Remove a webhook subscription',
    },
    {
      method: 'POST',
      path: `${one}/test`,
      auth: true,
      operationId: 'testSubscription',
      summary: 'Send a ping event to a subscription',
    },
    {
      method: 'GET',
      path: `${one}/deliveries`,
      auth: true,
      operationId: 'listSubscriptionDeliveries',
      summary: 'Recent delivery attempts of a subscription',
    },
  ] as const satisfies readonly RouteSpec[];
}
