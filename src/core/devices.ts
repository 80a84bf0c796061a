import { devices$ as allDevices$ } from 'partytracks/client';
import { distinctUntilChanged, map, type Observable, shareReplay } from 'rxjs';

export type DeviceKind = 'audioinput' | 'videoinput' | 'audiooutput';

/** The id browsers give the device the operating system currently uses. */
export const DEFAULT_DEVICE_ID = 'default';

/** What is needed to show and find a device (a `MediaDeviceInfo` fits). */
export interface DeviceDescription {
  readonly deviceId: string;
  readonly label: string;
  readonly kind: string;
}

/**
 * A device that was in use went away (unplugged, disabled, taken by another app). The device in
 * use falls back to the default one; show the person `lost.label` so they know why.
 */
export interface DeviceLostNotice {
  readonly code: 'device_lost';
  readonly kind: DeviceKind;
  readonly lost: { readonly deviceId: string; readonly label: string };
}

/**
 * partytracks' `devices$` starts its own `enumerateDevices()` and two `permissions.query()` calls
 * for every subscriber, and Chromium keeps each PermissionStatus for the life of the page: every
 * device picker, every room joined added more. One subscription for the whole page instead, kept
 * once started (it listens to `devicechange` and the two permissions, and holds the latest list).
 */
const pageDevices$ = allDevices$.pipe(shareReplay({ bufferSize: 1, refCount: false }));

/**
 * The devices of one kind, in the browser's order, updated on every `devicechange` (plugging a
 * headset in adds it; unplugging removes it). Labels stay empty until the page may use the kind.
 */
export function deviceList$(kind: DeviceKind): Observable<MediaDeviceInfo[]> {
  return pageDevices$.pipe(
    map((devices) => devices.filter((device) => device.kind === kind)),
    distinctUntilChanged(
      (a, b) =>
        a.length === b.length &&
        a.every((device, i) => sameDevice(device, b[i]) && device.label === b[i]?.label),
    ),
  );
}

function sameDevice(a: DeviceDescription | undefined, b: DeviceDescription | undefined): boolean {
  return a !== undefined && b !== undefined && a.deviceId === b.deviceId && a.kind === b.kind;
}

/**
 * The device to use among `devices`: the chosen one by id, else by label (ids can change between
 * visits, for instance after the person cleared site data), else the default, else the first.
 */
export function chooseDevice<T extends DeviceDescription>(
  devices: readonly T[],
  chosen: { deviceId: string; label: string } | undefined,
): T | undefined {
  if (chosen) {
    const byId = devices.find((device) => device.deviceId === chosen.deviceId);
    if (byId) return byId;
    const byLabel = chosen.label ? devices.find((device) => device.label === chosen.label) : undefined;
    if (byLabel) return byLabel;
  }
  return devices.find((device) => device.deviceId === DEFAULT_DEVICE_ID) ?? devices[0];
}

/**
 * The device in use that `after` no longer lists, if any: the moment to fall back and say so. A
 * device the list never had (nothing enumerated yet) is not lost, and the default entry is never
 * lost (the browser re-points it at another device).
 */
export function lostDevice<T extends DeviceDescription>(
  before: readonly T[],
  after: readonly T[],
  inUseId: string | undefined,
): T | undefined {
  if (!inUseId || inUseId === DEFAULT_DEVICE_ID) return undefined;
  const was = before.find((device) => device.deviceId === inUseId);
  if (!was) return undefined;
  return after.some((device) => device.deviceId === inUseId) ? undefined : was;
}
