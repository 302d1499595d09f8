/**
 * Which CLI command covers each API operation (operationId of shared/topology.ts routes). A test walks the
 * OpenAPI document and fails for an operation missing here, so a new route gets its command (or a reason
 * it has none) when it is added.
 */
export const COMMAND_FOR_OPERATION: Readonly<Record<string, { command: string } | { none: string }>> = {
  getHealth: { command: 'health' },
  getOpenApi: { none: 'the API description itself, for tools; the CLI is its client' },
  getDocs: { none: 'an HTML page for browsers' },
  getDocsAsset: { none: 'assets of the HTML documentation page' },
  getConsole: { none: 'the editors’ console, an HTML page for browsers' },
  getConsoleAsset: { none: 'scripts and stylesheets of the console page' },
  listSheets: { command: 'list' },
  getSheet: { command: 'get ID' },
  listSections: { command: 'sections ID' },
  getSection: { command: 'get ID --section S' },
  listSheetFigures: { command: 'figures ID [--kind K] [--section S] [--csv|--ndjson] [--all]' },
  getSheetFigure: { command: 'figure ID KEY' },
  getFigureHistory: { command: 'history ID KEY' },
  listRevisions: { command: 'revisions ID' },
  getRevision: { command: 'revision ID N' },
  getDiff: { command: 'diff ID [--from N --to M]' },
  queryFigures: {
    command: 'query [--kind K] [--fiscal-year Y] [--country C] [--sheet ID]... (or figures --all-sheets)',
  },
  uploadSheetSource: { command: 'upload FILE|DIR [--id ID] [--wait]' },
  previewSheetSource: { command: 'preview ID FILE [--json]' },
  listUploads: { command: 'uploads ID' },
  getUpload: { command: 'upload-status ID UPLOAD_ID' },
  reprocessSheet: { command: 'reprocess ID | --all' },
  listSources: { command: 'sources list' },
  getSource: { command: 'sources get ID' },
  putSourceRegistration: { command: 'sources add ID URL | sources enable ID | sources disable ID' },
  deleteSource: { command: 'sources remove ID' },
  refreshSource: { command: 'sources refresh [ID]' },
  listSubscriptions: { command: 'subscriptions list' },
  getSubscription: { command: 'subscriptions get ID' },
  putSubscription: { command: 'subscriptions add ID URL [--events a,b] [--sheets x,y]' },
  deleteSubscription: { command: 'subscriptions remove ID' },
  testSubscription: { command: 'subscriptions test ID' },
  listSubscriptionDeliveries: { command: 'subscriptions deliveries ID' },
};
