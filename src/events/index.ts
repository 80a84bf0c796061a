// Every event the elements dispatch, one class per file, and their place in HTMLElementEventMap so
// `room.addEventListener('calls-error', (event) => event.code)` is typed.
import { CallsActiveSpeakerChangeEvent } from './active-speaker-change.js';
import { CallsAudioResumeRequestEvent } from './audio-resume-request.js';
import { CallsCameraToggleRequestEvent } from './camera-toggle-request.js';
import { CallsChatSendRequestEvent } from './chat-send-request.js';
import { CallsConnectionChangeEvent } from './connection-change.js';
import { CallsConnectionQualityChangeEvent } from './connection-quality-change.js';
import { CallsDeviceLostEvent } from './device-lost.js';
import { CallsDeviceSelectRequestEvent } from './device-select-request.js';
import { CallsErrorEvent } from './error.js';
import { CallsHandToggleRequestEvent } from './hand-toggle-request.js';
import { CallsJoinRequestEvent } from './join-request.js';
import { CallsJoinedEvent } from './joined.js';
import { CallsLayoutChangeEvent } from './layout-change.js';
import { CallsLeaveRequestEvent } from './leave-request.js';
import { CallsLeftEvent } from './left.js';
import { CallsLowerHandRequestEvent } from './lower-hand-request.js';
import { CallsMicToggleRequestEvent } from './mic-toggle-request.js';
import { CallsPageChangeEvent } from './page-change.js';
import { CallsPanelToggleEvent } from './panel-toggle.js';
import { CallsParticipantJoinedEvent } from './participant-joined.js';
import { CallsParticipantLeftEvent } from './participant-left.js';
import { CallsParticipantMuteRequestEvent } from './participant-mute-request.js';
import { CallsParticipantRemoveRequestEvent } from './participant-remove-request.js';
import { CallsPinRequestEvent } from './pin-request.js';
import { CallsReactionRequestEvent } from './reaction-request.js';
import { CallsReconnectRequestEvent } from './reconnect-request.js';
import { CallsRoomChangeEvent } from './room-change.js';
import { CallsScreenShareStartedEvent } from './screen-share-started.js';
import { CallsScreenShareStoppedEvent } from './screen-share-stopped.js';
import { CallsScreenShareToggleRequestEvent } from './screen-share-toggle-request.js';

export type { CallsActiveSpeakerChangeDetail } from './active-speaker-change.js';
export type { CallsCameraToggleRequestDetail } from './camera-toggle-request.js';
export type { CallsChatSendRequestDetail } from './chat-send-request.js';
export type { CallsConnectionChangeDetail } from './connection-change.js';
export type { CallsConnectionQualityChangeDetail } from './connection-quality-change.js';
export type { CallsDeviceLostDetail } from './device-lost.js';
export type { CallsDeviceSelectRequestDetail } from './device-select-request.js';
export type { CallsErrorDetail } from './error.js';
export type { CallsHandToggleRequestDetail } from './hand-toggle-request.js';
export type { CallsJoinRequestDetail } from './join-request.js';
export type { CallsJoinedDetail } from './joined.js';
export type { CallsLayout, CallsLayoutChangeDetail } from './layout-change.js';
export type { CallsLeftDetail } from './left.js';
export type { CallsLowerHandRequestDetail } from './lower-hand-request.js';
export type { CallsMicToggleRequestDetail } from './mic-toggle-request.js';
export type { CallsPageChangeDetail } from './page-change.js';
export type { CallsPanelToggleDetail } from './panel-toggle.js';
export type { CallsParticipantJoinedDetail } from './participant-joined.js';
export type { CallsParticipantLeftDetail } from './participant-left.js';
export type { CallsParticipantMuteRequestDetail } from './participant-mute-request.js';
export type { CallsParticipantRemoveRequestDetail } from './participant-remove-request.js';
export type { CallsPinRequestDetail } from './pin-request.js';
export type { CallsReactionRequestDetail } from './reaction-request.js';
export type { CallsReconnectRequestDetail } from './reconnect-request.js';
export type { CallsRoomChangeDetail } from './room-change.js';
export type { CallsScreenShareStartedDetail } from './screen-share-started.js';
export type { CallsScreenShareStoppedDetail } from './screen-share-stopped.js';
export type { CallsScreenShareToggleRequestDetail } from './screen-share-toggle-request.js';
export {
  CallsActiveSpeakerChangeEvent,
  CallsAudioResumeRequestEvent,
  CallsCameraToggleRequestEvent,
  CallsChatSendRequestEvent,
  CallsConnectionChangeEvent,
  CallsConnectionQualityChangeEvent,
  CallsDeviceLostEvent,
  CallsDeviceSelectRequestEvent,
  CallsErrorEvent,
  CallsHandToggleRequestEvent,
  CallsJoinedEvent,
  CallsJoinRequestEvent,
  CallsLayoutChangeEvent,
  CallsLeaveRequestEvent,
  CallsLeftEvent,
  CallsLowerHandRequestEvent,
  CallsMicToggleRequestEvent,
  CallsPageChangeEvent,
  CallsPanelToggleEvent,
  CallsParticipantJoinedEvent,
  CallsParticipantLeftEvent,
  CallsParticipantMuteRequestEvent,
  CallsParticipantRemoveRequestEvent,
  CallsPinRequestEvent,
  CallsReactionRequestEvent,
  CallsReconnectRequestEvent,
  CallsRoomChangeEvent,
  CallsScreenShareStartedEvent,
  CallsScreenShareStoppedEvent,
  CallsScreenShareToggleRequestEvent,
};

declare global {
  interface HTMLElementEventMap {
    'calls-joined': CallsJoinedEvent;
    'calls-left': CallsLeftEvent;
    'calls-participant-joined': CallsParticipantJoinedEvent;
    'calls-participant-left': CallsParticipantLeftEvent;
    'calls-active-speaker-change': CallsActiveSpeakerChangeEvent;
    'calls-connection-change': CallsConnectionChangeEvent;
    'calls-connection-quality-change': CallsConnectionQualityChangeEvent;
    'calls-error': CallsErrorEvent;
    'calls-room-change': CallsRoomChangeEvent;
    'calls-join-request': CallsJoinRequestEvent;
    'calls-leave-request': CallsLeaveRequestEvent;
    'calls-mic-toggle-request': CallsMicToggleRequestEvent;
    'calls-camera-toggle-request': CallsCameraToggleRequestEvent;
    'calls-audio-resume-request': CallsAudioResumeRequestEvent;
    'calls-chat-send-request': CallsChatSendRequestEvent;
    'calls-reaction-request': CallsReactionRequestEvent;
    'calls-hand-toggle-request': CallsHandToggleRequestEvent;
    'calls-participant-mute-request': CallsParticipantMuteRequestEvent;
    'calls-participant-remove-request': CallsParticipantRemoveRequestEvent;
    'calls-lower-hand-request': CallsLowerHandRequestEvent;
    'calls-panel-toggle': CallsPanelToggleEvent;
    'calls-page-change': CallsPageChangeEvent;
    'calls-reconnect-request': CallsReconnectRequestEvent;
    'calls-screen-share-started': CallsScreenShareStartedEvent;
    'calls-screen-share-stopped': CallsScreenShareStoppedEvent;
    'calls-screen-share-toggle-request': CallsScreenShareToggleRequestEvent;
    'calls-device-lost': CallsDeviceLostEvent;
    'calls-device-select-request': CallsDeviceSelectRequestEvent;
    'calls-pin-request': CallsPinRequestEvent;
    'calls-layout-change': CallsLayoutChangeEvent;
  }
}
