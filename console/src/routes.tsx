/**
 * The route table: one entry per page, first match wins. Each page is a component taking the pattern's
 * params and the hash's query string. Add a page with one line here and its file under pages/.
 */
import type { ComponentType } from 'preact';
import { DiffPage } from './pages/diff';
import { FigureHistoryPage } from './pages/figure-history';
import { NotFoundPage } from './pages/not-found';
import { RevisionsPage } from './pages/revisions';
import { SheetPage } from './pages/sheet';
import { SheetsPage } from './pages/sheets';
import { SourcesPage } from './pages/sources';
import { SubscriptionsPage } from './pages/subscriptions';
import { UploadPage } from './pages/upload';
import { matchPattern } from './router';

export interface PageProps {
  params: Record<string, string>;
  query: URLSearchParams;
}

export interface RouteEntry {
  pattern: string;
  page: ComponentType<PageProps>;
}

export const routes: RouteEntry[] = [
  { pattern: '/', page: SheetsPage },
  { pattern: '/sheets', page: SheetsPage },
  { pattern: '/sheets/:id', page: SheetPage },
  { pattern: '/sheets/:id/revisions', page: RevisionsPage },
  { pattern: '/sheets/:id/diff', page: DiffPage },
  { pattern: '/sheets/:id/figures/:key', page: FigureHistoryPage },
  { pattern: '/upload', page: UploadPage },
  { pattern: '/sheets/:id/upload', page: UploadPage },
  { pattern: '/sources', page: SourcesPage },
  { pattern: '/subscriptions', page: SubscriptionsPage },
];

export function resolveRoute(path: string): {
  page: ComponentType<PageProps>;
  params: Record<string, string>;
} {
  for (const route of routes) {
    const params = matchPattern(route.pattern, path);
    if (params) return { page: route.page, params };
  }
  return { page: NotFoundPage, params: { path } };
}
