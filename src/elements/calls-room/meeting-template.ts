import { html } from 'lit';
import type { CallsLayout } from '../../events/layout-change.js';
import '../calls-alone-notice/calls-alone-notice.js';
import '../calls-audio-prompt/calls-audio-prompt.js';
import '../calls-camera-button/calls-camera-button.js';
import '../calls-chat/calls-chat.js';
import '../calls-chat-button/calls-chat-button.js';
import '../calls-connection-banner/calls-connection-banner.js';
import '../calls-control-bar/calls-control-bar.js';
import '../calls-grid/calls-grid.js';
import '../calls-hand-button/calls-hand-button.js';
import '../calls-layout-select/calls-layout-select.js';
import '../calls-leave-button/calls-leave-button.js';
import '../calls-mic-button/calls-mic-button.js';
import '../calls-muted-hint/calls-muted-hint.js';
import '../calls-participant-list/calls-participant-list.js';
import '../calls-participants-button/calls-participants-button.js';
import '../calls-reactions-button/calls-reactions-button.js';
import '../calls-screen-share-button/calls-screen-share-button.js';
import '../calls-settings/calls-settings.js';
import '../calls-speaker-layout/calls-speaker-layout.js';
import '../calls-status/calls-status.js';
import '../calls-toasts/calls-toasts.js';

/**
 * The call of the default meeting, written once for both places that show it: `<calls-room>` with
 * no children renders it in its own shadow root, `<calls-meeting>` inside its `<calls-room>` (as
 * children). Every piece carries the same `part` and `exportparts` in both, so a page themes either
 * element the same way. The custom-elements manifest's part check reads this file for each element
 * that imports it (any `*-template.ts`), so the two elements' `@csspart` lists must cover it.
 */
export function meetingCallTemplate(layout: CallsLayout) {
  return html`
    <calls-status part="status"></calls-status>
    <calls-audio-prompt part="audio-prompt"></calls-audio-prompt>
    <calls-alone-notice part="alone-notice"></calls-alone-notice>
    <calls-connection-banner part="banner"></calls-connection-banner>
    ${
      layout === 'speaker'
        ? html`<calls-speaker-layout part="speaker-layout"></calls-speaker-layout>`
        : html`<calls-grid part="grid" exportparts="tile, tile-base, tile-video, tile-placeholder, tile-initials, tile-spinner, tile-status, tile-label, tile-name, tile-muted-indicator, tile-quality, tile-overlay, tile-hand, tile-reaction, self-view, pagination, page-button"></calls-grid>`
    }
    <calls-muted-hint part="muted-hint"></calls-muted-hint>
    <calls-participant-list part="people" id="people" hidden></calls-participant-list>
    <calls-chat part="chat" id="chat" hidden></calls-chat>
    <calls-toasts part="toasts" chat-panel="chat"></calls-toasts>
    <calls-control-bar part="control-bar">
      <calls-mic-button exportparts="button: control, button: mic-button"></calls-mic-button>
      <calls-camera-button exportparts="button: control, button: camera-button"></calls-camera-button>
      <calls-screen-share-button exportparts="button: control, button: screen-share-button"></calls-screen-share-button>
      <calls-hand-button exportparts="button: control, button: hand-button"></calls-hand-button>
      <calls-reactions-button exportparts="button: control, button: reactions-button"></calls-reactions-button>
      <calls-participants-button exportparts="button: control, button: participants-button" for="people"></calls-participants-button>
      <calls-chat-button exportparts="button: control, button: chat-button" for="chat"></calls-chat-button>
      <calls-layout-select></calls-layout-select>
      <calls-settings exportparts="trigger: control, trigger: settings-button"></calls-settings>
      <calls-leave-button exportparts="button: control, button: leave-button"></calls-leave-button>
    </calls-control-bar>
  `;
}
