// The form page's message handler: checks each host message and builds the form at `init`.
import { draftFor } from '../shared/formState';
import { parseToWebview } from '../shared/protocol';
import type { ToWebview } from '../shared/protocol';
import type { HostApi } from './form';
import { MeetingForm } from './form';

/** Compile-time exhaustiveness: a host message type without a case above fails to compile here. */
function unhandled(msg: never): void {
  void (msg as ToWebview);
}

/** The page's message handler: every host message (`MessageEvent.data`) in the order it came. */
export function startForm(api: HostApi, root: HTMLElement): (data: unknown) => void {
  let form: MeetingForm | undefined;
  return (data) => {
    // Every host message is checked before anything acts on it, as the host checks the page's.
    const msg = parseToWebview(data);
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
  };
}
