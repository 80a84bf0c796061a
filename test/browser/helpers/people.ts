// Reading and driving the people elements the way a person would: what a chat shows, typing and
// pressing Enter, parts inside an element's shadow root.
import type { CallsChatElement } from '../../../src/elements/calls-chat/calls-chat.js';
import type { CallsRoomElement } from '../../../src/elements/calls-room/calls-room.js';

export const inside = (room: CallsRoomElement, selector: string) => room.querySelector<HTMLElement>(selector);
export const part = (element: Element | null, name: string) =>
  element?.shadowRoot?.querySelector<HTMLElement>(`[part~="${name}"]`) ?? null;
export const parts = (element: Element | null, name: string) => [
  ...(element?.shadowRoot?.querySelectorAll<HTMLElement>(`[part~="${name}"]`) ?? []),
];

/** Types into a chat box and presses Enter, as a person would. */
export function typeAndEnter(chat: CallsChatElement, text: string, shiftKey = false): void {
  const input = chat.shadowRoot!.querySelector('textarea')!;
  input.value = text;
  input.dispatchEvent(
    new KeyboardEvent('keydown', { key: 'Enter', shiftKey, bubbles: true, composed: true }),
  );
}

export function messagesIn(chat: Element | null): Array<{ sender: string; text: string }> {
  return parts(chat, 'message').map((li) => ({
    sender: li.querySelector('[part="sender"]')?.textContent ?? '',
    text: li.querySelector('[part="text"]')?.textContent ?? '',
  }));
}
