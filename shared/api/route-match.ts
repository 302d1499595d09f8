/**
 * Matches a request path against the topology's resource paths (`/sheets/{id}`). Shared by the router and
 * the local HTTP adapter, which needs the matched resource to build the proxy event as API Gateway would.
 */
import { ValidationError } from '../errors';
import type { RouteSpec } from '../topology';

export interface CompiledRoute {
  spec: RouteSpec;
  segments: string[];
  staticCount: number;
}

export interface PathMatch {
  /** The resource path, e.g. `/sheets/{id}`. */
  resource: string;
  /** Decoded path parameters. */
  params: Record<string, string>;
  /** Every route (one per method) declared on that resource. */
  routes: RouteSpec[];
}

function split(path: string): string[] {
  return path.split('/').filter((s, i) => i > 0 || s !== '');
}

export function compileRoutes(specs: readonly RouteSpec[]): CompiledRoute[] {
  return specs
    .map((spec) => {
      const segments = split(spec.path);
      return { spec, segments, staticCount: segments.filter((s) => !s.startsWith('{')).length };
    })
    .sort((a, b) => b.staticCount - a.staticCount);
}

/** The resource `path` belongs to, or null. Throws ValidationError for undecodable segments. */
export function matchPath(compiled: readonly CompiledRoute[], path: string): PathMatch | null {
  const parts = split(path.length > 1 ? path.replace(/\/+$/, '') : path);
  let found: PathMatch | null = null;
  for (const route of compiled) {
    if (route.segments.length !== parts.length) continue;
    if (found) {
      if (route.spec.path === found.resource) found.routes.push(route.spec);
      continue;
    }
    const params: Record<string, string> = {};
    const ok = route.segments.every((segment, i) => {
      const part = parts[i]!;
      if (!segment.startsWith('{')) return segment === part;
      if (part === '') return false;
      params[segment.slice(1, -1)] = decodeSegment(segment.slice(1, -1), part);
      return true;
    });
    if (ok) found = { resource: route.spec.path, params, routes: [route.spec] };
  }
  return found;
}

function decodeSegment(name: string, raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw new ValidationError(`Path parameter ${name} is not valid percent-encoding`, name);
  }
}
