import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { map, merge } from 'rxjs';
import type { CallsErrorCode } from '../../core/errors.js';
import { CallsControlElement } from '../../internal/control-element.js';
import { defineElement } from '../../internal/define.js';
import type { RoomStage } from '../../internal/room-context.js';
import { subscribe } from '../../internal/subscribe.js';
import type { CallsJoinButtonElement } from '../calls-join-button/calls-join-button.js';
import '../calls-camera-button/calls-camera-button.js';
import '../calls-join-button/calls-join-button.js';
import '../calls-mic-button/calls-mic-button.js';
import '../calls-publisher/calls-publisher.js';
import '../calls-status/calls-status.js';
import { lobbyStyles } from './calls-lobby.styles.js';

type Device = 'camera' | 'microphone';

/** What to tell a person about a device the room could not open, by error code. */
const deviceProblems: Partial<Record<CallsErrorCode, { device: Device; kind: 'denied' | 'missing' }>> = {
  camera_denied: { device: 'camera', kind: 'denied' },
  microphone_denied: { device: 'microphone', kind: 'denied' },
  camera_unavailable: { device: 'camera', kind: 'missing' },
  microphone_unavailable: { device: 'microphone', kind: 'missing' },
};

/**
 * The pre-join screen: a camera preview with a microphone level meter (`<calls-publisher>`),
 * microphone and camera buttons, the device choices, the join status and errors, a name field (with `ask-name`, for backends
 * that let people choose their name), help when the browser blocks a device or none is there
 * (joining without it still works), and the Join button. Put it in a `<calls-room>`'s `lobby` slot.
 * The preview runs only before joining: once in the call, and after leaving, the lobby holds no
 * camera or microphone.
 *
 * @summary The lobby before joining: preview, devices, name, Join.
 *
 * @slot devices - Device choices; by default a `<calls-device-select>` for the microphone and one
 *   for the camera.
 *
 * @csspart heading - "Ready to join?".
 * @csspart status - A `<calls-status>`: "Joining…", and why a join failed.
 * @csspart preview - The `<calls-publisher>` preview.
 * @csspart controls - The microphone and camera buttons.
 * @csspart devices - Around the device choices.
 * @csspart name-field - The name field's label.
 * @csspart name-input - The name `<input>`.
 * @csspart help - What to do about a blocked or missing device (role `alert`).
 * @csspart join-button - The `<calls-join-button>`.
 *
 * @cssproperty --calls-lobby-preview-width - Largest width of the preview.
 * @cssproperty --calls-control-background - Behind the help text.
 * @cssproperty --calls-muted-foreground - The name field's border.
 * @cssproperty --calls-background - The name field.
 * @cssproperty --calls-gap - Space between the pieces.
 * @cssproperty --calls-foreground - Text color.
 * @cssproperty --calls-font-family - Font.
 */
export class CallsLobbyElement extends CallsControlElement {
  static override styles = lobbyStyles;

  /** Show a name field: the backend takes the name people type (rooms without sign-in). */
  @property({ type: Boolean, attribute: 'ask-name' }) askName = false;

  /** The name in the name field (the person's choice, or a default you set). */
  @property({ attribute: 'display-name' }) displayName = '';

  @state() private stage: RoomStage = 'lobby';
  @state() private problems: ReadonlyMap<Device, 'denied' | 'missing'> = new Map();

  constructor() {
    super();
    subscribe(
      this,
      () => this.fromContext((context) => context.stage$, 'lobby' as RoomStage),
      (stage) => {
        this.stage = stage;
      },
    );
    subscribe(
      this,
      () => this.fromContext((context) => context.error$, undefined),
      (error) => {
        const problem = error && deviceProblems[error.code];
        if (!problem) return;
        this.problems = new Map(this.problems).set(problem.device, problem.kind);
      },
    );
    // A device turned back on (permission granted, device plugged in) no longer needs help.
    subscribe(
      this,
      () =>
        this.fromMedia(
          (media) =>
            merge(
              media.micEnabled$.pipe(map((on) => ({ device: 'microphone' as const, on }))),
              media.cameraEnabled$.pipe(map((on) => ({ device: 'camera' as const, on }))),
            ),
          { device: 'camera' as Device, on: false },
        ),
      ({ device, on }) => {
        if (!on || !this.problems.has(device)) return;
        const problems = new Map(this.problems);
        problems.delete(device);
        this.problems = problems;
      },
    );
  }

  protected override render() {
    const t = this.t;
    return html`
      <h2 part="heading">${t.readyToJoin}</h2>
      <calls-status room=${ifDefined(this.room)} part="status"></calls-status>
      ${this.stage === 'lobby' ? html`<calls-publisher room=${ifDefined(this.room)} part="preview"></calls-publisher>` : nothing}
      <div part="controls">
        <calls-mic-button room=${ifDefined(this.room)}></calls-mic-button>
        <calls-camera-button room=${ifDefined(this.room)}></calls-camera-button>
      </div>
      <div part="devices">
        <slot name="devices">
          <calls-device-select room=${ifDefined(this.room)} kind="audioinput"></calls-device-select>
          <calls-device-select room=${ifDefined(this.room)} kind="videoinput"></calls-device-select>
        </slot>
      </div>
      ${[...this.problems].map(
        ([device, kind]) =>
          html`<p part="help" role="alert">
            ${kind === 'denied' ? t.allowDeviceHelp(device) : t.joinWithoutDevice(device)}
          </p>`,
      )}
      ${
        this.askName
          ? html`<label part="name-field"
              >${t.yourName}
              <input
                part="name-input"
                name="name"
                autocomplete="name"
                maxlength="64"
                .value=${this.displayName}
                @input=${this.#onNameInput}
                @keydown=${this.#onNameKeyDown}
            /></label>`
          : nothing
      }
      <calls-join-button room=${ifDefined(this.room)}
        part="join-button"
        display-name=${this.askName ? this.displayName.trim() : ''}
      ></calls-join-button>
    `;
  }

  #onNameInput(event: Event): void {
    this.displayName = (event.target as HTMLInputElement).value;
  }

  /** Enter in the name field joins, as in a form. */
  async #onNameKeyDown(event: KeyboardEvent): Promise<void> {
    if (event.key !== 'Enter') return;
    await this.updateComplete;
    this.renderRoot.querySelector<CallsJoinButtonElement>('calls-join-button')?.press();
  }
}

defineElement('calls-lobby', CallsLobbyElement);

declare global {
  interface HTMLElementTagNameMap {
    'calls-lobby': CallsLobbyElement;
  }
}
