// The window's `MeetingOperations` (src/services/meetingOperations.ts) over the host's context, loaded on first use:
// the commands and the form panel call it; activation does not load it (nor the validation it carries).
import type * as OperationsModule from '../services/meetingOperations';
import type { MeetingOperations } from '../services/meetingOperations';
import type { HostContext } from './hostContext';

/**
 * The window's meeting operations. The module (a separate bundle, dist/operations.js) is required at the first
 * property read, so activation pays nothing for it; every read after that goes to the one instance.
 */
export function lazyMeetingOperations(host: HostContext): MeetingOperations {
  let operations: MeetingOperations | undefined;
  const load = (): MeetingOperations => {
    if (!operations) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const module = require('../services/meetingOperations') as typeof OperationsModule;
      operations = new module.MeetingOperations({
        store: host.store,
        log: host.log,
        graph: () => host.graph(),
        account: () => host.account(),
        defaultTimeZone: () => host.settings().timeZone,
      });
    }
    return operations;
  };
  return new Proxy({} as MeetingOperations, {
    get: (_target, key) => {
      const target = load();
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}
