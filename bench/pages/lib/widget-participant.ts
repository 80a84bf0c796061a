// One participant of the project side: a `<calls-room>` from the script-tag bundle (loaded by the
// page's HTML before this script), joined with its own `join()`. The first remote frame is taken
// from the video element of the room's own tile for the other participant, the way a person sees it.
import type { CallsRoomElement } from '../../../src/elements/calls-room/calls-room.js';
import type { CallsTileElement } from '../../../src/elements/calls-tile/calls-tile.js';
import { firstFrameTime } from './first-frame.js';
import { within } from './within.js';

export interface WidgetConfig {
  endpoint: string;
  room: string;
}

export class WidgetParticipant {
  readonly element: CallsRoomElement;
  joinedAt = 0;
  /** Whether the tile's video had already shown a frame when we found it (the time is then late). */
  lateObservation = false;
  readonly joining: Promise<void>;

  constructor(config: WidgetConfig) {
    this.element = document.createElement('calls-room') as CallsRoomElement;
    this.element.endpoint = config.endpoint;
    this.element.room = config.room;
    this.element.displayName = 'bench';
    // On screen and small: tiles pull video only while visible.
    this.element.style.cssText = 'display:block;width:480px;--calls-room-min-height:0';
    document.body.append(this.element);
    this.joinedAt = performance.now();
    this.joining = this.element.join();
    this.joining.catch(() => undefined);
  }

  /** Resolves once this participant's camera is announced to the room. */
  published(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.joining.catch(reject);
      const poll = () => {
        const self = this.element.model?.self$;
        if (!self) return setTimeout(poll, 20);
        const subscription = self.subscribe((participant) => {
          if (participant?.tracks.video) {
            resolve();
            queueMicrotask(() => subscription.unsubscribe());
          }
        });
      };
      poll();
    });
  }

  /** performance.now() of the first frame shown in a tile of someone else, or null after `timeoutMs`. */
  async firstRemoteFrame(timeoutMs: number): Promise<number | null> {
    const deadline = performance.now() + timeoutMs;
    const video = await within(this.remoteVideo(deadline), timeoutMs);
    if (!video) return null;
    this.lateObservation = video.getVideoPlaybackQuality().totalVideoFrames > 0;
    return within(firstFrameTime(video, timeoutMs), Math.max(0, deadline - performance.now()));
  }

  async leave(): Promise<void> {
    await this.element.leave().catch(() => undefined);
    this.element.remove();
  }

  /** Checks every animation frame, so the element is found before its first frame is shown. */
  private remoteVideo(deadline: number): Promise<HTMLVideoElement | null> {
    return new Promise((resolve) => {
      const look = () => {
        const self = this.element.model?.participantId;
        // The default meeting's tiles live in its <calls-grid>.
        const grid = this.element.shadowRoot?.querySelector('calls-grid');
        const tiles = grid?.shadowRoot?.querySelectorAll<CallsTileElement>('calls-tile') ?? [];
        for (const tile of tiles) {
          if (!self || tile.getAttribute('participant-id') === self) continue;
          const video = tile.videoElement;
          if (video?.srcObject) return resolve(video);
        }
        if (performance.now() > deadline) return resolve(null);
        requestAnimationFrame(look);
      };
      look();
    });
  }
}
