// Two live rooms side by side for the people stories (chat, hands, reactions, lists): each story
// puts the element it shows in both, so what one participant does shows up at the other.
import { html, nothing, type TemplateResult } from 'lit';
import { endpoint, storyRoom } from './live-backend.js';

export interface PairOptions {
  /** A suffix that keeps each story's room its own. */
  room: string;
  /** What goes inside each room; `who` is the participant's name. */
  inner: (who: string) => TemplateResult;
  /** The first participant moderates (the stories' backend grants it to the token `moderator`). */
  firstModerates?: boolean;
  /** The second room shows its default meeting (tiles, with their overlays) instead of `inner`. */
  secondDefault?: boolean;
}

export function pairOfRooms({
  room,
  inner,
  firstModerates = false,
  secondDefault = false,
}: PairOptions): TemplateResult {
  const name = `${storyRoom}-${room}`;
  const style = 'flex: 1; min-width: 300px; padding: 8px; --calls-room-min-height: 0';
  return html`<div style="display: flex; gap: 16px; align-items: flex-start; flex-wrap: wrap">
    <calls-room endpoint=${endpoint} room=${name} display-name="Ada Lovelace" autojoin style=${style} .token=${firstModerates ? 'moderator' : undefined}>
      ${inner('Ada Lovelace')}
    </calls-room>
    <calls-room endpoint=${endpoint} room=${name} display-name="Grace Hopper" autojoin style=${style}>
      ${secondDefault ? nothing : inner('Grace Hopper')}
    </calls-room>
  </div>`;
}
