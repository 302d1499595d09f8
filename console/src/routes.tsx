/**
 * The route table: one entry per page, first match wins. Each page is a component taking the pattern's
 * params and the hash's query string. Add a page with one line here and its file under pages/.
 */
import type { ComponentType } from 'preact';
import { NotFoundPage } from './pages/not-found';
import { SheetPage } from './pages/sheet';
import { SheetsPage } from './pages/sheets';
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
