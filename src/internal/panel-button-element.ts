import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { CallsPanelToggleEvent } from '../events/panel-toggle.js';
import { CallsButtonElement } from './button-element.js';

/**
 * A kit button that shows and hides a panel (`<calls-chat>`, `<calls-participant-list>`, or any
 * element) named by `for`, through the panel's `hidden` attribute, and shows a count badge. The
 * pressed state follows the panel, also when something else hides or shows it. A press sends a
 * cancelable `calls-panel-toggle` first; the panel changes only if nobody cancelled it.
 *
 * Parts: those of every kit button, plus `badge`.
 */
export abstract class CallsPanelButtonElement extends CallsButtonElement {
  /** The id of the panel to show and hide (looked up in this element's tree, then the document). */
  @property() for = '';

  @state() protected panelOpen = false;

  #observer: MutationObserver | undefined;

  /** The number on the badge; nothing shown for undefined or 0. */
  protected abstract badge(): number | undefined;

  /** The badge's accessible text (the visible number is hidden from screen readers). */
  protected abstract badgeLabel(count: number): string;

  /** The panel element, if it is on the page. */
  get panel(): HTMLElement | null {
    if (!this.for) return null;
    // Under SSR (Lit's DOM shim) there is neither a root to search nor a document.
    const root = this.getRootNode?.() as Document | ShadowRoot | undefined;
    return (root?.getElementById?.(this.for) ??
      globalThis.document?.getElementById(this.for) ??
      null) as HTMLElement | null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#watchPanel();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#observer?.disconnect();
  }

  override press(): void {
    if (this.disabled || this.busy()) return;
    const panel = this.panel;
    if (!panel) return;
    const event = this.createRequest();
    if (!this.request(event)) return;
    panel.hidden = !event.detail.open;
    this.panelOpen = !panel.hidden;
    this.onPanelChange(this.panelOpen);
  }

  protected override createRequest(): CallsPanelToggleEvent {
    return new CallsPanelToggleEvent({ panel: this.for, open: this.panel?.hidden ?? true });
  }

  protected override pressed(): boolean {
    return this.panelOpen;
  }

  protected override busy(): boolean {
    return this.panel === null;
  }

  /** Called whenever the panel opens or closes. */
  protected onPanelChange(_open: boolean): void {}

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('for') && this.isConnected) this.#watchPanel();
  }

  protected override render() {
    const count = this.badge();
    return html`${super.render()}${
      count
        ? html`<span part="badge" aria-hidden="true">${count > 99 ? '99+' : count}</span><span class="visually-hidden" role="status">${this.badgeLabel(count)}</span>`
        : nothing
    }`;
  }

  #watchPanel(): void {
    this.#observer?.disconnect();
    // The panel may be defined after this button; look it up once the page has settled.
    queueMicrotask(() => {
      const panel = this.panel;
      this.panelOpen = panel ? !panel.hidden : false;
      if (!panel) return;
      this.#observer = new MutationObserver(() => {
        const open = !panel.hidden;
        if (open === this.panelOpen) return;
        this.panelOpen = open;
        this.onPanelChange(open);
      });
      this.#observer.observe(panel, { attributes: true, attributeFilter: ['hidden'] });
    });
  }
}
