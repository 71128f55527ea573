// The form page's entry: says `ready`, waits for `init`, then builds the form. Nothing interactive before.
// The first frame's elements (the title and the first field: a label and a text field); the other controls are
// defined by ./lazyElements, loaded from the start beside this module (MeetingForm attaches them once defined).
import '@vscode-elements/elements/dist/vscode-label/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import { draftFor } from '../shared/formState';
import { parseToWebview } from '../shared/protocol';
import type { ToWebview } from '../shared/protocol';
import type { HostApi } from './form';
import { MeetingForm } from './form';

declare function acquireVsCodeApi(): HostApi;

/** Compile-time exhaustiveness: a host message type without a case above fails to compile here. */
function unhandled(msg: never): void {
  void (msg as ToWebview);
}

function start(): void {
  // Fetched and compiled while the page says `ready` and the host prepares `init` (a chunk, see esbuild.js).
  void import('./lazyElements.js');
  const api = acquireVsCodeApi();
  const root = document.getElementById('app');
  if (!root) return;
  let form: MeetingForm | undefined;
  window.addEventListener('message', (event: MessageEvent<unknown>) => {
    // Every host message is checked before anything acts on it, as the host checks the page's.
    const msg = parseToWebview(event.data);
    if (!msg) return;
    switch (msg.type) {
      case 'init':
        form = new MeetingForm(root, msg, api, draftFor(api.getState(), msg));
        break;
      case 'result':
        form?.onResult(msg);
        break;
      case 'lock':
        form?.onLock(msg.reason);
        break;
      case 'calendars':
        // Sent after init (the form never waits for it); a page not built yet has no picker to fill.
        form?.onCalendars(msg.calendars);
        break;
      case 'people':
      case 'freeBusy':
      case 'times':
      case 'rooms':
      case 'feature':
      case 'findTimeFailed':
        form?.onFindTime(msg);
        break;
      default:
        unhandled(msg);
    }
  });
  api.postMessage({ type: 'ready' });
  // While the host prepares `init`: Chromium's first date-time input builds its editor (locale data, ~35 ms in
  // the bench profile), which otherwise delays the first field. Only while waiting: when `init` is already there
  // (queued before this task), the form's own first date-time field pays it instead, with nothing to overlap.
  setTimeout(() => {
    if (!form) document.createElement('input').type = 'datetime-local';
  }, 0);
}

start();
