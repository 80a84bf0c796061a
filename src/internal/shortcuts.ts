/**
 * The meeting's keyboard shortcuts, as in Google Meet: Ctrl+D (⌘D on a Mac) toggles the
 * microphone and Ctrl+E (⌘E) the camera. They never fire while the person types into a field.
 */
export const shortcutKeys = { mic: 'd', camera: 'e' } as const;
export type ShortcutAction = keyof typeof shortcutKeys;

const isMac = () => /Mac|iPhone|iPad/.test(globalThis.navigator?.platform ?? '');

/** How the shortcut is written for this platform, for tooltips: `Ctrl+D` or `⌘D`. */
export function shortcutText(action: ShortcutAction): string {
  const key = shortcutKeys[action].toUpperCase();
  return isMac() ? `⌘${key}` : `Ctrl+${key}`;
}

/** True while focus is in something the person types into (then a key is text, not a shortcut). */
export function isTyping(event: KeyboardEvent): boolean {
  for (const target of event.composedPath()) {
    if (!(target instanceof HTMLElement)) continue;
    if (target.isContentEditable) return true;
    if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
    if (
      target instanceof HTMLInputElement &&
      !['button', 'checkbox', 'radio', 'range', 'submit'].includes(target.type)
    )
      return true;
  }
  return false;
}

/** The action a key press asks for, or undefined when it is no shortcut (or the person is typing). */
export function shortcutFor(event: KeyboardEvent): ShortcutAction | undefined {
  if (event.altKey || event.shiftKey || !(isMac() ? event.metaKey : event.ctrlKey)) return undefined;
  if (event.repeat || isTyping(event)) return undefined;
  const key = event.key.toLowerCase();
  return (Object.keys(shortcutKeys) as ShortcutAction[]).find((action) => shortcutKeys[action] === key);
}
