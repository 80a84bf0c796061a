// Runs in the `camera-denied` group: a browser context that grants the microphone but not the
// camera, so getUserMedia for video fails with NotAllowedError exactly as when a person says no.
import { expect } from '@open-wc/testing';
import '../../src/index.js';
import type { CallsPublisherElement } from '../../src/elements/calls-publisher/calls-publisher.js';
import type { CallsErrorEvent } from '../../src/events/index.js';
import { waitFor } from './helpers/media.js';
import {
  deepQuery,
  kitButton,
  mountRoom,
  nextEvent,
  participantIdOf,
  removeRooms,
  uniqueRoomName,
} from './helpers/room.js';
import { callsTestEnv } from './helpers/test-env.js';

describe('camera permission denied', () => {
  afterEach(async () => {
    await removeRooms();
    for (const publisher of document.querySelectorAll('calls-publisher')) publisher.remove();
  });

  it('<calls-room> reports camera_denied, shows it, turns the camera off and still joins with sound', async () => {
    const { backend } = await callsTestEnv();
    const room = mountRoom({ endpoint: backend.endpoint, room: uniqueRoomName('denied'), name: 'Ada' });
    const errorEvent = nextEvent<CallsErrorEvent>(room, 'calls-error');
    await room.join();
    const event = await errorEvent;
    expect(event.code).to.equal('camera_denied');
    const shown = await waitFor(() => deepQuery(room, '[part="error"]'), { what: 'the visible error' });
    expect(shown.textContent).to.contain('Camera access was denied');
    await waitFor(() => !room.media.cameraEnabled, { what: 'the camera to turn itself off' });
    const cameraButton = await kitButton(room, 'calls-camera-button');
    await waitFor(() => cameraButton.getAttribute('aria-pressed') === 'false', {
      what: 'the camera button state',
    });
    expect(room.media.micEnabled).to.equal(true);
    expect(participantIdOf(room)).to.be.a('string');
  });

  it('the lobby says where to allow the camera, and joining without it still works', async () => {
    const { backend } = await callsTestEnv();
    const room = mountRoom({ endpoint: backend.endpoint, room: uniqueRoomName('denied-lobby'), name: 'Ada' });
    const help = await waitFor(
      () => deepQuery(room, 'calls-lobby')?.shadowRoot?.querySelector('[part="help"]'),
      {
        what: 'the permission help in the lobby',
      },
    );
    expect(help.getAttribute('role')).to.equal('alert');
    expect(help.textContent).to.contain('Your browser blocks the camera');
    expect(help.textContent).to.contain('address bar');
    const joined = nextEvent(room, 'calls-joined');
    (await kitButton(room, 'calls-join-button')).click();
    await joined;
    expect(room.media.cameraEnabled).to.equal(false);
    expect(room.media.micEnabled).to.equal(true);
  });

  it('<calls-publisher> on its own reports camera_denied', async () => {
    const publisher = document.createElement('calls-publisher') as CallsPublisherElement;
    const errorEvent = nextEvent<CallsErrorEvent>(publisher, 'calls-error');
    document.body.append(publisher);
    expect((await errorEvent).code).to.equal('camera_denied');
    await waitFor(() => publisher.shadowRoot!.querySelector('[part="error"]'), { what: 'the visible error' });
  });
});
