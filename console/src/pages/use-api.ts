/** Loading a GET route into a page: data, the problem when it failed, and a way to load it again. */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { ApiProblem, apiGet } from '../api';

export type Loaded<T> =
  | { state: 'loading' }
  | { state: 'ok'; data: T }
  | { state: 'failed'; problem: ApiProblem };

/** Any thrown value as a problem the page can show (a network failure has no problem+json body). */
export function asProblem(err: unknown): ApiProblem {
  if (err instanceof ApiProblem) return err;
  const detail = err instanceof Error ? err.message : String(err);
  return new ApiProblem({ status: 0, title: 'The API could not be reached', detail, type: 'about:blank' });
}

/** GETs `path` (null: nothing to load yet) whenever it changes; `reload` fetches it again. */
export function useApi<T>(path: string | null): { loaded: Loaded<T>; reload: () => void } {
  const [loaded, setLoaded] = useState<Loaded<T>>({ state: 'loading' });
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  // biome-ignore lint/correctness/useExhaustiveDependencies: generation is the reload trigger
  useEffect(() => {
    if (path === null) return;
    let current = true;
    apiGet<T>(path).then(
      (data) => current && setLoaded({ state: 'ok', data }),
      (err: unknown) => current && setLoaded({ state: 'failed', problem: asProblem(err) }),
    );
    return () => {
      current = false;
    };
  }, [path, generation]);
  return { loaded, reload };
}

/** A path segment or query value, encoded. */
export const enc = encodeURIComponent;

export function formatTime(iso: string | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC');
}
