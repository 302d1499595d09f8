/** The shell: skip link, header navigation, the token control, and `<main>` with the routed page. */
import { useEffect, useRef } from 'preact/hooks';
import { ErrorBoundary } from './components/error-boundary';
import { TokenControl } from './components/token-control';
import { useLocation } from './router';
import { resolveRoute } from './routes';
import { APP_NAME } from './title';

const NAV: { label: string; href: string; matches: (path: string) => boolean }[] = [
  {
    label: 'Sheets',
    href: '#/sheets',
    matches: (p) => p === '/' || (p.startsWith('/sheets') && !p.endsWith('/upload')),
  },
  { label: 'Upload', href: '#/upload', matches: (p) => p === '/upload' || p.endsWith('/upload') },
  { label: 'Sources', href: '#/sources', matches: (p) => p.startsWith('/sources') },
  { label: 'Subscriptions', href: '#/subscriptions', matches: (p) => p.startsWith('/subscriptions') },
];

export function App() {
  const location = useLocation();
  const { page: Page, params } = resolveRoute(location.path);
  const main = useRef<HTMLElement>(null);
  const firstRender = useRef(true);

  // After a navigation (not the first load), move focus to the new page's heading, as a page load would.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    const heading = main.current?.querySelector<HTMLElement>('h1');
    if (heading) {
      if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
      heading.focus();
    } else {
      main.current?.focus();
    }
  }, [location.path]);

  return (
    <>
      {/* biome-ignore lint/a11y/useValidAnchor: a link is what a skip link is; the hash is the route, so it focuses <main> itself. */}
      <a
        class="skip-link"
        href="#main"
        onClick={(event) => {
          // The hash is the route: focus <main> instead of navigating to "#main".
          event.preventDefault();
          main.current?.focus();
        }}
      >
        Skip to content
      </a>
      <header class="site-header">
        <a class="brand" href="#/sheets">
          {APP_NAME}
        </a>
        <nav aria-label="Main">
          <ul>
            {NAV.map((item) => (
              <li key={item.href}>
                <a href={item.href} aria-current={item.matches(location.path) ? 'page' : undefined}>
                  {item.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <TokenControl />
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        <ErrorBoundary key={location.path}>
          <Page params={params} query={location.query} />
        </ErrorBoundary>
      </main>
    </>
  );
}
