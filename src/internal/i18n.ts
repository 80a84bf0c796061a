import type { CallsErrorCode } from '../core/errors.js';
import type { ConnectionQuality } from '../core/quality.js';
import { languageAliases, rightToLeft, shippedLanguages } from '../i18n/languages.js';
import { formatNumber, plural } from './i18n-format.js';

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
  /** The control bar's name (a toolbar). */
  callControls: string;
  /** The lobby's heading. */
  readyToJoin: string;
  /** The lobby's name field. */
  yourName: string;
  /** The lobby: where to allow a device the browser was told to block. */
  allowDeviceHelp: (device: 'camera' | 'microphone') => string;
  /** The lobby: no such device, and joining without it is fine. */
  joinWithoutDevice: (device: 'camera' | 'microphone') => string;
  /** After leaving. */
  youLeftTitle: string;
  rejoin: string;
  /** The hint shown while the microphone is off and the person speaks; `shortcut` (if on) unmutes. */
  speakingWhileMuted: (shortcut: string | undefined) => string;
  waitingForVideo: string;
  participantReconnecting: string;
  /** The tile's network-quality indicator, read out as its label. */
  quality: Record<ConnectionQuality, string>;
  mediaReconnecting: string;
  nextAttemptIn: (seconds: number) => string;
  retryNow: string;
  uploadLossy: string;
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
  // People: hands, reactions, participant list, chat, notifications.
  raiseHand: string;
  lowerHand: string;
  handRaised: (order: number) => string;
  handRaisedBy: (name: string) => string;
  /** Announced when someone else turns their camera off. */
  cameraTurnedOff: (name: string) => string;
  /** Announced when someone else's connection drops and the call waits for them. */
  isReconnecting: (name: string) => string;
  react: string;
  reacted: (name: string, emoji: string) => string;
  participants: string;
  participantCount: (count: number) => string;
  moderator: string;
  sharingScreen: string;
  muteMic: string;
  stopCamera: string;
  stopScreenShare: string;
  lowerHandOf: string;
  removeParticipant: string;
  confirmModeration: (action: string, name: string) => string;
  confirm: string;
  cancel: string;
  chat: string;
  unreadMessages: (count: number) => string;
  chatInput: string;
  chatPlaceholder: string;
  send: string;
  newMessages: string;
  noMessages: string;
  chatFrom: (name: string, text: string) => string;
  chatRecipient: string;
  everyone: string;
  privateTo: (name: string) => string;
  privateToYou: string;
  notifications: string;
  dismiss: string;
  // Layouts: the grid's pages.
  /** The grid's page controls (a navigation landmark). */
  pages: string;
  previousPage: string;
  nextPage: string;
  /** `page` counts from 1. */
  pageOf: (page: number, pages: number) => string;
  /** The speaker layout's switcher between several shared screens. */
  sharedScreens: string;
  /** The tile's pin button: pin them large in the speaker layout (for you only). */
  pin: (name: string) => string;
  unpin: (name: string) => string;
  /** `<calls-layout-select>`: its group, and the two layouts. */
  layout: string;
  layoutGrid: string;
  layoutSpeaker: string;
  /** `<calls-alone-notice>`: alone in the call, the link to share, and copying it. */
  aloneInRoom: string;
  inviteLink: string;
  copyLink: string;
  linkCopied: string;
  copyFailed: string;
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
  callControls: 'Call controls',
  readyToJoin: 'Ready to join?',
  yourName: 'Your name',
  allowDeviceHelp: (device) =>
    `Your browser blocks the ${device}. Click the ${device} or lock icon in the address bar, choose Allow, then try again.`,
  joinWithoutDevice: (device) => `No ${device} was found. You can join without one.`,
  youLeftTitle: 'You left the call',
  rejoin: 'Rejoin',
  speakingWhileMuted: (shortcut) =>
    `You are speaking while muted. Press ${shortcut} or the microphone button to unmute.`,
  waitingForVideo: 'Waiting for video',
  participantReconnecting: 'Reconnecting',
  quality: {
    unknown: 'Connection quality not known yet',
    excellent: 'Excellent connection',
    good: 'Good connection',
    poor: 'Poor connection',
    bad: 'Bad connection',
    lost: 'Connection lost',
  },
  mediaReconnecting: 'Reconnecting audio and video…',
  nextAttemptIn: (seconds) => (seconds > 0 ? `Next attempt in ${seconds} s.` : 'Trying now.'),
  retryNow: 'Retry now',
  uploadLossy: 'Your connection is unstable: others may not see or hear you well.',
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
    origin_not_allowed: "The call server does not accept this site. Its owner must allow this page's origin.",
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
    message_refused: 'The call server refused your request.',
    screen_share_failed: 'Your screen could not be shared.',
    device_not_found: 'That device is not available any more.',
    speaker_unavailable: 'The sound cannot be played through that speaker.',
  },
  raiseHand: 'Raise hand',
  lowerHand: 'Lower hand',
  handRaised: (order) => `Hand raised (${formatNumber('en', order)})`,
  handRaisedBy: (name) => `${name} raised their hand`,
  cameraTurnedOff: (name) => `${name} turned off their camera`,
  isReconnecting: (name) => `${name} is reconnecting`,
  react: 'React',
  reacted: (name, emoji) => `${name} reacted ${emoji}`,
  participants: 'Participants',
  participantCount: (count) => plural('en', count, { one: '# participant', other: '# participants' }),
  moderator: 'Moderator',
  sharingScreen: 'Sharing their screen',
  muteMic: 'Mute',
  stopCamera: 'Turn camera off',
  stopScreenShare: 'Stop screen share',
  lowerHandOf: 'Lower hand',
  removeParticipant: 'Remove',
  confirmModeration: (action, name) => `${action}: ${name}?`,
  confirm: 'Confirm',
  cancel: 'Cancel',
  chat: 'Chat',
  unreadMessages: (count) => plural('en', count, { one: '# unread message', other: '# unread messages' }),
  chatInput: 'Message',
  chatPlaceholder: 'Message everyone (Enter to send, Shift+Enter for a new line)',
  send: 'Send',
  newMessages: 'New messages',
  noMessages: 'No messages yet',
  chatFrom: (name, text) => `${name}: ${text}`,
  chatRecipient: 'Send to',
  everyone: 'Everyone',
  privateTo: (name) => `privately to ${name}`,
  privateToYou: 'privately to you',
  notifications: 'Notifications',
  dismiss: 'Dismiss',
  pages: 'Pages',
  previousPage: 'Previous page',
  nextPage: 'Next page',
  pageOf: (page, pages) => `Page ${page} of ${pages}`,
  sharedScreens: 'Shared screens',
  pin: (name) => `Pin ${name}`,
  unpin: (name) => `Unpin ${name}`,
  layout: 'Layout',
  layoutGrid: 'Grid',
  layoutSpeaker: 'Speaker',
  aloneInRoom: "You're the only one here",
  inviteLink: 'Link to invite others',
  copyLink: 'Copy link',
  linkCopied: 'Link copied',
  copyFailed: "Couldn't copy: the link is selected, copy it yourself",
};

