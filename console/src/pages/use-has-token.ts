/** Whether a write token is set, re-rendering when it is set or cleared (pages hint at it, or load). */
import { useEffect, useState } from 'preact/hooks';
import { getToken, onTokenChange } from '../token';

export function useHasToken(): boolean {
  const [has, setHas] = useState(() => getToken() !== null);
  useEffect(() => onTokenChange(() => setHas(getToken() !== null)), []);
  return has;
}
