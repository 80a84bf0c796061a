import type { DeviceKind } from '../../core/devices.js';
import { CallsError } from '../../core/errors.js';
import type { LocalMedia } from '../../core/local-media.js';
import type { Room } from '../../core/room.js';
import type { CallsLayout } from '../../events/layout-change.js';
import { peopleRequests } from './people-requests.js';

/** What a request handler may act on: the room element's own operations and its devices. */
export interface RequestTarget {
  readonly media: LocalMedia;
  join(options?: { displayName?: string }): Promise<void>;
  leave(): Promise<void>;
  resumeAudio(): Promise<void>;
  /** The joined (or joining) room, if any. */
  room(): Room | undefined;
  /** Reconnects now (or joins again after the room gave up). */
  reconnect(): void;
  /** Pins `participantId` for this viewer (`pinned: false` unpins them). */
  pin(participantId: string, pinned: boolean): void;
  setLayout(layout: CallsLayout): void;
  /** Reports a refused request the way the room reports its errors (`calls-error`). */
  report(error: CallsError): void;
}

type Handler = (
  target: RequestTarget,
  event: Event & {
    detail?: {
      enabled?: boolean;
      displayName?: string;
      kind?: DeviceKind;
      deviceId?: string;
      participantId?: string;
      pinned?: boolean;
      layout?: CallsLayout;
    };
  },
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
  'calls-join-request': (target, event) => target.join({ displayName: event.detail?.displayName }),
  'calls-leave-request': (target) => target.leave(),
  'calls-audio-resume-request': (target) => target.resumeAudio(),
  ...Object.fromEntries(
    Object.entries(peopleRequests).map(([type, handle]) => [
      type,
      (target: RequestTarget, event: Event) => {
        const room = target.room();
        return room ? (handle as (room: Room, event: Event) => Promise<void>)(room, event) : undefined;
      },
    ]),
  ),
  'calls-reconnect-request': (target) => target.reconnect(),
  'calls-screen-share-toggle-request': (target, event) => {
    const room = target.room();
    if (room) room.setScreenShareEnabled(event.detail?.enabled ?? !room.screenShareEnabled);
    else if (event.detail?.enabled !== false)
      target.report(new CallsError('screen_share_failed', 'Join the room before sharing your screen.'));
  },
  'calls-device-select-request': ({ media }, event) =>
    media.selectDevice(event.detail?.kind as DeviceKind, String(event.detail?.deviceId ?? '')),
  'calls-pin-request': (target, event) =>
    target.pin(String(event.detail?.participantId ?? ''), event.detail?.pinned !== false),
  'calls-layout-change': (target, event) => target.setLayout(event.detail?.layout ?? 'grid'),
};
