// Browser entry of `calls-elements`: importing it defines every kit element (guarded, so loading it
// twice is harmless) and re-exports their classes, the kit's base classes, events and the room model. Importing it in Node (SSR, tooling) touches neither window nor document.

// <calls-room> is defined first: a page's markup upgrades in definition order, and a control
// upgraded before its room would ask for the room's context before anyone provides it.
import './elements/calls-room/calls-room.js';
// Its default meeting up front (a room imported alone loads it on demand): a room without children
// shows it at its first render, with no round trip, and a server renders it too (SSR).
import './elements/calls-room/default-meeting-template.js';

export * from './core/index.js';
export { CallsAloneNoticeElement } from './elements/calls-alone-notice/calls-alone-notice.js';
export { CallsAudioPromptElement } from './elements/calls-audio-prompt/calls-audio-prompt.js';
export { CallsCameraButtonElement } from './elements/calls-camera-button/calls-camera-button.js';
export { CallsChatElement } from './elements/calls-chat/calls-chat.js';
export { CallsChatButtonElement } from './elements/calls-chat-button/calls-chat-button.js';
export { CallsConnectionBannerElement } from './elements/calls-connection-banner/calls-connection-banner.js';
export { CallsControlBarElement } from './elements/calls-control-bar/calls-control-bar.js';
export { CallsDeviceSelectElement } from './elements/calls-device-select/calls-device-select.js';
export { CallsGridElement } from './elements/calls-grid/calls-grid.js';
export { CallsHandButtonElement } from './elements/calls-hand-button/calls-hand-button.js';
export { CallsJoinButtonElement } from './elements/calls-join-button/calls-join-button.js';
export { CallsLayoutSelectElement } from './elements/calls-layout-select/calls-layout-select.js';
export { CallsLeaveButtonElement } from './elements/calls-leave-button/calls-leave-button.js';
export { CallsLeftScreenElement } from './elements/calls-left-screen/calls-left-screen.js';
export { CallsLobbyElement } from './elements/calls-lobby/calls-lobby.js';
export { CallsMeetingElement } from './elements/calls-meeting/calls-meeting.js';
export { CallsMicButtonElement } from './elements/calls-mic-button/calls-mic-button.js';
export { CallsMutedHintElement } from './elements/calls-muted-hint/calls-muted-hint.js';
export { CallsParticipantListElement } from './elements/calls-participant-list/calls-participant-list.js';
export { CallsParticipantsButtonElement } from './elements/calls-participants-button/calls-participants-button.js';
export { CallsPublisherElement } from './elements/calls-publisher/calls-publisher.js';
export { CallsReactionsButtonElement } from './elements/calls-reactions-button/calls-reactions-button.js';
export { CallsRoomElement } from './elements/calls-room/calls-room.js';
export { CallsScreenShareButtonElement } from './elements/calls-screen-share-button/calls-screen-share-button.js';
export { CallsSettingsElement } from './elements/calls-settings/calls-settings.js';
export { CallsSpeakerLayoutElement } from './elements/calls-speaker-layout/calls-speaker-layout.js';
export { CallsStatusElement } from './elements/calls-status/calls-status.js';
export { CallsTileElement } from './elements/calls-tile/calls-tile.js';
export { CallsTileOverlayElement } from './elements/calls-tile-overlay/calls-tile-overlay.js';
export { CallsToastsElement } from './elements/calls-toasts/calls-toasts.js';
export * from './events/index.js';
export { CallsButtonElement } from './internal/button-element.js';
export { CallsControlElement } from './internal/control-element.js';
export type { Translation } from './internal/i18n.js';
export { loadTranslation, registerTranslation } from './internal/i18n.js';
export { CallsPanelButtonElement } from './internal/panel-button-element.js';
export type { CallsRoomContext, RoomStage } from './internal/room-context.js';
export { callsRoomContext } from './internal/room-context.js';

/** Version of the calls-elements package this bundle was built from. */
export const VERSION = '0.1.0';
