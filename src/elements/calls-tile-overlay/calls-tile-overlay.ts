import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { BehaviorSubject, combineLatest, filter, of, switchMap } from 'rxjs';
import type { Participant } from '../../core/participant.js';
import type { Reaction } from '../../core/people.js';
import { CallsPinRequestEvent } from '../../events/pin-request.js';
import { CallsControlElement } from '../../internal/control-element.js';
import { defineElement } from '../../internal/define.js';
import { handIcon, pinIcon } from '../../internal/icons.js';
import { subscribe } from '../../internal/subscribe.js';
import { tileOverlayStyles } from './calls-tile-overlay.styles.js';

/** More at once would only pile up on a small tile. */
const MAX_SHOWN = 8;

interface ShownReaction {
  key: number;
  emoji: string;
  /** Horizontal position, in percent of the tile, so bursts do not stack on one spot. */
  left: number;
}

/**
 * `<calls-tile>` renders one over its video; place one yourself over any custom tile. It covers its
 * positioned parent, lets clicks through, and shows the participant's raised hand (with their place
 * in the raise order) and their reactions rising from the bottom — still, without movement, under
 * `prefers-reduced-motion`. Each reaction is announced to screen readers. Its pin button pins the
 * participant large in the speaker layout for you alone (`calls-pin-request`), or unpins them.
 *
 * @summary A participant's raised hand, reactions and pin button, over their tile.
 *
 * @event {CallsPinRequestEvent} calls-pin-request - The pin button: `detail` is `{ participantId, pinned }`.
 *
 * @csspart hand - The raised-hand badge, with the place in the raise order.
 * @csspart reaction - Each reaction while it shows.
 * @csspart pin-button - Pins or unpins them; `aria-pressed` while they are your pin.
 * @csspart announcer - The live region that announces reactions.
 *
 * @cssproperty --calls-hand-background - Behind the raised-hand badge.
 * @cssproperty --calls-hand-foreground - The badge's text and icon.
 * @cssproperty --calls-label-background - Behind the pin button.
 * @cssproperty --calls-label-foreground - The pin icon.
 * @cssproperty --calls-accent - The pin button's focus ring.
 * @cssproperty --calls-reaction-size - Font size of a reaction.
 * @cssproperty --calls-reaction-duration - How long a reaction shows.
 * @cssproperty --calls-foreground - Text color.
 * @cssproperty --calls-font-family - Font.
 */
export class CallsTileOverlayElement extends CallsControlElement {
  static override styles = tileOverlayStyles;

  /** The participant whose hand and reactions to show. */
  @property({ attribute: 'participant-id' }) participantId = '';

  @state() private participant: Participant | undefined;
  @state() private shown: readonly ShownReaction[] = [];
  @state() private announcement = '';
  @state() private pinned: string | null = null;

  readonly #participantId$ = new BehaviorSubject('');
  #counter = 0;

  constructor() {
    super();
    subscribe(
      this,
      () =>
        combineLatest([this.room$, this.#participantId$]).pipe(
          switchMap(([room, id]) => (room && id ? room.participant$(id) : of(undefined))),
        ),
      (participant) => {
        this.participant = participant;
      },
    );
    subscribe(
      this,
      () =>
        combineLatest([this.room$, this.#participantId$]).pipe(
          switchMap(([room, id]) =>
            room && id ? room.reactions$.pipe(filter((reaction) => reaction.participantId === id)) : of(),
          ),
        ),
      (reaction) => this.#show(reaction),
    );
    subscribe(
      this,
      () => this.fromContext((context) => context.pinned$, null as string | null),
      (pinned) => {
        this.pinned = pinned;
      },
    );
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('participantId')) this.#participantId$.next(this.participantId);
  }

  protected override render() {
    const person = this.participant;
    const order = person?.handOrder;
    return html`
      ${
        order
          ? html`<span part="hand" role="img" aria-label=${this.t.handRaised(order)}>${handIcon}<span aria-hidden="true">${order}</span></span>`
          : nothing
      }
      ${this.shown.map(
        (reaction) =>
          html`<span
            part="reaction"
            aria-hidden="true"
            style="left: ${reaction.left}%"
            @animationend=${() => this.#done(reaction.key)}
            >${reaction.emoji}</span
          >`,
      )}
 ${person ? this.#renderPin(person) : nothing}
      <span part="announcer" class="visually-hidden" role="status" aria-live="polite">${this.announcement}</span>
    `;
  }

  #renderPin(person: Participant) {
    const pinned = this.pinned === person.id;
    const label = pinned ? this.t.unpin(person.name) : this.t.pin(person.name);
    return html`<button
      part="pin-button"
      aria-pressed=${pinned ? 'true' : 'false'}
      aria-label=${label}
      title=${label}
      @click=${() => this.request(new CallsPinRequestEvent({ participantId: person.id, pinned: !pinned }))}
    >
      ${pinIcon}
    </button>`;
  }

  #show(reaction: Reaction): void {
    this.#counter += 1;
    const left = 10 + ((this.#counter * 37) % 70);
    this.shown = [...this.shown, { key: this.#counter, emoji: reaction.emoji, left }].slice(-MAX_SHOWN);
    this.announcement = this.t.reacted(this.participant?.name ?? '', reaction.emoji);
  }

  #done(key: number): void {
    this.shown = this.shown.filter((reaction) => reaction.key !== key);
  }
}

defineElement('calls-tile-overlay', CallsTileOverlayElement);

declare global {
  interface HTMLElementTagNameMap {
    'calls-tile-overlay': CallsTileOverlayElement;
  }
}
