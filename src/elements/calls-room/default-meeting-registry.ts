import type { TemplateResult } from 'lit';
import type { CallsLayout } from '../../events/layout-change.js';
import type { RoomStage } from '../../internal/room-context.js';

/**
 * What a `<calls-room>` with no children shows at each stage; `joining` replaces the lobby with a
 * "Joining…" line (a join started before the lobby was ever shown).
 */
export type DefaultMeetingTemplate = (
  stage: RoomStage,
  layout: CallsLayout,
  joining: boolean,
) => TemplateResult;

let loaded: DefaultMeetingTemplate | undefined;

/**
 * The default meeting imports almost every kit element, so `<calls-room>` does not import it
 * statically: a page that composes its own room (a room and tiles) would pay for all of them. Its
 * module (default-meeting-template.ts) hands its template here as it runs. The all-in entry, and so
 * the script-tag bundle and SSR, imports that module up front, which makes the template there at a
 * room's first render; on a page without it, a room that shows the default meeting imports it then.
 */
export function provideDefaultMeeting(template: DefaultMeetingTemplate): void {
  loaded = template;
}

/** The default meeting's template once its module has run; undefined before. */
export function loadedDefaultMeeting(): DefaultMeetingTemplate | undefined {
  return loaded;
}
