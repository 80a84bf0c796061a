// Driving a page with the keyboard only (Playwright's real key presses) and reading where focus is.
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';

/** The element that has focus, down through shadow roots. */
export function focused(): Element | null {
  let element = document.activeElement;
  while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
  return element;
}

/** The custom element whose shadow root holds `element`. */
export const hostOf = (element: Element | null) => (element?.getRootNode() as ShadowRoot | undefined)?.host;

/** A kit control's native button: `controlOf('calls-chat-button')(focused())`. */
export const controlOf = (tag: string) => (element: Element) =>
  hostOf(element)?.localName === tag && element.getAttribute('part') === 'button';

/** Focus is on an element that shows it: `:focus-visible` with an outline at least 2 px wide. */
export function expectVisibleFocus(element: Element, what: string): void {
  const style = getComputedStyle(element);
  expect(element.matches(':focus-visible'), `${what} matches :focus-visible`).to.equal(true);
  expect(style.outlineStyle, `${what}'s focus ring`).to.not.equal('none');
  expect(Number.parseFloat(style.outlineWidth), `${what}'s focus ring width`).to.be.at.least(2);
}

/** Presses Tab (Shift+Tab when `backwards`) until `wanted` has focus; at most 60 presses. */
export async function tabTo(wanted: (element: Element) => boolean, what: string, backwards = false) {
  for (let presses = 0; presses < 60; presses += 1) {
    await sendKeys({ press: backwards ? 'Shift+Tab' : 'Tab' });
    const element = focused();
    if (element && wanted(element)) {
      expectVisibleFocus(element, what);
      return element as HTMLElement;
    }
  }
  throw new Error(`Tab never reached ${what} (focus is on ${focused()?.outerHTML.slice(0, 80)})`);
}
