import { state } from 'lit/decorators.js';
import { defineElement } from '../../internal/define.js';
import { peopleIcon } from '../../internal/icons.js';
import { CallsPanelButtonElement } from '../../internal/panel-button-element.js';
import { subscribe } from '../../internal/subscribe.js';
import { participantsButtonStyles } from './calls-participants-button.styles.js';

/**
 * Place it inside a `<calls-room>` (or anywhere with `room="<id>"`) and point `for` at a
 * `<calls-participant-list>` (or any panel) by id. A press shows or hides it; the badge counts
 * everyone in the room.
 *
 * @summary Shows and hides the participant list, with the number of people in the room.
 *
 * @event {CallsPanelToggleEvent} calls-panel-toggle - A press, before the panel changes: `detail` is
 *   `{ panel, open }`. Cancel it to keep the panel as it is.
 *
 * @csspart button - The native button.
 * @csspart icon - The icon.
 * @csspart label - The label (visually hidden with `icon-only`).
 * @csspart badge - The count badge.
 *
 * @cssstate pressed - The panel shows.
 *
 * @cssproperty --calls-control-background - The button while the panel is hidden.
 * @cssproperty --calls-control-foreground - Its icon and text.
 * @cssproperty --calls-accent - The button while the panel shows, and the focus ring.
 * @cssproperty --calls-accent-foreground - Its icon and text while the panel shows.
 * @cssproperty --calls-badge-background - Behind the count badge.
 * @cssproperty --calls-badge-foreground - The count.
 * @cssproperty --calls-danger - Behind the badge, unless `--calls-badge-background` is set.
 * @cssproperty --calls-danger-foreground - The count, unless `--calls-badge-foreground` is set.
 * @cssproperty --calls-control-radius - Corner radius of the button.
 * @cssproperty --calls-foreground - Text color.
 * @cssproperty --calls-font-family - Font.
 */
export class CallsParticipantsButtonElement extends CallsPanelButtonElement {
  static override styles = participantsButtonStyles;

  @state() private count = 0;

  constructor() {
    super();
    this.iconOnly = true;
    subscribe(
      this,
      () => this.fromRoom((room) => room.participants$, []),
      (people) => {
        this.count = people.length;
      },
    );
  }

  protected override label(): string {
    return this.t.participants;
  }

  protected override icon() {
    return peopleIcon;
  }

  protected override badge(): number {
    return this.count;
  }

  protected override badgeLabel(count: number): string {
    return this.t.participantCount(count);
  }
}

defineElement('calls-participants-button', CallsParticipantsButtonElement);

declare global {
  interface HTMLElementTagNameMap {
    'calls-participants-button': CallsParticipantsButtonElement;
  }
}
