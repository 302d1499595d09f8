import type { PageProps } from '../routes';
import { usePageTitle } from '../title';

export function NotFoundPage({ params }: PageProps) {
  usePageTitle('Not found');
  return (
    <>
      <h1 tabIndex={-1}>Page not found</h1>
      <p role="alert">
        The console has no page at <code>{params.path}</code>. Go to the <a href="#/sheets">list of sheets</a>
        .
      </p>
    </>
  );
}
