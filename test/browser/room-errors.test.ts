// Failures reach the host page as `calls-error` events with a code, and the person sees a message.
import { expect } from '@open-wc/testing';
import '../../src/index.js';
import { CallsError } from '../../src/core/errors.js';
import type { CallsErrorEvent } from '../../src/events/index.js';
import { waitFor } from './helpers/media.js';
import { deepQuery, mountRoom, nextEvent, removeRooms, uniqueRoomName } from './helpers/room.js';

describe('<calls-room> errors', () => {
  afterEach(removeRooms);

  it('reports an unreachable backend with a code and a visible message', async () => {
    // Port 9 (discard) has nothing listening on the test machines: the connection is refused.
    const room = mountRoom({ endpoint: 'http://127.0.0.1:9/calls', room: uniqueRoomName(), name: 'Ada' });
    const errorEvent = nextEvent<CallsErrorEvent>(room, 'calls-error');
    let rejection: unknown;
    await room.join().catch((error: unknown) => {
      rejection = error;
    });
    expect(rejection).to.be.instanceOf(CallsError);
    expect((rejection as CallsError).code).to.equal('backend_unreachable');
    const event = await errorEvent;
    expect(event.code).to.equal('backend_unreachable');
    expect(event.detail.code).to.equal('backend_unreachable');
    expect(event.bubbles && event.composed).to.equal(true);
    // Before joining, the lobby's status shows it.
    const message = await waitFor(() => deepQuery(room, '[part="error"]'), { what: 'the visible error' });
    expect(message?.getAttribute('role')).to.equal('alert');
    expect(message?.textContent).to.equal('Could not reach the call server.');
    expect(room.model).to.equal(undefined);
  });

  it('refuses a bad room name before connecting', async () => {
    const room = mountRoom({ endpoint: '/calls', room: '../etc', name: 'Ada' });
    const errorEvent = nextEvent<CallsErrorEvent>(room, 'calls-error');
    await room.join().catch(() => undefined);
    expect((await errorEvent).code).to.equal('invalid_options');
  });
});
