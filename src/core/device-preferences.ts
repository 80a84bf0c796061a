import type { DeviceKind } from './devices.js';

/** A remembered device: the id names it on this origin; the label finds it again when the id changed. */
export interface StoredDevice {
  readonly deviceId: string;
  readonly label: string;
}

export type DevicePreferences = Readonly<Partial<Record<DeviceKind, StoredDevice>>>;

/** One localStorage key per origin for every kind, so a host can clear the choices in one place. */
export const DEVICE_PREFERENCES_KEY = 'calls-elements.devices';

const KINDS: readonly DeviceKind[] = ['audioinput', 'videoinput', 'audiooutput'];

/**
 * Reads what `serializeDevicePreferences` wrote, keeping each well-formed entry and dropping the
 * rest: a value another version (or the person, in dev tools) wrote must not break the devices.
 */
export function parseDevicePreferences(text: string | null | undefined): DevicePreferences {
  if (!text) return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return {};
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  const preferences: Partial<Record<DeviceKind, StoredDevice>> = {};
  for (const kind of KINDS) {
    const entry = (value as Record<string, unknown>)[kind];
    if (typeof entry !== 'object' || entry === null) continue;
    const { deviceId, label } = entry as Record<string, unknown>;
    if (typeof deviceId !== 'string' || deviceId.length === 0 || deviceId.length > 512) continue;
    preferences[kind] = { deviceId, label: typeof label === 'string' ? label.slice(0, 512) : '' };
  }
  return preferences;
}

export function serializeDevicePreferences(preferences: DevicePreferences): string {
  return JSON.stringify(preferences);
}

/** The origin's storage, or undefined where there is none (SSR, storage disabled, sandboxed frames). */
function storage(): Storage | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    // Reading `localStorage` itself throws in some sandboxed iframes and with cookies blocked.
    return undefined;
  }
}

export function loadDevicePreferences(): DevicePreferences {
  try {
    return parseDevicePreferences(storage()?.getItem(DEVICE_PREFERENCES_KEY));
  } catch {
    return {};
  }
}

/** Remembers one choice; a full or refused storage only means the choice is not remembered. */
export function saveDevicePreference(kind: DeviceKind, device: StoredDevice): DevicePreferences {
  const next = { ...loadDevicePreferences(), [kind]: { deviceId: device.deviceId, label: device.label } };
  try {
    storage()?.setItem(DEVICE_PREFERENCES_KEY, serializeDevicePreferences(next));
  } catch {
    // Quota exceeded or storage refused: the choice still applies to this visit.
  }
  return next;
}
