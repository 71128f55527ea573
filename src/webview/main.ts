// The form page's entry: says `ready`, waits for `init`, then builds the form. Nothing interactive before.
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import '@vscode-elements/elements/dist/vscode-label/index.js';
import '@vscode-elements/elements/dist/vscode-progress-ring/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import '@vscode-elements/elements/dist/vscode-textarea/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import type { InitMessage, ResultMessage, ToWebview } from '../shared/protocol';
import type { HostApi } from './form';
import { MeetingForm, draftFor, isFormValues } from './form';

declare function acquireVsCodeApi(): HostApi;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

function isInit(msg: Record<string, unknown>): msg is Record<string, unknown> & InitMessage {
  return (
    msg.type === 'init' &&
    (msg.mode === 'schedule' || msg.mode === 'update') &&
    isFormValues(msg.values) &&
    isObject(msg.teams) &&
    isObject(msg.strings) &&
    isObject(msg.messages) &&
    Array.isArray(msg.timeZones) &&
    msg.timeZones.every((z) => typeof z === 'string') &&
    (msg.closedDraft === undefined || isFormValues(msg.closedDraft))
  );
}

function isResult(msg: Record<string, unknown>): msg is Record<string, unknown> & ResultMessage {
  return msg.type === 'result' && typeof msg.requestId === 'string' && typeof msg.ok === 'boolean';
}

function start(): void {
  const api = acquireVsCodeApi();
  const root = document.getElementById('app');
  if (!root) return;
  let form: MeetingForm | undefined;
  window.addEventListener('message', (event: MessageEvent<unknown>) => {
    const msg = event.data;
    if (!isObject(msg)) return;
    const typed = msg as Partial<ToWebview>;
    switch (typed.type) {
      case 'init':
        if (isInit(msg)) form = new MeetingForm(root, msg, api, draftFor(api.getState(), msg));
        break;
      case 'result':
        if (isResult(msg)) form?.onResult(msg);
        break;
      default:
        break;
    }
  });
  api.postMessage({ type: 'ready' });
  // While the host prepares `init`: Chromium's first date-time input builds its editor (locale data, ~35 ms in
  // the bench profile), which otherwise delays the first field.
  document.createElement('input').type = 'datetime-local';
}

start();
