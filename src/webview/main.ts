// The form page's entry: says `ready` at once, so the host prepares `init` while the page's code loads; builds the
// form at `init`. Nothing interactive before. This module imports nothing statically: the page's code (./app, with
// what the first frame needs) and the other controls (./lazyElements) are chunks fetched in parallel from here
// (esbuild.js), and host messages that come before ./app is there wait for it, in order.
import type { HostApi } from './form';

declare function acquireVsCodeApi(): HostApi;

function start(): void {
  const app = import('./app.js');
  void import('./lazyElements.js');
  const api = acquireVsCodeApi();
  const root = document.getElementById('app');
  if (!root) return;
  const waiting: unknown[] = [];
  let handle: ((data: unknown) => void) | undefined;
  window.addEventListener('message', (event: MessageEvent<unknown>) => {
    if (handle) handle(event.data);
    else waiting.push(event.data);
  });
  void app.then(({ startForm }) => {
    handle = startForm(api, root);
    for (const data of waiting.splice(0)) handle(data);
  });
  api.postMessage({ type: 'ready' });
  // While the page's code loads and the host prepares `init`: Chromium's first date-time input builds its editor
  // (locale data, ~35 ms in the bench profile), which would otherwise delay the form's date-time fields.
  setTimeout(() => {
    if (!handle) document.createElement('input').type = 'datetime-local';
  }, 0);
}

start();
