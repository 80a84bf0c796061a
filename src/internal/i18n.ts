import type { CallsErrorCode } from '../core/errors.js';

/**
 * Every piece of text the elements show or announce. Register a translation with
 * `registerTranslation({ $code: 'fr', … })`; an element uses the `lang` of its closest ancestor
 * (or the document's), then the language without region, then English.
 */
export interface Translation {
  $code: string;
  join: string;
  leave: string;
  joining: string;
  reconnecting: string;
  disconnected: string;
  micOn: string;
  micOff: string;
  cameraOn: string;
  cameraOff: string;
  toggleMic: string;
  toggleCamera: string;
  enableSound: string;
  soundBlocked: string;
  you: (name: string) => string;
  muted: string;
  speaking: string;
  participantJoined: (name: string) => string;
  participantLeft: (name: string) => string;
  youJoined: (room: string) => string;
  youLeft: string;
  micLevel: string;
  selfView: string;
  participantVideo: (name: string) => string;
  /** A shared screen's video, by the name its tile shows (`Ada`, `Ada (you)`). */
  participantScreen: (name: string) => string;
  shareScreen: string;
  screenShareOn: string;
  screenShareOff: string;
  camera: string;
  microphone: string;
  speaker: string;
  defaultDevice: string;
  /** A device whose label the browser hides until the page may use that kind. */
  unnamedDevice: (kind: string, index: number) => string;
  deviceLost: (label: string) => string;
  speakerNotSelectable: string;
  settings: string;
  close: string;
  micTest: string;
  micTestHint: string;
  errors: Record<CallsErrorCode, string>;
}

export const english: Translation = {
  $code: 'en',
  join: 'Join',
  leave: 'Leave',
  joining: 'Joining…',
  reconnecting: 'Reconnecting…',
  disconnected: 'Not in the room',
  micOn: 'Microphone on',
  micOff: 'Microphone off',
  cameraOn: 'Camera on',
  cameraOff: 'Camera off',
  toggleMic: 'Microphone',
  toggleCamera: 'Camera',
  enableSound: 'Enable sound',
  soundBlocked: 'Your browser blocked the sound of this call until you interact with the page.',
  you: (name) => `${name} (you)`,
  muted: 'Muted',
  speaking: 'Speaking',
  participantJoined: (name) => `${name} joined`,
  participantLeft: (name) => `${name} left`,
  youJoined: (room) => `You joined ${room}`,
  youLeft: 'You left the room',
  micLevel: 'Microphone level',
  selfView: 'Your camera',
  participantVideo: (name) => `${name}'s camera`,
  participantScreen: (name) => `Screen shared by ${name}`,
  shareScreen: 'Share screen',
  screenShareOn: 'Stop sharing your screen',
  screenShareOff: 'Share your screen',
  camera: 'Camera',
  microphone: 'Microphone',
  speaker: 'Speaker',
  defaultDevice: 'System default',
  unnamedDevice: (kind, index) => `${kind} ${index}`,
  deviceLost: (label) => `${label || 'A device'} was disconnected; using the system default instead.`,
  speakerNotSelectable: 'This browser plays calls through the system speaker.',
  settings: 'Settings',
  close: 'Close',
  micTest: 'Microphone test',
  micTestHint: 'Speak: the bar moves when your microphone hears you.',
  errors: {
    invalid_options: 'This room is not set up correctly.',
    backend_unreachable: 'Could not reach the call server.',
    connection_lost: 'The connection to the call was lost.',
    unauthorized: 'You are not signed in to this room.',
    forbidden: 'You are not allowed to join this room.',
    room_full: 'This room is full.',
    server_full: 'The call server is full. Try again later.',
    invalid_room: 'This room name is not valid.',
    removed: 'You were removed from the room.',
    replaced: 'You joined this room from another tab or window.',
    token_failed: 'Could not get your sign-in token.',
    camera_denied: 'Camera access was denied. Allow it in your browser to be seen.',
    microphone_denied: 'Microphone access was denied. Allow it in your browser to be heard.',
    camera_unavailable: 'No working camera was found.',
    microphone_unavailable: 'No working microphone was found.',
    media_failed: 'The audio and video connection failed.',
    protocol_error: 'The call server refused a request.',
    autoplay_blocked: 'Your browser blocked the sound of this call.',
    screen_share_failed: 'Your screen could not be shared.',
    device_not_found: 'That device is not available any more.',
    speaker_unavailable: 'The sound cannot be played through that speaker.',
  },
};

const translations = new Map<string, Translation>([['en', english]]);

/** Adds or replaces a language. Missing keys fall back to English. */
export function registerTranslation(translation: Partial<Translation> & { $code: string }): void {
  const code = translation.$code.toLowerCase();
  translations.set(code, {
    ...english,
    ...translation,
    errors: { ...english.errors, ...translation.errors },
  });
}

/** The translation for `element`'s language. */
export function translationFor(element: Element): Translation {
  const lang = (
    element.closest('[lang]')?.getAttribute('lang') ||
    element.ownerDocument?.documentElement.lang ||
    'en'
  ).toLowerCase();
  return translations.get(lang) ?? translations.get(lang.split('-')[0] as string) ?? english;
}
