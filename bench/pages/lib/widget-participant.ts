// One participant of the project side: a `<calls-room>` from the script-tag bundle (loaded by the
// page's HTML before this script), joined with its own `join()`. The first remote frame is taken
// from the video element of the room's own tile for the other participant, the way a person sees it.
import type { CallsRoomElement } from '../../../src/elements/calls-room/calls-room.js';
import type { CallsTileElement } from '../../../src/elements/calls-tile/calls-tile.js';

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

  /**
   * performance.now() of the first frame shown in any tile of someone else, or null after
   * `timeoutMs`: every remote tile's video is watched from the moment it has a track, so with many
   * people this is the first of their frames (as the baseline's), not the first tile's.
   */
  firstRemoteFrame(timeoutMs: number): Promise<number | null> {
    const deadline = performance.now() + timeoutMs;
    const watched = new WeakSet<HTMLVideoElement>();
    return new Promise((resolve) => {
      let settled = false;
      const settle = (at: number | null) => {
        if (settled) return;
        settled = true;
        resolve(at);
      };
      // Checks every animation frame, so a video is found before its first frame is shown.
      const look = () => {
        if (settled) return;
        for (const video of this.remoteVideos()) {
          if (watched.has(video)) continue;
          watched.add(video);
          if (video.getVideoPlaybackQuality().totalVideoFrames > 0) this.lateObservation = true;
          video.requestVideoFrameCallback((now) => settle(now));
        }
        if (performance.now() > deadline) return settle(null);
        requestAnimationFrame(look);
      };
      look();
    });
  }

  async leave(): Promise<void> {
    await this.element.leave().catch(() => undefined);
    this.element.remove();
  }

  /** The videos of the tiles of everyone else that have a track to show. */
  private remoteVideos(): HTMLVideoElement[] {
    const self = this.element.model?.participantId;
    if (!self) return [];
    // The default meeting's tiles live in its <calls-grid>.
    const grid = this.element.shadowRoot?.querySelector('calls-grid');
    const tiles = grid?.shadowRoot?.querySelectorAll<CallsTileElement>('calls-tile') ?? [];
    return [...tiles]
      .filter((tile) => tile.getAttribute('participant-id') !== self)
      .map((tile) => tile.videoElement)
      .filter((video): video is HTMLVideoElement => Boolean(video?.srcObject));
  }
}
