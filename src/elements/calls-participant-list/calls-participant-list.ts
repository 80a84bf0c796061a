import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { initialsOf, type Participant } from '../../core/participant.js';
import { CallsLowerHandRequestEvent } from '../../events/lower-hand-request.js';
import { CallsParticipantMuteRequestEvent } from '../../events/participant-mute-request.js';
import { CallsParticipantRemoveRequestEvent } from '../../events/participant-remove-request.js';
import { defineElement } from '../../internal/define.js';
import {
  cameraIcon,
  cameraOffIcon,
  handIcon,
  micIcon,
  micOffIcon,
  screenShareIcon,
} from '../../internal/icons.js';
import { CallsPanelElement } from '../../internal/panel-element.js';
import { subscribe } from '../../internal/subscribe.js';
import { participantListStyles } from './calls-participant-list.styles.js';

type Action = 'mute' | 'camera' | 'lower-hand' | 'remove';

/**
 * Place it inside a `<calls-room>` (or anywhere with `room="<id>"`); `<calls-participants-button>`
 * can show and hide it. Raised hands come first, in the order the backend saw them go up; everyone
 * else follows in join order. When the backend made you a moderator (its `authorize` hook), each
 * other participant has actions — mute, camera off, lower hand, remove — and each asks for a
 * confirmation (Escape cancels it) before the request goes to the room. The backend refuses them
 * for anyone else.
 *
 * @summary Everyone in the room: name, microphone, camera and screen, speaking, raised hand and
 * connection quality, with moderation for moderators.
 *
 * @event {CallsParticipantMuteRequestEvent} calls-participant-mute-request - A moderator confirmed
 *   "mute" or "camera off": `detail` is `{ participantId, kind }`.
 * @event {CallsLowerHandRequestEvent} calls-lower-hand-request - A moderator confirmed "lower hand".
 * @event {CallsParticipantRemoveRequestEvent} calls-participant-remove-request - A moderator
 *   confirmed "remove".
 *
 * @csspart heading - The title with the count.
 * @csspart list - The list.
 * @csspart participant - Each person (`data-self` on yours, `data-hand` with the raise order).
 * @csspart avatar - Their initials.
 * @csspart name - Their name.
 * @csspart role - "Moderator", for moderators.
 * @csspart hand - The raised-hand badge with the place in the raise order.
 * @csspart status - The microphone, camera, screen and quality indicators.
 * @csspart mic - Microphone state.
 * @csspart mic-off - The microphone state while off (with `mic`).
 * @csspart camera - Camera state.
 * @csspart camera-off - The camera state while off (with `camera`).
 * @csspart screen - Shown while they share their screen.
 * @csspart quality - Connection quality dot (`data-quality` is `excellent`, `good`, `poor`, `lost` or `unknown`).
 * @csspart actions - A moderator's actions on one person.
 * @csspart action - Each action button.
 * @csspart confirm - The confirmation that replaces the actions.
 * @csspart confirm-button - Confirms the action.
 * @csspart cancel-button - Cancels it.
 *
 * @cssproperty --calls-panel-background - Behind the list.
 * @cssproperty --calls-background - Behind the list, unless `--calls-panel-background` is set.
 * @cssproperty --calls-foreground - Text color.
 * @cssproperty --calls-muted-foreground - Secondary text and indicators.
 * @cssproperty --calls-accent - Avatars and focus rings.
 * @cssproperty --calls-accent-foreground - Initials.
 * @cssproperty --calls-danger - Devices that are off; the confirm button.
 * @cssproperty --calls-danger-foreground - Text of the confirm button.
 * @cssproperty --calls-speaking-color - The speaking marker and good quality.
 * @cssproperty --calls-hand-background - Behind the raised-hand badge.
 * @cssproperty --calls-hand-foreground - The badge's text.
 * @cssproperty --calls-control-background - Action buttons.
 * @cssproperty --calls-control-foreground - Their text.
 * @cssproperty --calls-control-radius - Their corner radius.
 * @cssproperty --calls-radius - Corner radius of the panel.
 * @cssproperty --calls-gap - Padding.
 * @cssproperty --calls-font-family - Font.
 */
export class CallsParticipantListElement extends CallsPanelElement {
  static override styles = participantListStyles;

  /** Hides the heading (when the surrounding panel has its own). */
  @property({ type: Boolean, attribute: 'no-heading' }) noHeading = false;

  @state() private people: readonly Participant[] = [];
  @state() private confirming: { id: string; action: Action } | undefined;

  constructor() {
    super();
    subscribe(
      this,
      () => this.fromRoom((room) => room.participants$, [] as readonly Participant[]),
      (people) => {
        this.people = people;
        if (this.confirming && !people.some((p) => p.id === this.confirming?.id)) this.confirming = undefined;
      },
    );
  }

  /**
   * Focuses the heading (the list while it has none), so a screen reader says "Participants (3)"
   * and Tab goes on into the list's actions.
   */
  override focus(options?: FocusOptions): void {
    const target = this.renderRoot?.querySelector<HTMLElement>('[part="heading"], [part="list"]');
    if (target) target.focus(options);
    else super.focus(options);
  }

  /** Raised hands first in raise order, then everyone else in join order. */
  get ordered(): Participant[] {
    return [...this.people].sort(
      (a, b) => (a.handOrder ?? Number.POSITIVE_INFINITY) - (b.handOrder ?? Number.POSITIVE_INFINITY),
    );
  }

