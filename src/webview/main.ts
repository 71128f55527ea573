// The form page's entry: says `ready` at once, so the host prepares `init` while the page waits, and builds the form
// at `init` (./app). The whole form is this one module and what it imports statically; the find-a-time features and
// the custom recurrence editor are chunks it loads with `import()` once the form is usable (esbuild.js).
import { startForm } from './app';
import type { HostApi } from './form';

declare function acquireVsCodeApi(): HostApi;

function start(): void {
  const api = acquireVsCodeApi();
  const root = document.getElementById('app');
  if (!root) return;
  const handle = startForm(api, root);
  window.addEventListener('message', (event: MessageEvent<unknown>) => handle(event.data));
  api.postMessage({ type: 'ready' });
}

start();
