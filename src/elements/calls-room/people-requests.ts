import type { Room } from '../../core/room.js';
import type { CallsChatSendRequestEvent } from '../../events/chat-send-request.js';
import type { CallsHandToggleRequestEvent } from '../../events/hand-toggle-request.js';
import type { CallsLowerHandRequestEvent } from '../../events/lower-hand-request.js';
import type { CallsParticipantMuteRequestEvent } from '../../events/participant-mute-request.js';
import type { CallsParticipantRemoveRequestEvent } from '../../events/participant-remove-request.js';
import type { CallsReactionRequestEvent } from '../../events/reaction-request.js';

/**
 * The requests of the people controls (chat, reactions, hands, moderation), each one call on the
 * joined room. Outside a room there is nothing to act on (those controls are disabled then). A refusal
 * rejects, and the room reports it itself (`errors$`, `refusals$`), so nothing is lost here.
 */
export const peopleRequests = {
  'calls-chat-send-request': (room: Room, event: CallsChatSendRequestEvent) =>
    room.sendChat(event.detail.text, { to: event.detail.to }),
  'calls-reaction-request': (room: Room, event: CallsReactionRequestEvent) => room.react(event.detail.emoji),
  'calls-hand-toggle-request': (room: Room, event: CallsHandToggleRequestEvent) =>
    event.detail.raised ? room.raiseHand() : room.lowerHand(),
  'calls-participant-mute-request': (room: Room, event: CallsParticipantMuteRequestEvent) =>
    room.muteParticipant(event.detail.participantId, event.detail.kind),
  'calls-participant-remove-request': (room: Room, event: CallsParticipantRemoveRequestEvent) =>
    room.removeParticipant(event.detail.participantId),
  'calls-lower-hand-request': (room: Room, event: CallsLowerHandRequestEvent) =>
    room.lowerHandOf(event.detail.participantId),
} as const;
