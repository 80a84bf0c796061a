import { property } from 'lit/decorators.js';
import { CallsControlElement } from './control-element.js';

/**
 * A panel a meeting opens closed (the chat, the people list): while it has never been shown it does
 * not render, so joining does not pay for what nobody sees (the people list's first count alone
 * loads the browser's number formatting, ~20 ms). It renders the moment `hidden` goes, and
 * `updateComplete` waits for that render (focus moves in after it, see panel-focus.ts). Its
 * subscriptions run from the start, so nothing it tracks (unread messages) is missed meanwhile.
 */
export abstract class CallsPanelElement extends CallsControlElement {
  /**
   * The native `hidden`, watched so showing the panel renders it.
   * @internal
   */
  @property({ type: Boolean, reflect: true }) override hidden = false;

  protected override shouldUpdate(changed: Map<PropertyKey, unknown>): boolean {
    return super.shouldUpdate(changed) && (this.hasUpdated || !this.hidden);
  }
}
