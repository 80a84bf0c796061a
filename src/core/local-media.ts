import { getCamera, getMic, type MediaDevice, type MediaDeviceOptions } from 'partytracks/client';
import {
  BehaviorSubject,
  combineLatest,
  defer,
  distinctUntilChanged,
  EMPTY,
  firstValueFrom,
  map,
  merge,
  type Observable,
  of,
  pairwise,
  Subject,
  type Subscription,
  share,
  shareReplay,
  switchMap,
} from 'rxjs';
import { audioLevel$ } from './audio-level.js';
import { loadDevicePreferences, type StoredDevice, saveDevicePreference } from './device-preferences.js';
import { chooseDevice, type DeviceKind, type DeviceLostNotice, deviceList$, lostDevice } from './devices.js';
import { CallsError, deviceError } from './errors.js';

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
  /** Listeners on the browser's device and permission events (see `watchDevices`). */
  readonly #watching: Subscription[] = [];
  /** Devices that failed to start during this page's life (`deviceId` + label): tried last. */
  readonly #failed = new Set<string>();
  /** The person's choice per kind (remembered per origin); undefined: the browser's default. */
  readonly #chosen: Record<DeviceKind, BehaviorSubject<StoredDevice | undefined>>;
  readonly #notices$ = new Subject<DeviceLostNotice>();
  /** A chosen device that went away while in use; the default takes over and the person is told why. */
  readonly deviceNotices$: Observable<DeviceLostNotice> = this.#notices$.asObservable();
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
    const stored = loadDevicePreferences();
    this.#chosen = {
      audioinput: new BehaviorSubject(stored.audioinput),
      videoinput: new BehaviorSubject(stored.videoinput),
      audiooutput: new BehaviorSubject(stored.audiooutput),
    };
    this.#mic = getMic(
      this.#inOrder('audioinput', {
        activateSource: audio,
        broadcasting: audio,
        // Muting releases the microphone, like the camera: no hidden capture while muted.
        retainIdleTrack: false,
        constraints: options.microphone ?? {},
      }),
    );
    this.#camera = getCamera(
      this.#inOrder('videoinput', {
        activateSource: video,
        broadcasting: video,
        constraints: options.camera ?? DEFAULT_CAMERA_CONSTRAINTS,
      }),
    );
    this.#micEnabled$ = new BehaviorSubject(audio);
    this.#cameraEnabled$ = new BehaviorSubject(video);
    this.micEnabled$ = this.#micEnabled$.pipe(distinctUntilChanged());
    this.cameraEnabled$ = this.#cameraEnabled$.pipe(distinctUntilChanged());
    // Not partytracks' broadcastTrack$: that one builds its stand-in (an AudioContext, a 1280×720
    // canvas) when first subscribed and keeps it while the device is on, which cost 30–50 ms of the
    // join's busiest task on 2 cores. localMonitorTrack$ is the device while its source is on and the
    // stand-in only while it is off; this class turns sources on and off together with broadcasting
    // (#set), so it is the same publication, and a stand-in exists only while it is shown.
    this.micTrack$ = this.#mic.localMonitorTrack$;
    this.cameraTrack$ = this.#camera.localMonitorTrack$;
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
    this.watchDevices();
  }

  /**
   * `options` with the order partytracks tries devices in: the person's choice first (see
   * `chooseDevice`), then the others as the browser lists them (the default first), devices that
   * failed to start last. partytracks moves down the list when one fails or goes away, and starts
   * again from the top when the list or the choice changes: picking a device switches to it, and a
   * chosen device plugged back in is used again.
   *
   * partytracks would otherwise order them by its own stored preference, a second copy of the
   * choice this class keeps, which listens to the window's `storage` event; adding that listener
   * cost 6–45 ms of the join's busiest moments on 2 cores. Its device options reach
   * `resilientTrack$` after its own order, so this one is used; its types leave the option out.
   */
  #inOrder(kind: 'audioinput' | 'videoinput', options: MediaDeviceOptions): MediaDeviceOptions {
    const keyOf = (device: MediaDeviceInfo) => `${device.deviceId}\n${device.label}`;
    const devicePriority$ = defer(() => combineLatest([deviceList$(kind), this.#chosen[kind]])).pipe(
      map(([devices, chosen]) => {
        const first = chooseDevice(devices, chosen);
        const rank = (device: MediaDeviceInfo) =>
          device === first ? 0 : this.#failed.has(keyOf(device)) ? 2 : 1;
        return [...devices].sort((a, b) => rank(a) - rank(b));
      }),
    );
    const ordered: MediaDeviceOptions & { devicePriority$: Observable<MediaDeviceInfo[]> } = {
      ...options,
      devicePriority$,
      onDeviceFailure: (device) => this.#failed.add(keyOf(device)),
    };
    return ordered;
  }

  /**
   * Listens to the devices and to the person's choices (the constructor starts it). The listeners
   * sit on browser objects that outlive any element (`navigator.mediaDevices`, permission
   * statuses), so an element owning this LocalMedia stops them while it is out of the document
   * (`stopWatchingDevices`) and starts them again here when it comes back; otherwise every removed
   * element stays reachable through them.
   */
  watchDevices(): void {
    // Without media devices (server-side rendering, Node) there is nothing to listen to.
    if (this.#watching.length > 0 || !globalThis.navigator?.mediaDevices) return;
    // The microphone and camera matter while on; the speaker whenever something might play.
    this.#watching.push(
      merge(
        this.#watch('audioinput', this.micEnabled$),
        this.#watch('videoinput', this.cameraEnabled$),
        this.#watch('audiooutput', of(true)),
      ).subscribe((notice) => this.#notices$.next(notice)),
    );
  }

  /**
   * Captures the camera and microphone that are on, and keeps them until the returned subscription
   * ends, without making the silent and black stand-ins a device that is off publishes. A room
   * holds its devices this way from `join()` until its pushes take them, so capture runs while it
   * connects and is not started twice (see `Room`).
   */
  holdCapture(): Subscription {
    const held = (enabled$: Observable<boolean>, device: MediaDevice) =>
      enabled$.pipe(switchMap((enabled) => (enabled ? device.localMonitorTrack$ : EMPTY)));
    return merge(held(this.micEnabled$, this.#mic), held(this.cameraEnabled$, this.#camera)).subscribe();
  }

  /** Stops what `watchDevices` started; tracks in use are not affected. */
  stopWatchingDevices(): void {
    for (const subscription of this.#watching.splice(0)) subscription.unsubscribe();
  }

  /** The devices of one kind, kept up to date as they are plugged in and out. */
  devices$(kind: DeviceKind): Observable<MediaDeviceInfo[]> {
    return deviceList$(kind);
  }

  /**
   * The id of the device of `kind` in use (or to be used when it turns on): the chosen one while the
   * browser lists it, else the default. Drives a device picker's selection and the room's speaker.
   */
  selectedDeviceId$(kind: DeviceKind): Observable<string | undefined> {
    return combineLatest([deviceList$(kind), this.#chosen[kind]]).pipe(
      map(([devices, chosen]) => chooseDevice(devices, chosen)?.deviceId),
      distinctUntilChanged(),
    );
  }

  /**
   * Uses `deviceId` for `kind` from now on, and remembers it for this origin's next visits. A
   * camera or microphone in use switches at once (the room replaces the published track). Rejects
   * with `device_not_found` when the browser does not list that id.
   */
  async selectDevice(kind: DeviceKind, deviceId: string): Promise<void> {
    const devices = await firstValueFrom(deviceList$(kind));
    const device = devices.find((candidate) => candidate.deviceId === deviceId);
    if (!device) {
      const error = new CallsError('device_not_found', `No ${kind} device with id "${deviceId}".`, {
        detail: kind,
      });
      this.#errors$.next(error);
      throw error;
    }
    const choice = { deviceId: device.deviceId, label: device.label };
    saveDevicePreference(kind, choice);
    this.#chosen[kind].next(choice);
  }

  /** The chosen device of `kind` disappearing while `inUse$` is true. */
  #watch(kind: DeviceKind, inUse$: Observable<boolean>): Observable<DeviceLostNotice> {
    return combineLatest([deviceList$(kind).pipe(pairwise()), inUse$]).pipe(
      distinctUntilChanged(([a], [b]) => a === b),
      switchMap(([[before, after], inUse]) => {
        const lost = inUse ? lostDevice(before, after, this.#chosen[kind].value?.deviceId) : undefined;
        return lost
          ? of<DeviceLostNotice>({
              code: 'device_lost',
              kind,
              lost: { deviceId: lost.deviceId, label: lost.label },
            })
          : of();
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
    this.stopWatchingDevices();
    for (const subscription of this.#subscriptions.splice(0)) subscription.unsubscribe();
    this.#errors$.complete();
    this.#notices$.complete();
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
