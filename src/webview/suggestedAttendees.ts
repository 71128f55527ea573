// The form's suggested attendees (meetings about code: who last changed the lines): one button per person, which adds
// that address to the required attendees. Nobody is added until the user presses a button.
import type { FormStringKey } from '../shared/formStrings';
import type { SuggestedAttendee } from '../shared/protocol';
import { button } from './controls';
import { el } from './dom';

/** The suggestions group, or undefined when nobody is left to suggest (everyone already listed). */
export function suggestedAttendeesBox(
  people: readonly SuggestedAttendee[],
  listed: readonly string[],
  t: (key: FormStringKey, params?: Record<string, string | number>) => string,
  /** Adds the address; `last`: no suggestion is left (the group is gone; the caller moves the focus). */
  add: (address: string, last: boolean) => void,
): HTMLElement | undefined {
  const isListed = (address: string): boolean =>
    listed.some((a) => a.toLowerCase() === address.toLowerCase());
  const left = people.filter((p) => !isListed(p.address));
  if (left.length === 0) return undefined;
  const label = el('div', { id: 'suggested-label', className: 'hint' }, [t('suggestedAttendees')]);
  const box = el('div', {
    id: 'suggested',
    className: 'suggested',
    'attr:role': 'group',
    'attr:aria-labelledby': 'suggested-label',
  });
  const buttons = left.map((person, i) => {
    const shown =
      person.name && person.name !== person.address ? `${person.name} <${person.address}>` : person.address;
    const addButton = button(`suggested-${i}`, t('suggestedAdd', { person: shown }), true);
    addButton.addEventListener('click', () => {
      // The next suggestion takes the focus, so a keyboard user can go on adding.
      const next = buttons.find((b) => b !== addButton && b.isConnected);
      addButton.remove();
      if (!next) box.remove();
      add(person.address, !next);
      next?.focus();
    });
    return addButton;
  });
  box.append(label, el('div', { className: 'actions' }, buttons));
  return box;
}
