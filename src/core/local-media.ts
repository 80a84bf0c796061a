import { getCamera, getMic, type MediaDevice } from 'partytracks/client';
import {
  BehaviorSubject,
  distinctUntilChanged,
  type Observable,
  of,
  Subject,
  type Subscription,
  share,
  shareReplay,
  switchMap,
} from 'rxjs';
import { audioLevel$ } from './audio-level.js';
import { type CallsError, deviceError } from './errors.js';

export interface LocalMediaOptions {
  /** Start with the microphone on. Default true. */
  audio?: boolean;
  /** Start with the camera on. Default true. */
  video?: boolean;
  /** Constraints for the camera. Default 1280×720. */
  camera?: Omit<MediaTrackConstraints, 'deviceId' | 'groupId'>;
  /** Constraints for the microphone. */
  microphone?: Omit<MediaTrackConstraints, 'deviceId' | 'groupId'>;
}

export const DEFAULT_CAMERA_CONSTRAINTS = { width: { ideal: 1280 }, height: { ideal: 720 } } as const;

/**
 * The local camera and microphone, built on partytracks' device helpers (device fallback,
 * preferred device, recovery). A device is captured only while something uses it — a preview or a
 * room publishing it — and only while it is enabled: turning the camera or mic off releases the
 * device, and the room sends partytracks' silent/black stand-in instead.
 */
export class LocalMedia {
  readonly #mic: MediaDevice;
  readonly #camera: MediaDevice;
  readonly #micEnabled$: BehaviorSubject<boolean>;
  readonly #cameraEnabled$: BehaviorSubject<boolean>;
  readonly #errors$ = new Subject<CallsError>();
  readonly #subscriptions: Subscription[] = [];
  readonly cameraWidth: number;

  /** Whether the microphone is on (it turns off by itself when the device fails or is denied). */
  readonly micEnabled$: Observable<boolean>;
  readonly cameraEnabled$: Observable<boolean>;
  /** Device failures: `camera_denied`, `microphone_unavailable`… */
  readonly errors$: Observable<CallsError> = this.#errors$.asObservable();
  /** The track to publish: the microphone when on, a silent track when off. */
  readonly micTrack$: Observable<MediaStreamTrack>;
  /** The track to publish: the camera when on, a black frame when off. */
  readonly cameraTrack$: Observable<MediaStreamTrack>;
  /** The camera for a self view while it is on; undefined while off. */
  readonly cameraPreview$: Observable<MediaStreamTrack | undefined>;
  /** The microphone's level (RMS, 0…1) every 50 ms while it is on; 0 while off. */
  readonly micLevel$: Observable<number>;

  constructor(options: LocalMediaOptions = {}) {
    const audio = options.audio ?? true;
    const video = options.video ?? true;
    this.cameraWidth = widthOf(options.camera) ?? DEFAULT_CAMERA_CONSTRAINTS.width.ideal;
    this.#mic = getMic({
      activateSource: audio,
      broadcasting: audio,
      // Muting releases the microphone, like the camera: no hidden capture while muted.
      retainIdleTrack: false,
      constraints: options.microphone ?? {},
    });
    this.#camera = getCamera({
      activateSource: video,
      broadcasting: video,
      constraints: options.camera ?? DEFAULT_CAMERA_CONSTRAINTS,
    });
    this.#micEnabled$ = new BehaviorSubject(audio);
    this.#cameraEnabled$ = new BehaviorSubject(video);
    this.micEnabled$ = this.#micEnabled$.pipe(distinctUntilChanged());
    this.cameraEnabled$ = this.#cameraEnabled$.pipe(distinctUntilChanged());
    this.micTrack$ = this.#mic.broadcastTrack$;
    this.cameraTrack$ = this.#camera.broadcastTrack$;
    this.cameraPreview$ = this.cameraEnabled$.pipe(
      switchMap((enabled) => (enabled ? this.#camera.localMonitorTrack$ : of(undefined))),
      // Replayed: a self view that subscribes later (a tile re-created when someone leaves) must
      // get the camera now, not at its next change.
      shareReplay({ bufferSize: 1, refCount: true }),
    );
    this.micLevel$ = this.micEnabled$.pipe(
      switchMap((enabled) =>
        enabled ? this.#mic.localMonitorTrack$.pipe(switchMap((track) => audioLevel$(track))) : of(0),
      ),
      share(),
    );
    // partytracks turns a source off when it fails; mirror that and say why.
    this.#subscriptions.push(
      this.#mic.error$.subscribe((error) => this.#errors$.next(deviceError('microphone', error))),
      this.#camera.error$.subscribe((error) => this.#errors$.next(deviceError('camera', error))),
      this.#mic.isSourceEnabled$.subscribe((on) => {
        if (!on && this.#micEnabled$.value) this.#micEnabled$.next(false);
      }),
      this.#camera.isSourceEnabled$.subscribe((on) => {
        if (!on && this.#cameraEnabled$.value) this.#cameraEnabled$.next(false);
      }),
    );
  }

  get micEnabled(): boolean {
    return this.#micEnabled$.value;
  }

  get cameraEnabled(): boolean {
    return this.#cameraEnabled$.value;
  }

  setMicEnabled(enabled: boolean): void {
    this.#set(this.#mic, this.#micEnabled$, enabled);
  }

  setCameraEnabled(enabled: boolean): void {
    this.#set(this.#camera, this.#cameraEnabled$, enabled);
  }

  /** Stops listening to the devices' state. Tracks stop when their last user unsubscribes. */
  dispose(): void {
    for (const subscription of this.#subscriptions.splice(0)) subscription.unsubscribe();
    this.#errors$.complete();
  }

  #set(device: MediaDevice, state$: BehaviorSubject<boolean>, enabled: boolean): void {
    if (enabled) {
      // Enable the source before flipping state, so a synchronous failure turns it back off.
      state$.next(true);
      device.startBroadcasting();
    } else {
      device.disableSource();
      state$.next(false);
    }
  }
}

function widthOf(constraints: MediaTrackConstraints | undefined): number | undefined {
  const width = constraints?.width;
  if (typeof width === 'number') return width;
  return width?.ideal ?? width?.exact ?? width?.max;
}
