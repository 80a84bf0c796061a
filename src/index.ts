// Browser entry of `calls-elements`: importing it defines <calls-room>, <calls-publisher> and
// <calls-tile> (guarded, so loading it twice is harmless) and re-exports their classes, events and
// the room model. Importing it in Node (SSR, tooling) touches neither window nor document.

export * from './core/index.js';
export { CallsConnectionBannerElement } from './elements/calls-connection-banner/calls-connection-banner.js';
export { CallsPublisherElement } from './elements/calls-publisher/calls-publisher.js';
export { CallsRoomElement } from './elements/calls-room/calls-room.js';
export { CallsTileElement } from './elements/calls-tile/calls-tile.js';
export * from './events/index.js';
export type { Translation } from './internal/i18n.js';
export { registerTranslation } from './internal/i18n.js';
export type { CallsRoomContext } from './internal/room-context.js';
export { callsRoomContext } from './internal/room-context.js';

/** Version of the calls-elements package this bundle was built from. */
export const VERSION = '0.1.0';
