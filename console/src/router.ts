/** The hash location as Preact state (the parsing is in hash-route.ts, which needs no DOM). */
import { useEffect, useState } from 'preact/hooks';
import { type Location, parseHash } from './hash-route';

export { href, type Location, matchPattern } from './hash-route';

/** The current hash location, updated on every hashchange. */
export function useLocation(): Location {
  const [location, setLocation] = useState(() => parseHash(window.location.hash));
  useEffect(() => {
    const update = () => setLocation(parseHash(window.location.hash));
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return location;
}
