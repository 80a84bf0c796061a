import { html, LitElement } from 'lit';
import { property, query } from 'lit/decorators.js';
import type { Room } from '../../core/room.js';
import type { CallsLayout, CallsLayoutChangeEvent } from '../../events/layout-change.js';
import { defineElement } from '../../internal/define.js';
import '../calls-left-screen/calls-left-screen.js';
import '../calls-lobby/calls-lobby.js';
import type { CallsRoomElement } from '../calls-room/calls-room.js';
import '../calls-room/calls-room.js';
import { meetingCallTemplate } from '../calls-room/meeting-template.js';
import { meetingStyles } from './calls-meeting.styles.js';

/**
 * The whole product in one tag: the lobby (preview, devices, name, Join), then the call (tiles,
 * controls, keyboard shortcuts), then "You left the call" with Rejoin, which releases the camera and
 * microphone. It is a `<calls-room>` composed of kit elements, exactly as a page can write it out
 * (see the README); the room's events bubble out of it. The call is the same template as the
 * default meeting of a `<calls-room>` with no children, with the same parts.
 *
 * @summary The full meeting: lobby → call → left screen.
 *
 * @event {CallsJoinedEvent} calls-joined - From its `<calls-room>`: joined.
 * @event {CallsLeftEvent} calls-left - From its `<calls-room>`: no longer in the room.
 * @event {CallsErrorEvent} calls-error - From its `<calls-room>`: something failed (`event.code`).
 * @event {CallsLayoutChangeEvent} calls-layout-change - Its layout select asks for another layout;
 *   cancel it to keep the one shown.
 *
 * @csspart room - The `<calls-room>`.
 * @csspart lobby - Its `<calls-lobby>`.
 * @csspart status - Its `<calls-status>`.
 * @csspart audio-prompt - Its `<calls-audio-prompt>`.
 * @csspart banner - Its `<calls-connection-banner>`, over its tiles.
 * @csspart alone-notice - Its `<calls-alone-notice>` (while nobody else is in the call).
 * @csspart grid - Its `<calls-grid>` (while `layout` is `grid`).
 * @csspart speaker-layout - Its `<calls-speaker-layout>` (while `layout` is `speaker`).
 * @csspart muted-hint - Its `<calls-muted-hint>`.
 * @csspart control-bar - Its `<calls-control-bar>`.
 * @csspart people - Its `<calls-participant-list>`, a side panel its participants button opens.
 * @csspart chat - Its `<calls-chat>`, a side panel its chat button opens.
 * @csspart toasts - Its `<calls-toasts>`.
 * @csspart left-screen - Its `<calls-left-screen>`.
 * @csspart tile - Each tile of the default meeting's grid (re-exported from it, as are the parts below).
 * @csspart tile-base - Each tile's frame; outlined while its participant speaks.
 * @csspart tile-video - Each tile's `<video>`.
 * @csspart tile-placeholder - Each tile's placeholder (camera off, or no picture yet).
 * @csspart tile-initials - The initials in a tile's placeholder.
 * @csspart tile-spinner - The spinner in a tile's placeholder.
 * @csspart tile-status - A tile's "Reconnecting".
 * @csspart tile-label - Each tile's name tag.
 * @csspart tile-name - Each tile's participant name.
 * @csspart tile-muted-indicator - Each tile's muted icon.
 * @csspart tile-quality - Each tile's network-quality bars.
 * @csspart tile-overlay - Each tile's `<calls-tile-overlay>`.
 * @csspart tile-hand - Each tile's raised-hand badge.
 * @csspart tile-reaction - Each tile's reactions.
 * @csspart self-view - Your own tile as the grid's picture-in-picture in a phone held upright.
 * @csspart pagination - The grid's page controls.
 * @csspart page-button - The grid's previous and next page buttons.
 * @csspart control - The native button of every control in the control bar.
 * @csspart mic-button - The microphone button's native button.
 * @csspart camera-button - The camera button's native button.
 * @csspart screen-share-button - The screen-share button's native button.
 * @csspart hand-button - The raise-hand button's native button.
 * @csspart reactions-button - The reactions button's native button.
 * @csspart participants-button - The participants button's native button.
 * @csspart chat-button - The chat button's native button.
 * @csspart settings-button - The settings button's native button.
 * @csspart leave-button - The leave button's native button.
 *
 * @cssproperty --calls-meeting-height - Height of the meeting (default: as tall as its content).
 * @cssproperty --calls-meeting-min-height - Minimum height.
 * @cssproperty --calls-background - Background.
 * @cssproperty --calls-surface - The base colour: the background, and the tiles' and controls' backgrounds derived from
 *   it (set `--calls-foreground` with it when it changes from light to dark).
 * @cssproperty --calls-density - A factor on every gap (default 1; 0.75 compact, 1.25 roomy).
 * @cssproperty --calls-color-scheme - `light` or `dark` fixes the colours of every element inside (inherited, so it can be set on any ancestor; a `color-scheme="light|dark"` attribute on any kit element does the same). By default they follow the visitor's `prefers-color-scheme`.
 * @cssproperty --calls-gap - Space between the pieces.
 * @cssproperty --calls-radius - Corner radius.
 * @cssproperty --calls-foreground - Text color.
 * @cssproperty --calls-font-family - Font.
 */
