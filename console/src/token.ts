/**
 * The write token, kept for this browser tab's session only (sessionStorage: gone when the tab closes,
 * never a cookie, never in a URL). Read-only pages never need it.
 */
const KEY = 'factsheet-console.token';
const listeners = new Set<() => void>();

function storage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    // Storage can be disabled by the browser; the console then asks again on every write.
    return null;
  }
}

let fallback: string | null = null;

export function getToken(): string | null {
  return storage()?.getItem(KEY) ?? fallback;
}

export function setToken(token: string): void {
  const value = token.trim();
  if (!value) {
    clearToken();
    return;
  }
  const store = storage();
  if (store) store.setItem(KEY, value);
  else fallback = value;
  notify();
}

export function clearToken(): void {
  storage()?.removeItem(KEY);
  fallback = null;
  notify();
}

/** Called after every change of the token; returns the unsubscribe function. */
export function onTokenChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function notify(): void {
  for (const listener of listeners) listener();
}
