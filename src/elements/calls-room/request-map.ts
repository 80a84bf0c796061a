import type { LocalMedia } from '../../core/local-media.js';

/** What a request handler may act on: the room element's own operations and its devices. */
export interface RequestTarget {
  readonly media: LocalMedia;
  join(): Promise<void>;
  leave(): Promise<void>;
  resumeAudio(): Promise<void>;
  /** Reconnects now (or joins again after the room gave up). */
  reconnect(): void;
}

type Handler = (
  target: RequestTarget,
  event: Event & { detail?: { enabled?: boolean } },
) => void | Promise<void>;

/**
 * Every request a control can make, and what it does — in one place (media-chrome's request map).
 * Adding a control means adding an event and, if it is new, one line here.
 */
export const requestMap: Readonly<Record<string, Handler>> = {
  'calls-mic-toggle-request': ({ media }, event) =>
    media.setMicEnabled(event.detail?.enabled ?? !media.micEnabled),
  'calls-camera-toggle-request': ({ media }, event) =>
    media.setCameraEnabled(event.detail?.enabled ?? !media.cameraEnabled),
  'calls-join-request': (target) => target.join(),
  'calls-leave-request': (target) => target.leave(),
  'calls-audio-resume-request': (target) => target.resumeAudio(),
  'calls-reconnect-request': (target) => target.reconnect(),
};
