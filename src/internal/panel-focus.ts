/**
 * Where focus is, down through shadow roots: `[document.activeElement, its shadow root's
 * activeElement, …]`, outermost first.
 */
function focusChain(): Element[] {
  const chain: Element[] = [];
  let element = globalThis.document?.activeElement ?? null;
  while (element) {
    chain.push(element);
    element = element.shadowRoot?.activeElement ?? null;
  }
  return chain;
}

/** True when the focused element is `container` or inside it (across shadow roots). */
export function focusIsIn(container: Element): boolean {
  return focusChain().some((element) => element === container || container.contains(element));
}

/**
 * Moves focus into a panel that has just opened: its own `focus()` picks the target (the kit's
 * panels override it: the chat's text box, the people list's heading). A panel that takes no focus
 * itself (a plain element) is made focusable from code only (`tabindex="-1"`) and focused, so a
 * screen reader lands on it and Tab continues from inside it.
 */
export async function focusPanel(panel: HTMLElement): Promise<void> {
  // A Lit panel renders its content after `hidden` goes; wait for that render.
  await (panel as { updateComplete?: Promise<unknown> }).updateComplete;
  if (panel.hidden || !panel.isConnected) return;
  panel.focus();
  if (focusIsIn(panel)) return;
  if (!panel.hasAttribute('tabindex')) panel.tabIndex = -1;
  panel.focus();
}
