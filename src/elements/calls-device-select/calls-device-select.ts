import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { BehaviorSubject, combineLatest, of, switchMap } from 'rxjs';
import { AudioOutput } from '../../core/audio-output.js';
import type { DeviceKind } from '../../core/devices.js';
import { CallsDeviceSelectRequestEvent } from '../../events/device-select-request.js';
import { CallsControlElement } from '../../internal/control-element.js';
import { defineElement } from '../../internal/define.js';
import { subscribe } from '../../internal/subscribe.js';
import { deviceSelectStyles } from './calls-device-select.styles.js';

const KINDS: readonly DeviceKind[] = ['audioinput', 'videoinput', 'audiooutput'];

/**
 * Lists the cameras, microphones or speakers the browser offers (updated as devices are plugged in
 * and out) and shows the one in use. Choosing another asks the room to switch; the room does it
 * unless a listener cancels the request, and remembers the choice for this site's next visit. Place
 * it inside a `<calls-room>` (or anywhere with `room="<id>"`); it works before joining too, for a
 * lobby. Where the browser cannot choose speakers (`setSinkId`), the speaker list is disabled and
 * says why.
 *
 * @summary A picker for the camera, microphone or speaker.
 *
 * @event {CallsDeviceSelectRequestEvent} calls-device-select-request - A choice: `detail` is
 *   `{ kind, deviceId }`. Cancel it to keep the device in use (the picker goes back to it).
 *
 * @csspart base - The label and the list.
 * @csspart label - The visible name of the list (Camera, Microphone, Speaker).
 * @csspart select - The native `<select>`.
 * @csspart hint - Why the list is disabled (speakers the browser cannot choose).
 *
 * @cssproperty --calls-control-background - The list.
 * @cssproperty --calls-control-foreground - Its text.
 * @cssproperty --calls-control-radius - Its corner radius.
 * @cssproperty --calls-select-border-color - Its border.
 * @cssproperty --calls-muted-foreground - The label and hint.
 * @cssproperty --calls-accent - The focus ring.
 * @cssproperty --calls-foreground - Text color.
 * @cssproperty --calls-font-family - Font.
 */
export class CallsDeviceSelectElement extends CallsControlElement {
  static override styles = deviceSelectStyles;

  /** Which devices: `audioinput` (microphones), `videoinput` (cameras) or `audiooutput` (speakers). */
  @property({ reflect: true }) kind: DeviceKind = 'audioinput';

  @state() private devices: readonly MediaDeviceInfo[] = [];
  @state() private selected: string | undefined;

  readonly #kind$ = new BehaviorSubject<DeviceKind>('audioinput');

  constructor() {
    super();
    subscribe(
      this,
      () =>
        this.media$.pipe(
          switchMap((media) =>
            media
              ? this.#kind$.pipe(
                  switchMap((kind) => combineLatest([media.devices$(kind), media.selectedDeviceId$(kind)])),
                )
              : of([[], undefined] as const),
          ),
        ),
      ([devices, selected]) => {
        this.devices = devices;
        this.selected = selected;
      },
    );
  }

  /** The `<select>` (for tests and focus management). */
  get selectElement(): HTMLSelectElement | null {
    return this.renderRoot.querySelector('select');
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('kind')) this.#kind$.next(KINDS.includes(this.kind) ? this.kind : 'audioinput');
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // Lit sets `.value` only when it changes; a cancelled choice must go back to the device in use.
    const select = this.selectElement;
    if (select && this.selected !== undefined && select.value !== this.selected) select.value = this.selected;
  }

  protected override render() {
    const kind = this.#kind$.value;
    const name =
      kind === 'videoinput' ? this.t.camera : kind === 'audiooutput' ? this.t.speaker : this.t.microphone;
    const unsupported = kind === 'audiooutput' && !AudioOutput.canSelectSpeaker;
    return html`<label part="base">
      <span part="label">${name}</span>
      <select
        part="select"
        .value=${this.selected ?? ''}
        ?disabled=${unsupported || this.devices.length === 0}
        @change=${this.#onChange}
      >
        ${this.devices.map(
          (device, index) =>
            html`<option value=${device.deviceId} ?selected=${device.deviceId === this.selected}>
              ${device.label || this.t.unnamedDevice(name, index + 1)}
            </option>`,
        )}
      </select>
      ${unsupported ? html`<p part="hint">${this.t.speakerNotSelectable}</p>` : nothing}
    </label>`;
  }

  #onChange(event: Event): void {
    const select = event.target as HTMLSelectElement;
    const deviceId = select.value;
    if (deviceId === this.selected) return;
    const allowed = this.request(new CallsDeviceSelectRequestEvent({ kind: this.#kind$.value, deviceId }));
    if (!allowed && this.selected !== undefined) select.value = this.selected;
  }
}

defineElement('calls-device-select', CallsDeviceSelectElement);

declare global {
  interface HTMLElementTagNameMap {
    'calls-device-select': CallsDeviceSelectElement;
  }
}
