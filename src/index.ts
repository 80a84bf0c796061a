// Browser entry of `calls-elements`: importing it defines every kit element (guarded, so loading it
// twice is harmless) and re-exports their classes, the kit's base classes, events and the room model. Importing it in Node (SSR, tooling) touches neither window nor document.

export * from './core/index.js';
export { CallsCameraButtonElement } from './elements/calls-camera-button/calls-camera-button.js';
export { CallsChatElement } from './elements/calls-chat/calls-chat.js';
export { CallsChatButtonElement } from './elements/calls-chat-button/calls-chat-button.js';
export { CallsHandButtonElement } from './elements/calls-hand-button/calls-hand-button.js';
export { CallsJoinButtonElement } from './elements/calls-join-button/calls-join-button.js';
export { CallsLeaveButtonElement } from './elements/calls-leave-button/calls-leave-button.js';
export { CallsMicButtonElement } from './elements/calls-mic-button/calls-mic-button.js';
export { CallsParticipantListElement } from './elements/calls-participant-list/calls-participant-list.js';
export { CallsParticipantsButtonElement } from './elements/calls-participants-button/calls-participants-button.js';
export { CallsPublisherElement } from './elements/calls-publisher/calls-publisher.js';
export { CallsReactionsButtonElement } from './elements/calls-reactions-button/calls-reactions-button.js';
export { CallsRoomElement } from './elements/calls-room/calls-room.js';
export { CallsTileElement } from './elements/calls-tile/calls-tile.js';
export { CallsTileOverlayElement } from './elements/calls-tile-overlay/calls-tile-overlay.js';
export { CallsToastsElement } from './elements/calls-toasts/calls-toasts.js';
export * from './events/index.js';
export { CallsButtonElement } from './internal/button-element.js';
export { CallsControlElement } from './internal/control-element.js';
export type { Translation } from './internal/i18n.js';
export { loadTranslation, registerTranslation } from './internal/i18n.js';
export { CallsPanelButtonElement } from './internal/panel-button-element.js';
export type { CallsRoomContext } from './internal/room-context.js';
export { callsRoomContext } from './internal/room-context.js';

/** Version of the calls-elements package this bundle was built from. */
export const VERSION = '0.1.0';
