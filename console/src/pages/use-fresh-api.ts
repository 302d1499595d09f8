/**
 * Like ../use-api.ts, but every read revalidates with the API (no copy from the browser's cache): the
 * timeline after a publish and the source list after a change must show what just happened. Keeps the
 * previous data while reloading, so a table does not blink after every action.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { apiGet } from '../api';
import type { Loaded } from '../use-api';

export function useFreshApi<T>(path: string | null): Loaded<T> & { reload: () => void } {
  const [result, setResult] = useState<Loaded<T>>({ state: 'loading' });
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  // Another resource: what was shown belongs to the previous one.
  useEffect(() => setResult({ state: 'loading' }), [path]);
  useEffect(() => {
    if (path === null) return;
    const controller = new AbortController();
    apiGet<T>(path, { signal: controller.signal, fresh: true }).then(
      (data) => {
        if (!controller.signal.aborted) setResult({ state: 'done', data });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setResult({ state: 'failed', error });
      },
    );
    return () => controller.abort();
  }, [path, generation]);
  return { ...result, reload };
}
