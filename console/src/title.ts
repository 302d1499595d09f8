/** Every page names itself in the document title (what screen readers and tabs show). */
import { useEffect } from 'preact/hooks';

export const APP_NAME = 'Fact sheets console';

export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} · ${APP_NAME}`;
  }, [title]);
}
