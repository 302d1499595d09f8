/** Every route definition, by the operationId shared/topology.ts gives it. */
import type { RouteDefinition } from '../definition';
import { getConsole, getConsoleAsset } from './console';
import { getFigureHistory, getSheetFigure, listSheetFigures, queryFigures } from './figures';
import { getDocs, getDocsAsset, getHealth, getOpenApi } from './meta';
import { previewSheetSource } from './preview';
import { getDiff, getRevision, listRevisions } from './revisions';
import { getSection, getSheet, listSections, listSheets } from './sheets';
import { deleteSource, getSource, listSources, putSourceRegistration, refreshSource } from './sources';
import {
  deleteSubscription,
  getSubscription,
  listSubscriptionDeliveries,
  listSubscriptions,
  putSubscription,
  testSubscription,
} from './subscriptions';
import { getUpload, listUploads } from './uploads';
import { reprocessSheet, uploadSheetSource } from './writes';

export const routeDefinitions: Readonly<Record<string, RouteDefinition>> = {
  getHealth,
  getOpenApi,
  getDocs,
  getDocsAsset,
  getConsole,
  getConsoleAsset,
  listSheets,
  getSheet,
  listSections,
  getSection,
  listSheetFigures,
  getSheetFigure,
  getFigureHistory,
  listRevisions,
  getRevision,
  getDiff,
  queryFigures,
  uploadSheetSource,
  previewSheetSource,
  listUploads,
  getUpload,
  reprocessSheet,
  listSources,
  getSource,
  putSourceRegistration,
  deleteSource,
  refreshSource,
  listSubscriptions,
  getSubscription,
  putSubscription,
  deleteSubscription,
  testSubscription,
  listSubscriptionDeliveries,
};