export class CallsMeetingElement extends LitElement {
  static override styles = meetingStyles;

  /** URL prefix of the backend, e.g. `/calls`. */
  @property() endpoint = '';

  /** The room to join. */
  @property() room = '';

  /** Your name, when the backend lets people choose it; the lobby's name field starts with it. */
  @property({ attribute: 'display-name' }) displayName = '';

  /** Ask for a name in the lobby (for backends that take the name people type). */
  @property({ type: Boolean, attribute: 'ask-name' }) askName = false;

  /** `grid` or `speaker`: how the call lays out the tiles. Its layout select changes it; reflected. */
  @property({ reflect: true }) layout: CallsLayout = 'grid';

  /** The host app's credential for the backend (property only). */
  @property({ attribute: false }) token: string | undefined;

  /** Returns a fresh credential before every (re)connection; wins over `token`. */
  @property({ attribute: false }) getToken:
    | (() => string | undefined | Promise<string | undefined>)
    | undefined;

  @query('calls-room') private roomElement!: CallsRoomElement | null;

  /** The room model while joined or joining. */
  get model(): Room | undefined {
    return this.roomElement?.model ?? undefined;
  }

  /** Joins without going through the lobby's button. */
  async join(): Promise<void> {
    await this.updateComplete;
    await this.roomElement?.join();
  }

  /** Leaves (and shows the left screen). */
  async leave(): Promise<void> {
    await this.roomElement?.leave();
  }

  /**
   * The room applies the change in a microtask it queued when the event reached it, if nobody
   * cancelled it; this one is queued after that, so it reads the room's answer.
   */
  readonly #onLayoutChange = (_event: CallsLayoutChangeEvent) => {
    queueMicrotask(() => {
      if (this.roomElement) this.layout = this.roomElement.layout;
    });
  };

  protected override render() {
    return html`<calls-room
      part="room"
      shortcuts
      .endpoint=${this.endpoint}
      .room=${this.room}
      .displayName=${this.displayName}
      .token=${this.token}
      .getToken=${this.getToken}
      .layout=${this.layout}
      @calls-layout-change=${this.#onLayoutChange}
    >
      <calls-lobby part="lobby" slot="lobby" ?ask-name=${this.askName} .displayName=${this.displayName}></calls-lobby>
      ${meetingCallTemplate(this.layout)}
      <calls-left-screen part="left-screen" slot="left"></calls-left-screen>
    </calls-room>`;
  }
}

defineElement('calls-meeting', CallsMeetingElement);

declare global {
  interface HTMLElementTagNameMap {
    'calls-meeting': CallsMeetingElement;
  }
}