/** A shipped language as its file has it, or overrides from `registerTranslation`. */
type PartialTranslation = Partial<Translation> & { $code: string };

/** Shipped languages that have finished loading, by lowercase code. */
const shipped = new Map<string, Translation>();
/** Per-key overrides the page registered, by lowercase code. */
const overrides = new Map<string, PartialTranslation>();
/** What an element of each language shows: English, then the shipped file, then the overrides. */
const effective = new Map<string, Translation>([['en', english]]);
const loading = new Map<string, Promise<void>>();

/** Elements that read a translation, so they re-render when a language arrives or `lang` changes. */
const readers = new Set<WeakRef<Element & { requestUpdate?: () => void }>>();
/**
 * Readers are let go when their element is collected, or a page that keeps making meetings (thirty
 * elements each) would keep a reference for every element it ever showed: the set is swept of
 * collected ones whenever it has doubled since the last sweep, so it stays within twice the live
 * readers at a cost that does not grow with it.
 */
let sweepAt = 64;
/** Hosts whose `dir` the elements set themselves from `lang` (never one the page set). */
const directionSetByUs = new WeakSet<Element>();
let langObserver: MutationObserver | undefined;

function merge(...layers: (PartialTranslation | undefined)[]): Translation {
  const present = layers.filter((layer) => layer !== undefined);
  return Object.assign({}, english, ...present, {
    errors: Object.assign({}, english.errors, ...present.map((layer) => layer.errors)),
    quality: Object.assign({}, english.quality, ...present.map((layer) => layer.quality)),
  });
}

function rebuild(code: string): void {
  effective.set(code, merge(shipped.get(code), overrides.get(code)));
  rerenderReaders();
}

/**
 * Adds or replaces text for a language: keys you give win over the shipped translation of that
 * language (`registerTranslation({ $code: 'fr', join: 'Entrer' })` keeps the rest of French), and
 * keys neither has fall back to English.
 */
