import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { CallsControlElement } from './control-element.js';

/**
 * The shape every kit button shares, so a new control is one small file: say what it is called
 * (`label`), what it shows (`icon`), whether it is a toggle and which way it is (`pressed`), and
 * which request event a press sends (`createRequest`). This class renders a native `<button>`
 * (keyboard: Tab to it, Enter or Space to press; focus is delegated to it), names it through i18n,
 * sets `aria-pressed` on toggles and the `pressed` custom state, and dispatches the request.
 *
 * Parts every button has: `button` (the native button), `icon`, `label` (hidden but still the
 * accessible name when `icon-only`).
 */
export abstract class CallsButtonElement extends CallsControlElement {
  static override shadowRootOptions: ShadowRootInit = {
    ...LitElement.shadowRootOptions,
    delegatesFocus: true,
  };

  /** Turns the button off. */
  @property({ type: Boolean, reflect: true }) disabled = false;

  /** Shows only the icon; the label stays the accessible name and the tooltip. */
  @property({ type: Boolean, reflect: true, attribute: 'icon-only' }) iconOnly = false;

  readonly #internals: ElementInternals | undefined = this.attachInternals?.();

  /** The accessible name (also the visible label unless `icon-only`). */
  protected abstract label(): string;

  /** The request a press sends, or undefined when a press has nothing to ask right now. */
  protected abstract createRequest(): Event | undefined;

  /** The icon beside the label (decorative). */
  protected icon(): TemplateResult | typeof nothing {
    return nothing;
  }

  /** A toggle's state (`aria-pressed`); undefined for a push button. */
  protected pressed(): boolean | undefined {
    return undefined;
  }

  /** The tooltip; by default the label. */
  protected tooltip(): string {
    return this.label();
  }

  /** True while the room cannot act on a press (e.g. Join while joining); the button is disabled. */
  protected busy(): boolean {
    return false;
  }

  /** Presses the button from code, exactly as a click would (nothing happens while disabled). */
  press(): void {
    if (this.disabled || this.busy()) return;
    const event = this.createRequest();
    if (event) this.request(event);
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const states = this.#internals?.states;
    if (!states) return;
    try {
      if (this.pressed()) states.add('pressed');
      else states.delete('pressed');
    } catch {
      // Older engines only accept `--name` custom states; styling by state is optional there.
    }
  }

  protected override render() {
    const pressed = this.pressed();
    return html`<button
      part="button"
      type="button"
      aria-pressed=${pressed === undefined ? nothing : pressed ? 'true' : 'false'}
      title=${this.tooltip()}
      ?disabled=${this.disabled || this.busy()}
      @click=${() => this.press()}
    >
      <span part="icon">${this.icon()}</span><span part="label" class=${this.iconOnly ? 'visually-hidden' : ''}>${this.label()}</span>
    </button>`;
  }
}
