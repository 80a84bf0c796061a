// <calls-device-select> and <calls-settings>: the pickers list Chromium's fake devices, a choice
// goes up as a cancelable request the room honours (the published microphone comes from the chosen
// device), it is remembered for the next visit, a chosen device unplugged while in use falls back
// to the default with a typed notice, and the settings dialog opens with the pickers and a working
// microphone meter. Chromium's fake devices: "Fake Default Audio Input", "Fake Audio Input 1" and
// "2", one camera, and the matching outputs.
import { expect } from '@open-wc/testing';
import { firstValueFrom } from 'rxjs';
import '../../src/index.js';
import { DEVICE_PREFERENCES_KEY } from '../../src/core/device-preferences.js';
import type { CallsDeviceSelectElement } from '../../src/elements/calls-device-select/calls-device-select.js';
import type { CallsRoomElement } from '../../src/elements/calls-room/calls-room.js';
import type { CallsSettingsElement } from '../../src/elements/calls-settings/calls-settings.js';
import type { CallsDeviceLostEvent } from '../../src/events/device-lost.js';
import { waitFor } from './helpers/media.js';
import { mountRoom, nextEvent, removeRooms, uniqueRoomName } from './helpers/room.js';
import { callsTestEnv } from './helpers/test-env.js';

/** The picker's native select once it lists devices with their labels. */
async function listedSelect(element: CallsDeviceSelectElement, minimum = 2): Promise<HTMLSelectElement> {
  return waitFor(
    () => {
      const select = element.selectElement;
      const labelled = [...(select?.options ?? [])].filter((option) => option.textContent?.includes('Fake'));
      return select && labelled.length >= minimum ? select : undefined;
    },
    { what: `<calls-device-select kind="${element.kind}"> to list the fake devices` },
  );
}

/** Picks `deviceId` as a person does: sets the value and fires `change`. */
function choose(select: HTMLSelectElement, deviceId: string): void {
  select.value = deviceId;
  select.dispatchEvent(new Event('change', { bubbles: true }));
}

async function fakeInput(label: string): Promise<MediaDeviceInfo> {
  const devices = await navigator.mediaDevices.enumerateDevices();
  const device = devices.find((d) => d.kind === 'audioinput' && d.label === label);
  if (!device) throw new Error(`no "${label}" among ${devices.map((d) => d.label).join(', ')}`);
  return device;
}

/** The device the room publishes its microphone from (the pushed track's own settings). */
async function publishedMicDevice(room: CallsRoomElement): Promise<string | undefined> {
  const track = await firstValueFrom(room.media.micTrack$);
  return track.getSettings().deviceId;
}

