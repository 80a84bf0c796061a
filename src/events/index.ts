// Every event the elements dispatch, one class per file, and their place in HTMLElementEventMap so
// `room.addEventListener('calls-error', (event) => event.code)` is typed.
import { CallsActiveSpeakerChangeEvent } from './active-speaker-change.js';
import { CallsAudioResumeRequestEvent } from './audio-resume-request.js';
import { CallsCameraToggleRequestEvent } from './camera-toggle-request.js';
import { CallsConnectionChangeEvent } from './connection-change.js';
import { CallsDeviceLostEvent } from './device-lost.js';
import { CallsDeviceSelectRequestEvent } from './device-select-request.js';
import { CallsErrorEvent } from './error.js';
import { CallsJoinRequestEvent } from './join-request.js';
import { CallsJoinedEvent } from './joined.js';
import { CallsLeaveRequestEvent } from './leave-request.js';
import { CallsLeftEvent } from './left.js';
import { CallsMicToggleRequestEvent } from './mic-toggle-request.js';
import { CallsParticipantJoinedEvent } from './participant-joined.js';
import { CallsParticipantLeftEvent } from './participant-left.js';
import { CallsScreenShareStartedEvent } from './screen-share-started.js';
import { CallsScreenShareStoppedEvent } from './screen-share-stopped.js';
import { CallsScreenShareToggleRequestEvent } from './screen-share-toggle-request.js';

export type { CallsActiveSpeakerChangeDetail } from './active-speaker-change.js';
export type { CallsCameraToggleRequestDetail } from './camera-toggle-request.js';
export type { CallsConnectionChangeDetail } from './connection-change.js';
export type { CallsDeviceLostDetail } from './device-lost.js';
export type { CallsDeviceSelectRequestDetail } from './device-select-request.js';
export type { CallsErrorDetail } from './error.js';
export type { CallsJoinedDetail } from './joined.js';
export type { CallsLeftDetail } from './left.js';
export type { CallsMicToggleRequestDetail } from './mic-toggle-request.js';
export type { CallsParticipantJoinedDetail } from './participant-joined.js';
export type { CallsParticipantLeftDetail } from './participant-left.js';
export type { CallsScreenShareStartedDetail } from './screen-share-started.js';
export type { CallsScreenShareStoppedDetail } from './screen-share-stopped.js';
export type { CallsScreenShareToggleRequestDetail } from './screen-share-toggle-request.js';
export {
  CallsActiveSpeakerChangeEvent,
  CallsAudioResumeRequestEvent,
  CallsCameraToggleRequestEvent,
  CallsConnectionChangeEvent,
  CallsDeviceLostEvent,
  CallsDeviceSelectRequestEvent,
  CallsErrorEvent,
  CallsJoinedEvent,
  CallsJoinRequestEvent,
  CallsLeaveRequestEvent,
  CallsLeftEvent,
  CallsMicToggleRequestEvent,
  CallsParticipantJoinedEvent,
  CallsParticipantLeftEvent,
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
    'calls-error': CallsErrorEvent;
    'calls-join-request': CallsJoinRequestEvent;
    'calls-leave-request': CallsLeaveRequestEvent;
    'calls-mic-toggle-request': CallsMicToggleRequestEvent;
    'calls-camera-toggle-request': CallsCameraToggleRequestEvent;
    'calls-audio-resume-request': CallsAudioResumeRequestEvent;
    'calls-screen-share-started': CallsScreenShareStartedEvent;
    'calls-screen-share-stopped': CallsScreenShareStoppedEvent;
    'calls-screen-share-toggle-request': CallsScreenShareToggleRequestEvent;
    'calls-device-lost': CallsDeviceLostEvent;
    'calls-device-select-request': CallsDeviceSelectRequestEvent;
  }
}
