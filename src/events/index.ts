// Every event the elements dispatch, one class per file, and their place in HTMLElementEventMap so
// `room.addEventListener('calls-error', (event) => event.code)` is typed.
import { CallsActiveSpeakerChangeEvent } from './active-speaker-change.js';
import { CallsAudioResumeRequestEvent } from './audio-resume-request.js';
import { CallsCameraToggleRequestEvent } from './camera-toggle-request.js';
import { CallsConnectionChangeEvent } from './connection-change.js';
import { CallsConnectionQualityChangeEvent } from './connection-quality-change.js';
import { CallsErrorEvent } from './error.js';
import { CallsJoinRequestEvent } from './join-request.js';
import { CallsJoinedEvent } from './joined.js';
import { CallsLeaveRequestEvent } from './leave-request.js';
import { CallsLeftEvent } from './left.js';
import { CallsMicToggleRequestEvent } from './mic-toggle-request.js';
import { CallsParticipantJoinedEvent } from './participant-joined.js';
import { CallsParticipantLeftEvent } from './participant-left.js';
import { CallsReconnectRequestEvent } from './reconnect-request.js';

export type { CallsActiveSpeakerChangeDetail } from './active-speaker-change.js';
export type { CallsCameraToggleRequestDetail } from './camera-toggle-request.js';
export type { CallsConnectionChangeDetail } from './connection-change.js';
export type { CallsConnectionQualityChangeDetail } from './connection-quality-change.js';
export type { CallsErrorDetail } from './error.js';
export type { CallsJoinedDetail } from './joined.js';
export type { CallsLeftDetail } from './left.js';
export type { CallsMicToggleRequestDetail } from './mic-toggle-request.js';
export type { CallsParticipantJoinedDetail } from './participant-joined.js';
export type { CallsParticipantLeftDetail } from './participant-left.js';
export type { CallsReconnectRequestDetail } from './reconnect-request.js';
export {
  CallsActiveSpeakerChangeEvent,
  CallsAudioResumeRequestEvent,
  CallsCameraToggleRequestEvent,
  CallsConnectionChangeEvent,
  CallsConnectionQualityChangeEvent,
  CallsErrorEvent,
  CallsJoinedEvent,
  CallsJoinRequestEvent,
  CallsLeaveRequestEvent,
  CallsLeftEvent,
  CallsMicToggleRequestEvent,
  CallsParticipantJoinedEvent,
  CallsParticipantLeftEvent,
  CallsReconnectRequestEvent,
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
    'calls-join-request': CallsJoinRequestEvent;
    'calls-leave-request': CallsLeaveRequestEvent;
    'calls-mic-toggle-request': CallsMicToggleRequestEvent;
    'calls-camera-toggle-request': CallsCameraToggleRequestEvent;
    'calls-audio-resume-request': CallsAudioResumeRequestEvent;
    'calls-reconnect-request': CallsReconnectRequestEvent;
  }
}
