import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { CallsPanelToggleEvent } from '../events/panel-toggle.js';
import { CallsButtonElement } from './button-element.js';
import { focusIsIn, focusPanel } from './panel-focus.js';

/**
 * A kit button that shows and hides a panel (`<calls-chat>`, `<calls-participant-list>`, or any
 * element) named by `for`, through the panel's `hidden` attribute, and shows a count badge. The
 * pressed state follows the panel, also when something else hides or shows it. A press sends a
 * cancelable `calls-panel-toggle` first; the panel changes only if nobody cancelled it.
 *
 * Focus follows the person (WAI-ARIA's disclosure pattern): a press that opens the panel moves focus
 * into it (the panel's own `focus()`, e.g. the chat's text box), Escape inside the panel closes it,
 * and a panel that closes while focus is inside it — by Escape, by code, by another panel taking its
 * place — gives focus back to this button rather than leaving it on a node nobody can see.
 *
 * Parts: those of every kit button, plus `badge`.
 */
export abstract class CallsPanelButtonElement extends CallsButtonElement {
  /** The id of the panel to show and hide (looked up in this element's tree, then the document). */
  @property() for = '';

  @state() protected panelOpen = false;

  #observer: MutationObserver | undefined;
  /** The panel being watched, with its listeners, so a new `for` or a disconnect takes them off. */
  #watched: HTMLElement | undefined;
  /** Whether focus was last inside the panel (kept while the window itself loses focus). */
  #focusInPanel = false;

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
    this.#unwatch();
  }

  override press(): void {
    if (this.disabled || this.busy()) return;
    const panel = this.panel;
    if (!panel) return;
    const event = this.createRequest();
    if (!this.request(event)) return;
    const focusWasInside = focusIsIn(panel);
    panel.hidden = !event.detail.open;
    this.panelOpen = !panel.hidden;
    this.onPanelChange(this.panelOpen);
    if (this.panelOpen) void focusPanel(panel);
    else if (focusWasInside) this.#takeFocusBack();
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
    this.#unwatch();
    // The panel may be defined after this button; look it up once the page has settled.
    queueMicrotask(() => {
      if (!this.isConnected) return;
      this.#unwatch();
      const panel = this.panel;
      this.panelOpen = panel ? !panel.hidden : false;
      if (!panel) return;
      this.#watched = panel;
      panel.addEventListener('keydown', this.#onPanelKeydown);
      panel.addEventListener('focusin', this.#onPanelFocusIn);
      panel.addEventListener('focusout', this.#onPanelFocusOut);
      this.#observer = new MutationObserver(() => {
        const open = !panel.hidden;
        if (open === this.panelOpen) return;
        this.panelOpen = open;
        this.onPanelChange(open);
        // Hidden with focus inside (by code, or by another panel): focus would fall to the page's body.
        if (!open && (this.#focusInPanel || focusIsIn(panel))) this.#takeFocusBack();
      });
      this.#observer.observe(panel, { attributes: true, attributeFilter: ['hidden'] });
    });
  }

  #unwatch(): void {
    this.#observer?.disconnect();
    this.#observer = undefined;
    const panel = this.#watched;
    this.#watched = undefined;
    this.#focusInPanel = false;
    panel?.removeEventListener('keydown', this.#onPanelKeydown);
    panel?.removeEventListener('focusin', this.#onPanelFocusIn);
    panel?.removeEventListener('focusout', this.#onPanelFocusOut);
  }

  readonly #onPanelFocusIn = () => {
    this.#focusInPanel = true;
  };

  readonly #onPanelFocusOut = (event: FocusEvent) => {
    const next = event.relatedTarget;
    // relatedTarget is null when focus leaves the window or the focused node is hidden: neither is
    // the person moving on, so keep the mark (the panel closing then gives focus back).
    if (next instanceof Node && !this.#watched?.contains(next)) this.#focusInPanel = false;
  };

  /** Escape anywhere in the open panel closes it, as the button would, and focus comes back here. */
  readonly #onPanelKeydown = (event: KeyboardEvent) => {
    const panel = this.#watched;
    if (event.key !== 'Escape' || event.defaultPrevented || event.isComposing || !panel || panel.hidden)
      return;
    event.preventDefault();
    this.press();
  };

  /** Back to this button, if it is on screen; otherwise focus stays where the browser puts it. */
  #takeFocusBack(): void {
    this.#focusInPanel = false;
    if (this.isConnected && this.getClientRects().length > 0) this.focus();
  }
}