  protected override render() {
    const t = this.t;
    const self = this.people.find((p) => p.isSelf);
    const moderating = self?.moderator ?? false;
    return html`
      ${this.noHeading ? nothing : html`<h2 part="heading" tabindex="-1">${t.participants} (${this.people.length})</h2>`}
      <ul part="list" tabindex=${this.noHeading ? '-1' : nothing} aria-label=${t.participantCount(this.people.length)}>
        ${this.ordered.map((person) => this.#renderPerson(person, moderating && !person.isSelf))}
      </ul>
    `;
  }

  #renderPerson(person: Participant, canModerate: boolean) {
    const t = this.t;
    return html`<li
      part="participant"
      data-id=${person.id}
      data-hand=${person.handOrder ?? nothing}
      ?data-self=${person.isSelf}
      ?data-speaking=${person.speaking}
    >
      <span part="avatar" aria-hidden="true">${initialsOf(person.name)}</span>
      <span>
        <span part="name">${person.isSelf ? t.you(person.name) : person.name}</span>
        ${person.moderator ? html`<span part="role">${t.moderator}</span>` : nothing}
        ${person.speaking ? html`<span class="visually-hidden">${t.speaking}</span>` : nothing}
      </span>
      <span part="status">
        ${
          person.handOrder
            ? html`<span part="hand" role="img" aria-label=${t.handRaised(person.handOrder)}>${handIcon}<span aria-hidden="true">${person.handOrder}</span></span>`
            : nothing
        }
        ${
          person.audioEnabled
            ? html`<span part="mic" role="img" aria-label=${t.micOn}>${micIcon}</span>`
            : html`<span part="mic mic-off" role="img" aria-label=${t.micOff}>${micOffIcon}</span>`
        }
        ${
          person.videoEnabled
            ? html`<span part="camera" role="img" aria-label=${t.cameraOn}>${cameraIcon}</span>`
            : html`<span part="camera camera-off" role="img" aria-label=${t.cameraOff}>${cameraOffIcon}</span>`
        }
        ${person.screenshareEnabled ? html`<span part="screen" role="img" aria-label=${t.sharingScreen}>${screenShareIcon}</span>` : nothing}
        <span part="quality" data-quality=${person.quality} role="img" aria-label=${t.quality[person.quality]}></span>
      </span>
      ${canModerate ? this.#renderModeration(person) : nothing}
    </li>`;
  }

  #renderModeration(person: Participant) {
    const t = this.t;
    const labels: Record<Action, string> = {
      mute: t.muteMic,
      camera: t.stopCamera,
      'lower-hand': t.lowerHandOf,
      remove: t.removeParticipant,
    };
    const confirming = this.confirming?.id === person.id ? this.confirming.action : undefined;
    if (confirming) {
      return html`<div
        part="confirm"
        role="group"
        aria-label=${t.confirmModeration(labels[confirming], person.name)}
        @keydown=${this.#onConfirmKeydown}
      >
        <span>${t.confirmModeration(labels[confirming], person.name)}</span>
        <button part="confirm-button" type="button" data-action=${confirming} @click=${() => this.#confirm(person.id, confirming)}>
          ${t.confirm}
        </button>
        <button part="cancel-button" type="button" @click=${() => this.#cancel()}>${t.cancel}</button>
      </div>`;
    }
    const available: Record<Action, boolean> = {
      mute: person.audioEnabled,
      camera: person.videoEnabled,
      'lower-hand': person.handRaised,
      remove: true,
    };
    return html`<div part="actions" role="group" aria-label=${person.name}>
      ${(Object.keys(labels) as Action[]).map(
        (action) =>
          html`<button
            part="action"
            type="button"
            data-action=${action}
            aria-label=${`${labels[action]}: ${person.name}`}
            ?disabled=${!available[action]}
            @click=${() => this.#ask(person.id, action)}
          >
            ${labels[action]}
          </button>`,
      )}
    </div>`;
  }

  #ask(id: string, action: Action): void {
    this.confirming = { id, action };
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLButtonElement>('[part="confirm-button"]')?.focus(),
    );
  }

  /** Escape in a confirmation cancels it (and only it: the panel around stays open). */
  #onConfirmKeydown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || event.isComposing) return;
    event.preventDefault();
    this.#cancel();
  };

  /** Back to the action that asked (the first action may be disabled, and focus would be lost). */
  #cancel(): void {
    const { id, action } = this.confirming ?? {};
    this.confirming = undefined;
    void this.updateComplete.then(() =>
      this.renderRoot
        .querySelector<HTMLButtonElement>(`li[data-id="${id}"] [part="action"][data-action="${action}"]`)
        ?.focus(),
    );
  }

  #confirm(participantId: string, action: Action): void {
    this.confirming = undefined;
    if (action === 'mute')
      this.request(new CallsParticipantMuteRequestEvent({ participantId, kind: 'audio' }));
    else if (action === 'camera') {
      this.request(new CallsParticipantMuteRequestEvent({ participantId, kind: 'video' }));
    } else if (action === 'lower-hand') this.request(new CallsLowerHandRequestEvent({ participantId }));
    else this.request(new CallsParticipantRemoveRequestEvent({ participantId }));
  }
}

defineElement('calls-participant-list', CallsParticipantListElement);

declare global {
  interface HTMLElementTagNameMap {
    'calls-participant-list': CallsParticipantListElement;
  }
}
