// Public entry of `calls-elements/core`: the framework-free room model. Build your own UI on it, or
// use the elements in `calls-elements`, which are a thin layer over exactly this.
export { AudioOutput } from './audio-output.js';
export type { BackoffOptions } from './backoff.js';
export { backoffDelay, resolveBackoff } from './backoff.js';
export type { DevicePreferences, StoredDevice } from './device-preferences.js';
export {
  DEVICE_PREFERENCES_KEY,
  parseDevicePreferences,
  serializeDevicePreferences,
} from './device-preferences.js';
export type { DeviceDescription, DeviceKind, DeviceLostNotice } from './devices.js';
export { chooseDevice, DEFAULT_DEVICE_ID, deviceList$, lostDevice } from './devices.js';
export type { CallsErrorCode } from './errors.js';
export { CallsError, isFatal } from './errors.js';
export { raisedHands, withHandOrder } from './hands.js';
export type { GridLayout, SimulcastLayer } from './layout.js';
export { chooseLayer, DEFAULT_SIMULCAST_LAYERS, gridLayout } from './layout.js';
export type { LocalMediaOptions } from './local-media.js';
export { LocalMedia } from './local-media.js';
export type { SustainedSoundOptions } from './muted-speech.js';
export { SustainedSoundDetector, speakingWhileMuted$ } from './muted-speech.js';
export {
  clampPage,
  PAGE_SIZES,
  pageCount,
  pageOf,
  pageSize,
  promoteSpeaker,
  stableOrder,
} from './pagination.js';
export type { Participant } from './participant.js';
export { initialsOf } from './participant.js';
export type { PeopleRequest, Reaction, Refusal } from './people.js';
export type { ConnectionState } from './presence-client.js';
export type { ChatMessage, LeaveReason, MuteKind, TrackRef, TrackSlot } from './protocol.js';
export type { ConnectionQuality } from './quality.js';
export { qualityOf } from './quality.js';
export type { RoomEvent, RoomOptions, VideoSource } from './room.js';
export { Room } from './room.js';
export type { ScreenShareChange, ScreenSharer } from './screen-share.js';
export { isSharingScreen, ScreenShare, screenShareChanges } from './screen-share.js';
export type { SpeakingOptions } from './speaking.js';
export { nextActiveSpeaker, SpeakingDetector } from './speaking.js';
export type { SpeakerHold, SpotlightChoice } from './spotlight.js';
export { holdSpeaker, SPEAKER_HOLD_MS, spotlightTile } from './spotlight.js';
export type { VideoTile } from './tiles.js';
export { videoTiles } from './tiles.js';
