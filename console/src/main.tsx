/** Mounts the console into the page's #app element. */
import { render } from 'preact';
import { App } from './app';
import { installTooltipDismissal } from './tooltips';

const root = document.getElementById('app');
if (root) {
  root.textContent = '';
  render(<App />, root);
  installTooltipDismissal();
}