describe('device choice', () => {
  let endpoint: string;

  before(async () => {
    ({
      backend: { endpoint },
    } = await callsTestEnv());
    // Labels appear once the page may use the devices.
    const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    for (const track of stream.getTracks()) track.stop();
  });

  beforeEach(() => localStorage.removeItem(DEVICE_PREFERENCES_KEY));

  afterEach(async () => {
    await removeRooms();
    for (const element of document.querySelectorAll('[data-kit-test]')) element.remove();
    localStorage.removeItem(DEVICE_PREFERENCES_KEY);
  });

  it('<calls-device-select> inside a room: lists the microphones, switches the published one, remembers it', async () => {
    const room = mountRoom({
      endpoint,
      room: uniqueRoomName('devices'),
      name: 'Ada',
      inner: '<calls-device-select kind="audioinput"></calls-device-select>',
    });
    const picker = room.querySelector('calls-device-select') as CallsDeviceSelectElement;
    const select = await listedSelect(picker);
    expect(select.value, 'the default device before any choice').to.equal('default');
    expect(picker.shadowRoot?.querySelector('[part="label"]')?.textContent).to.equal('Microphone');

    await room.join();
    await waitFor(async () => (await publishedMicDevice(room)) === 'default', {
      what: 'the default microphone to be published',
    });

    const second = await fakeInput('Fake Audio Input 2');
    const requests: CustomEvent[] = [];
    document.addEventListener('calls-device-select-request', (event) => requests.push(event as CustomEvent), {
      once: true,
    });
    choose(select, second.deviceId);
    expect(requests).to.have.length(1);
    expect(requests[0]?.detail).to.deep.equal({ kind: 'audioinput', deviceId: second.deviceId });
    expect([requests[0]?.bubbles, requests[0]?.composed, requests[0]?.cancelable]).to.deep.equal([
      true,
      true,
      true,
    ]);

    await waitFor(async () => (await publishedMicDevice(room)) === second.deviceId, {
      what: 'the published microphone to come from "Fake Audio Input 2"',
    });
    expect(JSON.parse(localStorage.getItem(DEVICE_PREFERENCES_KEY) ?? '{}').audioinput).to.deep.equal({
      deviceId: second.deviceId,
      label: 'Fake Audio Input 2',
    });

    // The next visit (a new room element, with its own devices) starts from the remembered choice.
    await removeRooms();
    const again = mountRoom({
      endpoint,
      room: uniqueRoomName('devices-again'),
      name: 'Ada',
      inner: '<calls-device-select kind="audioinput"></calls-device-select>',
    });
    const nextSelect = await listedSelect(
      again.querySelector('calls-device-select') as CallsDeviceSelectElement,
    );
    await waitFor(() => nextSelect.value === second.deviceId, {
      what: 'the remembered microphone to be selected',
    });
    await again.join();
    await waitFor(async () => (await publishedMicDevice(again)) === second.deviceId, {
      what: 'the remembered microphone to be published on the next visit',
    });
  });

  it('a cancelled choice keeps the device in use and is not remembered', async () => {
    const room = mountRoom({
      endpoint,
      room: uniqueRoomName('devices-cancel'),
      name: 'Ada',
      inner: '<calls-device-select kind="audioinput"></calls-device-select>',
    });
    const picker = room.querySelector('calls-device-select') as CallsDeviceSelectElement;
    const select = await listedSelect(picker);
    const first = await fakeInput('Fake Audio Input 1');
    document.addEventListener('calls-device-select-request', (event) => event.preventDefault(), {
      once: true,
    });
    choose(select, first.deviceId);
    await picker.updateComplete;
    expect(select.value).to.equal('default');
    await new Promise<void>((resolve) => queueMicrotask(() => queueMicrotask(resolve)));
    expect(localStorage.getItem(DEVICE_PREFERENCES_KEY)).to.equal(null);
    expect(await firstValueFrom(room.media.selectedDeviceId$('audioinput'))).to.equal('default');
  });

  it('outside the room with room="<id>"; a speaker choice plays the room through that speaker', async () => {
    const room = mountRoom({ endpoint, room: uniqueRoomName('devices-outside'), name: 'Ada' });
    room.id = uniqueRoomName('controller');
    const picker = document.createElement('calls-device-select');
    picker.kind = 'audiooutput';
    picker.setAttribute('room', room.id);
    picker.dataset.kitTest = '';
    // Above the rooms, so the rooms' grids keep their place when it renders.
    document.body.prepend(picker);
    const select = await listedSelect(picker);
    expect(select.disabled, 'Chromium can choose speakers').to.equal(false);
    const speaker = [...select.options].find(
      (option) => option.textContent?.trim() === 'Fake Audio Output 1',
    );
    if (!speaker) throw new Error('no "Fake Audio Output 1" listed');

    await room.join();
    const errors: string[] = [];
    room.addEventListener('calls-error', (event) => errors.push(event.code));
    choose(select, speaker.value);
    await waitFor(() => room.model?.audioOutput?.sinkId === speaker.value, {
      what: "the room's audio sink to play through Fake Audio Output 1",
    });
    // Someone speaks: their microphone plays through the chosen speaker, not the default.
    // Grace needs no view of her own; only her microphone matters here.
    const grace = mountRoom({ endpoint, room: room.room, name: 'Grace', inner: '<span></span>' });
    await grace.join();
    const output = room.model?.audioOutput;
    await waitFor(
      () => output?.element.srcObject === output?.stream && output?.stream.getAudioTracks().length === 1,
      {
        what: "Grace's microphone to play in Ada's room",
      },
    );
    expect(output?.sinkId).to.equal(speaker.value);
    expect(errors).to.deep.equal([]);
  });

  it('a chosen microphone unplugged while in use falls back to the default and says so', async () => {
    const room = mountRoom({
      endpoint,
      room: uniqueRoomName('devices-unplug'),
      name: 'Ada',
      inner: '<calls-device-select kind="audioinput"></calls-device-select>',
    });
    const picker = room.querySelector('calls-device-select') as CallsDeviceSelectElement;
    const select = await listedSelect(picker);
    const second = await fakeInput('Fake Audio Input 2');
    await room.join();
    choose(select, second.deviceId);
    await waitFor(async () => (await publishedMicDevice(room)) === second.deviceId, {
      what: 'the chosen microphone to be published',
    });

    // Unplugging, as the page sees it: the browser stops listing the device and fires devicechange.
    // (Chromium's fake devices cannot be unplugged; the page-facing half of it is what we replay.)
    const realEnumerate = navigator.mediaDevices.enumerateDevices.bind(navigator.mediaDevices);
    navigator.mediaDevices.enumerateDevices = async () =>
      (await realEnumerate()).filter((device) => device.deviceId !== second.deviceId);
    try {
      const lost = nextEvent<CallsDeviceLostEvent>(room, 'calls-device-lost');
      navigator.mediaDevices.dispatchEvent(new Event('devicechange'));
      const notice = await lost;
      expect(notice.code).to.equal('device_lost');
      expect(notice.detail).to.deep.equal({
        code: 'device_lost',
        kind: 'audioinput',
        lost: { deviceId: second.deviceId, label: 'Fake Audio Input 2' },
      });
      await waitFor(async () => (await publishedMicDevice(room)) === 'default', {
        what: 'the default microphone to take over',
      });
      await waitFor(() => select.value === 'default' && select.options.length === 2, {
        what: 'the picker to drop the device and show the default',
      });
    } finally {
      navigator.mediaDevices.enumerateDevices = realEnumerate;
    }
    // Plugged back in: it is listed again, and the remembered choice takes over again.
    navigator.mediaDevices.dispatchEvent(new Event('devicechange'));
    await waitFor(() => select.options.length === 3 && select.value === second.deviceId, {
      what: 'the device to reappear in the list, chosen again',
    });
  });

  it('<calls-settings> opens a dialog with the three pickers and a microphone meter that hears the fake microphone', async () => {
    const room = mountRoom({
      endpoint,
      room: uniqueRoomName('settings'),
      name: 'Ada',
      inner: '<calls-settings></calls-settings>',
    });
    const settings = room.querySelector('calls-settings') as CallsSettingsElement;
    await settings.updateComplete;
    const trigger = settings.shadowRoot?.querySelector<HTMLButtonElement>('[part="trigger"]');
    expect(trigger?.textContent?.trim()).to.equal('Settings');
    expect(settings.dialogElement?.open).to.equal(false);

    trigger?.click();
    await settings.updateComplete;
    expect(settings.dialogElement?.open).to.equal(true);
    const pickers = [...(settings.shadowRoot?.querySelectorAll('calls-device-select') ?? [])];
    expect(pickers.map((picker) => picker.kind)).to.deep.equal(['videoinput', 'audioinput', 'audiooutput']);
    await listedSelect(pickers[1] as CallsDeviceSelectElement);

    // Chromium's fake microphone beeps; the meter must move with it.
    const meter = settings.shadowRoot?.querySelector('[part="mic-meter"]');
    await waitFor(() => Number(meter?.getAttribute('aria-valuenow')) > 0, {
      what: 'the microphone meter to move',
    });

    settings.shadowRoot?.querySelector<HTMLButtonElement>('[part="close-button"]')?.click();
    await settings.updateComplete;
    expect(settings.open).to.equal(false);
    expect(settings.dialogElement?.open).to.equal(false);
  });
});
