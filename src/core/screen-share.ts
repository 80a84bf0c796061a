import { screenshare$ } from 'partytracks/client';
import {
  BehaviorSubject,
  catchError,
  distinctUntilChanged,
  EMPTY,
  finalize,
  map,
  type Observable,
  of,
  ReplaySubject,
  Subject,
  share,
  switchMap,
  tap,
} from 'rxjs';
import { CallsError } from './errors.js';

/** Who shares a screen now, from the room's point of view. */
export interface ScreenSharer {
  readonly id: string;
  readonly isSelf: boolean;
  readonly screenshareEnabled: boolean;
  readonly tracks: { readonly screenshare: unknown };
}

export interface ScreenShareChange {
  type: 'screen-share-started' | 'screen-share-stopped';
  participantId: string;
  isSelf: boolean;
}

/**
 * The screen of this browser, captured only while sharing is on. Capture starts with
 * `setEnabled(true)` (the browser shows its picker; call it from a click) and ends with
 * `setEnabled(false)` or when the person uses the browser's own "Stop sharing", which ends the
 * captured tracks: `enabled$` then turns false by itself. Tab or system audio comes along where the
 * browser offers it (Chromium: a tab, or the whole screen on Windows and ChromeOS).
 */
export class ScreenShare {
  readonly #enabled$ = new BehaviorSubject(false);
  readonly #errors$ = new Subject<CallsError>();

  /** True from `setEnabled(true)` until sharing stops (by you, by the browser, or because the picker was cancelled). */
  readonly enabled$: Observable<boolean> = this.#enabled$.pipe(distinctUntilChanged());
  /** Capture failures other than the person cancelling the picker (`screen_share_failed`). */
  readonly errors$: Observable<CallsError> = this.#errors$.asObservable();
  /** The captured screen while sharing; undefined while not. One capture however many subscribe. */
  readonly stream$: Observable<MediaStream | undefined>;
  /** The screen's video track while sharing. */
  readonly videoTrack$: Observable<MediaStreamTrack | undefined>;
  /** The tab or system audio while sharing, when the browser captured some. */
  readonly audioTrack$: Observable<MediaStreamTrack | undefined>;

  constructor(options: { audio?: boolean; video?: MediaTrackConstraints | boolean } = {}) {
    const displayOptions: DisplayMediaStreamOptions = {
      video: options.video ?? true,
      audio: options.audio ?? true,
    };
    this.stream$ = this.#enabled$.pipe(
      distinctUntilChanged(),
      switchMap((enabled) =>
        enabled
          ? // partytracks' capture completes when a track ends ("Stop sharing") or the picker is cancelled.
            screenshare$(displayOptions).pipe(
              catchError((error: unknown) => {
                this.#errors$.next(
                  new CallsError('screen_share_failed', `Could not share the screen: ${String(error)}`, {
                    cause: error,
                    detail: error instanceof Error ? error.name : undefined,
                  }),
                );
                return EMPTY;
              }),
              finalize(() => {
                // Ended by the browser, not by us: sharing is over. Deferred, so the state change
                // does not re-enter the switchMap that is tearing this capture down.
                queueMicrotask(() => {
                  if (this.#enabled$.value) this.#enabled$.next(false);
                });
              }),
            )
          : of(undefined),
      ),
      share({ connector: () => new ReplaySubject(1), resetOnRefCountZero: true }),
    );
    this.videoTrack$ = this.stream$.pipe(
      map((stream) => stream?.getVideoTracks()[0]),
      distinctUntilChanged(),
      tap((track) => {
        // Text must stay legible: under pressure WebRTC then drops frames rather than resolution.
        if (track && !track.contentHint) track.contentHint = 'detail';
      }),
    );
    this.audioTrack$ = this.stream$.pipe(
      map((stream) => stream?.getAudioTracks()[0]),
      distinctUntilChanged(),
    );
  }

  get enabled(): boolean {
    return this.#enabled$.value;
  }

  /** Turning it on opens the browser's picker: call it while handling a click. */
  setEnabled(enabled: boolean): void {
    this.#enabled$.next(enabled);
  }

  dispose(): void {
    this.#enabled$.next(false);
    this.#errors$.complete();
  }
}

/** Whether a participant shows a screen: sharing on, and (for others) with a track to pull. */
export function isSharingScreen(person: ScreenSharer): boolean {
  return person.screenshareEnabled && (person.isSelf || Boolean(person.tracks.screenshare));
}

/** Ids of the participants who show a screen, each with whether it is you. */
function sharingIds(people: readonly ScreenSharer[]): Map<string, boolean> {
  const ids = new Map<string, boolean>();
  for (const person of people) if (isSharingScreen(person)) ids.set(person.id, person.isSelf);
  return ids;
}

/** Who started and who stopped sharing between two views of the room. */
export function screenShareChanges(
  before: readonly ScreenSharer[],
  after: readonly ScreenSharer[],
): ScreenShareChange[] {
  const was = sharingIds(before);
  const is = sharingIds(after);
  const changes: ScreenShareChange[] = [];
  for (const [participantId, isSelf] of was) {
    if (!is.has(participantId)) changes.push({ type: 'screen-share-stopped', participantId, isSelf });
  }
  for (const [participantId, isSelf] of is) {
    if (!was.has(participantId)) changes.push({ type: 'screen-share-started', participantId, isSelf });
  }
  return changes;
}
