import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { BehaviorSubject, of, switchMap } from 'rxjs';
import { CallsControlElement } from '../../internal/control-element.js';
import { defineElement } from '../../internal/define.js';
import { settingsIcon } from '../../internal/icons.js';
import { subscribe } from '../../internal/subscribe.js';
import '../calls-device-select/calls-device-select.js';
import { settingsStyles } from './calls-settings.styles.js';

/** The level meter reads RMS, which sits far below 1 for speech; scale it so talking fills most of the bar. */
const METER_GAIN = 4;

/**
 * A Settings button that opens a dialog with the camera, microphone and speaker pickers
 * (`<calls-device-select>`) and a microphone test: speak, and the bar follows what the microphone
 * hears. Place it inside a `<calls-room>` (or anywhere with `room="<id>"`); it works before joining
 * too. Escape or Close closes it, and focus goes back to the Settings button.
 *
 * @summary Device settings: camera, microphone and speaker, with a microphone test.
 *
 * @event {CallsDeviceSelectRequestEvent} calls-device-select-request - From the pickers inside: a
 *   device was chosen (`detail` is `{ kind, deviceId }`); cancel it to keep the device in use.
 *
 * @slot - Extra settings, shown below the microphone test.
 *
 * @csspart trigger - The Settings button that opens the dialog.
 * @csspart icon - The gear icon inside it.
 * @csspart dialog - The native `<dialog>`.
 * @csspart heading - The dialog's title.
 * @csspart devices - The three pickers.
 * @csspart mic-test - The microphone test (label, meter and hint).
 * @csspart mic-meter - The meter's track (`role="meter"`).
 * @csspart mic-meter-level - The moving bar.
 * @csspart footer - Holds the Close button.
 * @csspart close-button - Closes the dialog.
 *
 * @cssproperty --calls-dialog-background - Behind the dialog's content.
 * @cssproperty --calls-dialog-backdrop - Over the page while the dialog is open.
 * @cssproperty --calls-background - The dialog, unless `--calls-dialog-background` is set.
 * @cssproperty --calls-control-background - The buttons and the meter's track.
 * @cssproperty --calls-control-foreground - The buttons' icon and text.
 * @cssproperty --calls-speaking-color - The meter's bar.
 * @cssproperty --calls-accent - Focus rings.
 * @cssproperty --calls-control-radius - Corner radius of the buttons.
 * @cssproperty --calls-radius - Corner radius of the dialog.
 * @cssproperty --calls-foreground - Text color.
 * @cssproperty --calls-font-family - Font.
 */
export class CallsSettingsElement extends CallsControlElement {
  static override styles = settingsStyles;

  /** Whether the dialog is open. Set it, or call `show()` / `close()`. */
  @property({ type: Boolean, reflect: true }) open = false;

  @state() private level = 0;
  /**
   * The pickers and the meter render from the first opening on: a meeting shows its Settings closed,
   * and joining should not pay for three device pickers nobody sees yet.
   */
  #opened = false;

  readonly #open$ = new BehaviorSubject(false);

  constructor() {
    super();
    // The meter listens only while the dialog is open: an idle meter would keep the microphone busy.
    subscribe(
      this,
      () =>
        this.#open$.pipe(switchMap((open) => (open ? this.fromMedia((media) => media.micLevel$, 0) : of(0)))),
      (level) => {
        this.level = level;
      },
    );
  }

  /** The native dialog (for tests and focus management). */
  get dialogElement(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog');
  }

  show(): void {
    this.open = true;
  }

  close(): void {
    this.open = false;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // Before render, so the meter's reset to 0 lands in this update rather than scheduling another.
    if (changed.has('open')) this.#open$.next(this.open);
    if (this.open) this.#opened = true;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (!changed.has('open')) return;
    const dialog = this.dialogElement;
    if (!dialog) return;
    if (this.open && !dialog.open) {
      dialog.showModal();
      void this.#focusFirstControl();
    }
    if (!this.open && dialog.open) dialog.close();
  }

  /**
   * The dialog's own focusing finds no control inside the pickers' shadow roots (it would land on
   * Close); the first picker that can be used is where a person opening Settings wants to be.
   */
  async #focusFirstControl(): Promise<void> {
    const pickers = [...this.renderRoot.querySelectorAll('calls-device-select')];
    await Promise.all(pickers.map((picker) => picker.updateComplete));
    if (!this.open) return;
    const select = pickers
      .map((picker) => picker.selectElement)
      .find((element) => element && !element.disabled);
    (select ?? this.renderRoot.querySelector<HTMLButtonElement>('[part="close-button"]'))?.focus();
  }

  protected override render() {
    const t = this.t;
    const level = Math.min(1, this.level * METER_GAIN);
    const room = ifDefined(this.room);
    return html`<button part="trigger" type="button" aria-haspopup="dialog" title=${t.settings} @click=${() => this.show()}>
        <span part="icon">${settingsIcon}</span><span class="visually-hidden">${t.settings}</span>
      </button>
      <dialog part="dialog" aria-labelledby="heading" @close=${this.#onDialogClose}>
        <h2 part="heading" id="heading">${t.settings}</h2>
        ${this.#opened ? this.#renderContent(level, room) : nothing}
        <slot></slot>
        <div part="footer">
          <button part="close-button" type="button" @click=${() => this.close()}>${t.close}</button>
        </div>
      </dialog>`;
  }

  #renderContent(level: number, room: string | typeof nothing) {
    const t = this.t;
    return html`<div part="devices">
          <calls-device-select kind="videoinput" room=${room}></calls-device-select>
          <calls-device-select kind="audioinput" room=${room}></calls-device-select>
          <calls-device-select kind="audiooutput" room=${room}></calls-device-select>
        </div>
        <div part="mic-test">
          <span id="mic-test-label">${t.micTest}</span>
          <div
            part="mic-meter"
            role="meter"
            aria-labelledby="mic-test-label"
            aria-valuemin="0"
            aria-valuemax="100"
            aria-valuenow=${Math.round(level * 100)}
            style="--_level: ${level}"
          >
            <div part="mic-meter-level"></div>
          </div>
          <span>${t.micTestHint}</span>
        </div>`;
  }

  /** Escape closes the native dialog by itself; keep `open` in step and give focus back. */
  #onDialogClose(): void {
    this.open = false;
    this.renderRoot.querySelector<HTMLButtonElement>('[part="trigger"]')?.focus();
  }
}

defineElement('calls-settings', CallsSettingsElement);

declare global {
  interface HTMLElementTagNameMap {
    'calls-settings': CallsSettingsElement;
  }
}
