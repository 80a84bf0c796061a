// Pure logic of devices and screen share: which device to use after a change, when a device in use
// counts as lost, what a stored preference may contain, who started or stopped sharing a screen.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  DEVICE_PREFERENCES_KEY,
  loadDevicePreferences,
  parseDevicePreferences,
  saveDevicePreference,
  serializeDevicePreferences,
} from '../../src/core/device-preferences.js';
import { chooseDevice, lostDevice } from '../../src/core/devices.js';
import { type ScreenSharer, screenShareChanges } from '../../src/core/screen-share.js';

const mic = (deviceId: string, label: string) => ({ kind: 'audioinput', deviceId, label });
const defaultMic = mic('default', 'Default - Built-in');
const builtIn = mic('b1', 'Built-in');
const headset = mic('h1', 'Headset');

describe('chooseDevice', () => {
  it('uses the chosen device by id', () => {
    assert.equal(chooseDevice([defaultMic, builtIn, headset], { deviceId: 'h1', label: 'Headset' }), headset);
  });

  it('finds the chosen device by label when its id changed since it was stored', () => {
    const renamed = mic('h2', 'Headset');
    assert.equal(chooseDevice([defaultMic, builtIn, renamed], { deviceId: 'h1', label: 'Headset' }), renamed);
  });

  it('falls back to the default device when the chosen one is gone', () => {
    assert.equal(chooseDevice([builtIn, defaultMic], { deviceId: 'h1', label: 'Headset' }), defaultMic);
  });

  it('falls back to the first device where the browser lists no default entry', () => {
    assert.equal(chooseDevice([builtIn, headset], { deviceId: 'gone', label: '' }), builtIn);
    assert.equal(chooseDevice([builtIn, headset], undefined), builtIn);
  });

  it('does not match an empty label (labels are empty before permission)', () => {
    const unlabeled = mic('x', '');
    assert.equal(chooseDevice([defaultMic, unlabeled], { deviceId: 'gone', label: '' }), defaultMic);
  });

  it('chooses nothing from an empty list', () => {
    assert.equal(chooseDevice([], { deviceId: 'h1', label: 'Headset' }), undefined);
  });
});

describe('lostDevice', () => {
  it('reports the device in use that the new list no longer has', () => {
    assert.equal(lostDevice([defaultMic, builtIn, headset], [defaultMic, builtIn], 'h1'), headset);
  });

  it('reports nothing while the device in use is still listed (another one was unplugged)', () => {
    assert.equal(lostDevice([defaultMic, builtIn, headset], [defaultMic, headset], 'h1'), undefined);
  });

  it('reports nothing for a device that only appeared', () => {
    assert.equal(lostDevice([defaultMic, builtIn], [defaultMic, builtIn, headset], 'b1'), undefined);
  });

  it('never reports the default entry, which the browser re-points', () => {
    assert.equal(lostDevice([defaultMic, builtIn], [builtIn], 'default'), undefined);
  });

  it('reports nothing when the device was not listed before either, or none is in use', () => {
    assert.equal(lostDevice([defaultMic], [defaultMic], 'h1'), undefined);
    assert.equal(lostDevice([defaultMic, headset], [defaultMic], undefined), undefined);
  });
});

describe('parseDevicePreferences', () => {
  it('reads what serializeDevicePreferences wrote', () => {
    const preferences = {
      audioinput: { deviceId: 'h1', label: 'Headset' },
      videoinput: { deviceId: 'c1', label: 'Camera' },
      audiooutput: { deviceId: 's1', label: 'Speakers' },
    };
    assert.deepEqual(parseDevicePreferences(serializeDevicePreferences(preferences)), preferences);
  });

  it('answers no preferences for nothing, broken JSON and non-objects', () => {
    for (const text of [null, undefined, '', '{', 'null', '42', '"x"', '[]', '[{"deviceId":"a"}]']) {
      assert.deepEqual(parseDevicePreferences(text), {}, String(text));
    }
  });

  it('keeps the well-formed entries and drops the rest', () => {
    const text = JSON.stringify({
      audioinput: { deviceId: 'h1', label: 'Headset' },
      videoinput: { deviceId: 7, label: 'Camera' },
      audiooutput: 'speakers',
      screen: { deviceId: 'x', label: 'not a kind' },
    });
    assert.deepEqual(parseDevicePreferences(text), { audioinput: { deviceId: 'h1', label: 'Headset' } });
  });

  it('refuses empty and oversized ids, and reads a missing label as empty', () => {
    const text = JSON.stringify({
      audioinput: { deviceId: '' },
      videoinput: { deviceId: 'x'.repeat(513) },
      audiooutput: { deviceId: 's1' },
    });
    assert.deepEqual(parseDevicePreferences(text), { audiooutput: { deviceId: 's1', label: '' } });
  });
});

describe('device preferences in storage', () => {
  it('are empty, and saving is harmless, where there is no localStorage (Node, SSR)', () => {
    assert.equal((globalThis as { localStorage?: unknown }).localStorage, undefined);
    assert.deepEqual(loadDevicePreferences(), {});
    assert.deepEqual(saveDevicePreference('audiooutput', { deviceId: 's1', label: 'Speakers' }), {
      audiooutput: { deviceId: 's1', label: 'Speakers' },
    });
  });

  it('are saved per kind under one key, keeping the other kinds', () => {
    const items = new Map<string, string>();
    const storage = {
      getItem: (key: string) => items.get(key) ?? null,
      setItem: (key: string, value: string) => void items.set(key, value),
    };
    const globals = globalThis as { localStorage?: unknown };
    globals.localStorage = storage;
    try {
      saveDevicePreference('audioinput', { deviceId: 'h1', label: 'Headset' });
      saveDevicePreference('videoinput', { deviceId: 'c1', label: 'Camera' });
      assert.deepEqual(JSON.parse(items.get(DEVICE_PREFERENCES_KEY) ?? ''), {
        audioinput: { deviceId: 'h1', label: 'Headset' },
        videoinput: { deviceId: 'c1', label: 'Camera' },
      });
      assert.deepEqual(loadDevicePreferences().videoinput, { deviceId: 'c1', label: 'Camera' });
    } finally {
      delete globals.localStorage;
    }
  });
});

describe('screenShareChanges', () => {
  const ref = { sessionId: 's', trackName: 't' };
  const sharer = (id: string, on: boolean, screenshare: unknown, isSelf = false): ScreenSharer => ({
    id,
    isSelf,
    screenshareEnabled: on,
    tracks: { screenshare },
  });

  it('reports a remote share once its track is published, and its end', () => {
    const started = screenShareChanges([sharer('a', true, null)], [sharer('a', true, ref)]);
    assert.deepEqual(started, [{ type: 'screen-share-started', participantId: 'a', isSelf: false }]);
    assert.deepEqual(screenShareChanges([sharer('a', true, ref)], [sharer('a', false, null)]), [
      { type: 'screen-share-stopped', participantId: 'a', isSelf: false },
    ]);
  });

  it('reports your own share as soon as it is on', () => {
    assert.deepEqual(
      screenShareChanges([sharer('me', false, null, true)], [sharer('me', true, null, true)]),
      [{ type: 'screen-share-started', participantId: 'me', isSelf: true }],
    );
  });

  it('reports a sharer who leaves as stopped, and nothing while nothing changes', () => {
    assert.deepEqual(screenShareChanges([sharer('a', true, ref)], []), [
      { type: 'screen-share-stopped', participantId: 'a', isSelf: false },
    ]);
    assert.deepEqual(screenShareChanges([sharer('a', true, ref)], [sharer('a', true, ref)]), []);
  });
});