export function registerTranslation(translation: PartialTranslation): void {
  const code = translation.$code.toLowerCase();
  const previous = overrides.get(code);
  overrides.set(code, {
    ...previous,
    ...translation,
    errors: { ...previous?.errors, ...translation.errors } as Translation['errors'],
    quality: { ...previous?.quality, ...translation.quality } as Translation['quality'],
  });
  rebuild(code);
}

/** The shipped or registered language `lang` means: itself, an alias, or a shorter prefix. */
function resolveCode(lang: string): string {
  const parts = lang.toLowerCase().split('-');
  for (let length = parts.length; length > 0; length -= 1) {
    const candidate = parts.slice(0, length).join('-');
    const code = languageAliases.get(candidate) ?? candidate;
    if (code === 'en' || shippedLanguages.has(code) || overrides.has(code)) return code;
  }
  return 'en';
}

/**
 * Loads a shipped language now (elements load it by themselves on first use; an app can call this
 * before showing a room so the first paint is already in that language). Resolves when it is in.
 */
export function loadTranslation(lang: string): Promise<void> {
  const code = resolveCode(lang);
  const loader = shippedLanguages.get(code);
  if (!loader || shipped.has(code)) return Promise.resolve();
  let pending = loading.get(code);
  if (!pending) {
    pending = loader().then(
      (module) => {
        shipped.set(code, module.default);
        rebuild(code);
      },
      (error: unknown) => {
        // The page keeps working in English; say why, once, instead of failing silently.
        loading.delete(code);
        console.warn(`calls-elements: could not load the "${code}" translation; showing English.`, error);
      },
    );
    loading.set(code, pending);
  }
  return pending;
}

/** The nearest ancestor (crossing shadow roots) that has `attribute`, skipping `skip`. */
function closestAcrossShadows(
  element: Element,
  attribute: string,
  skip?: (found: Element) => boolean,
): Element | null {
  // Server-side rendering (Lit's DOM shim) gives elements no closest() and no root: they render in
  // English there, and the client picks the page's language when it hydrates.
  if (typeof element.closest !== 'function') return null;
  let current: Element | null = element;
  while (current) {
    let found = current.closest(`[${attribute}]`);
    while (found && skip?.(found)) found = found.parentElement?.closest(`[${attribute}]`) ?? null;
    if (found) return found;
    const root = current.getRootNode();
    current = 'host' in root ? (root as ShadowRoot).host : null;
  }
  return null;
}

/** The language `element` is in: the closest `lang` (through shadow roots), else the document's, else English. */
export function languageOf(element: Element): string {
  return (
    closestAcrossShadows(element, 'lang')?.getAttribute('lang') ||
    element.ownerDocument?.documentElement.lang ||
    'en'
  );
}

/**
 * A right-to-left language lays the element out right to left unless the page chose a direction
 * itself: the host gets `dir="rtl"` (and loses it again when the language changes back).
 */
function syncDirection(element: Element, code: string): void {
  const chosen = closestAcrossShadows(element, 'dir', (found) => directionSetByUs.has(found));
  const rtl = !chosen && rightToLeft.has(code.split('-')[0] as string);
  if (rtl && element.getAttribute('dir') !== 'rtl') {
    element.setAttribute('dir', 'rtl');
    directionSetByUs.add(element);
  } else if (!rtl && directionSetByUs.has(element)) {
    element.removeAttribute('dir');
    directionSetByUs.delete(element);
  }
}

/** Re-renders every reader when any `lang` in the document changes. */
function watchLanguageChanges(element: Element): void {
  if (langObserver || typeof MutationObserver === 'undefined' || !element.ownerDocument) return;
  langObserver = new MutationObserver(rerenderReaders);
  langObserver.observe(element.ownerDocument.documentElement, {
    attributes: true,
    attributeFilter: ['lang'],
    subtree: true,
  });
}

function rerenderReaders(): void {
  for (const ref of readers) {
    const element = ref.deref();
    if (!element) readers.delete(ref);
    else if (element.isConnected) element.requestUpdate?.();
  }
}

const tracked = new WeakSet<Element>();

/**
 * The translation for `element`'s language, loading a shipped language on first use (the element
 * shows English until it arrives, then re-renders). Also sets the element's direction from it.
 */
export function translationFor(element: Element): Translation {
  if (!tracked.has(element)) {
    tracked.add(element);
    readers.add(new WeakRef(element));
    if (readers.size >= sweepAt) {
      for (const ref of readers) if (!ref.deref()) readers.delete(ref);
      sweepAt = Math.max(64, readers.size * 2);
    }
    watchLanguageChanges(element);
  }
  const code = resolveCode(languageOf(element));
  syncDirection(element, code);
  if (shippedLanguages.has(code) && !shipped.has(code)) void loadTranslation(code);
  return effective.get(code) ?? english;
}
