// <calls-layout-select> switches the view: in a room's default meeting and in <calls-meeting> its
// speaker button fires calls-layout-change, the `layout` attribute follows, and the grid gives way
// to the speaker layout (whose large tile decodes the other person's camera); cancelling the event
// keeps the layout; an unknown layout is refused with a calls-error.
import { expect } from '@open-wc/testing';
import '../../src/index.js';
import type { CallsMeetingElement } from '../../src/elements/calls-meeting/calls-meeting.js';
import type { CallsSpeakerLayoutElement } from '../../src/elements/calls-speaker-layout/calls-speaker-layout.js';
import type { CallsTileElement } from '../../src/elements/calls-tile/calls-tile.js';
import type { CallsErrorEvent, CallsLayoutChangeEvent } from '../../src/events/index.js';
import { CallsLayoutChangeEvent as LayoutChange } from '../../src/events/layout-change.js';
import { waitFor, waitForVideoFrames } from './helpers/media.js';
import {
  deepQuery,
  mountRoom,
  nextEvent,
  participantIdOf,
  removeRooms,
  uniqueRoomName,
} from './helpers/room.js';
import { callsTestEnv } from './helpers/test-env.js';

describe('<calls-layout-select>', function () {
  this.timeout(120_000);
  let endpoint: string;

  before(async () => {
    ({
      backend: { endpoint },
    } = await callsTestEnv());
  });

  afterEach(async () => {
    await removeRooms();
    for (const element of document.querySelectorAll('calls-meeting')) element.remove();
  });

  const layoutButton = (root: Element, layout: string) =>
    waitFor(
      () =>
        deepQuery(root, 'calls-layout-select')?.shadowRoot?.querySelector<HTMLButtonElement>(
          `[data-layout="${layout}"]`,
        ),
      { what: `the ${layout} layout button` },
    );

  it('switches the default meeting between grid and speaker, and can be cancelled', async () => {
    const name = uniqueRoomName('layout');
    const ada = mountRoom({ endpoint, room: name, name: 'Ada' });
    const bob = mountRoom({ endpoint, room: name, name: 'Bob' });
    await Promise.all([ada.join(), bob.join()]);
    expect(ada.layout).to.equal('grid');
    const speakerButton = await layoutButton(ada, 'speaker');
    expect(speakerButton.getAttribute('aria-pressed')).to.equal('false');
    expect(speakerButton.getAttribute('aria-label')).to.equal('Speaker');

    // Cancelled: nothing changes.
    ada.addEventListener('calls-layout-change', (event) => event.preventDefault(), { once: true });
    const cancelled = nextEvent<CallsLayoutChangeEvent>(ada, 'calls-layout-change');
    speakerButton.click();
    // The room decides in a microtask queued as the event reached it, so before this line runs.
    expect((await cancelled).detail.layout).to.equal('speaker');
    expect(ada.layout).to.equal('grid');
    expect(ada.shadowRoot!.querySelector('calls-grid')).to.not.equal(null);

    const change = nextEvent<CallsLayoutChangeEvent>(ada, 'calls-layout-change');
    speakerButton.click();
    expect((await change).detail).to.deep.equal({ layout: 'speaker' });
    await waitFor(() => ada.getAttribute('layout') === 'speaker', { what: 'the layout attribute to follow' });
    const speaker = await waitFor(
      () => ada.shadowRoot!.querySelector<CallsSpeakerLayoutElement>('calls-speaker-layout'),
      { what: 'the speaker layout' },
    );
    expect(ada.shadowRoot!.querySelector('calls-grid')).to.equal(null);
    await waitFor(() => speakerButton.getAttribute('aria-pressed') === 'true', { what: 'speaker pressed' });
    // The large tile is Bob (not yourself), and his camera decodes in it.
    const main = await waitFor(
      () => speaker.shadowRoot!.querySelector<CallsTileElement>('[part="main-tile"]'),
      { what: 'the large tile' },
    );
    expect(main.participantId).to.equal(participantIdOf(bob));
    const video = await waitFor(() => (main.videoElement?.srcObject ? main.videoElement : undefined), {
      what: 'video in the large tile',
      timeout: 30_000,
    });
    await waitForVideoFrames(video, 2, 30_000);

    // An unknown layout is refused, not applied.
    const error = nextEvent<CallsErrorEvent>(ada, 'calls-error');
    speaker.dispatchEvent(new LayoutChange({ layout: 'carousel' as never }));
    expect((await error).code).to.equal('invalid_options');
    expect(ada.layout).to.equal('speaker');

    (await layoutButton(ada, 'grid')).click();
    await waitFor(() => ada.shadowRoot!.querySelector('calls-grid'), { what: 'the grid back' });
    expect(ada.getAttribute('layout')).to.equal('grid');
  });

  it('<calls-meeting layout> starts in the speaker layout and its select switches it back', async () => {
    const meeting = document.createElement('calls-meeting') as CallsMeetingElement;
    meeting.endpoint = endpoint;
    meeting.room = uniqueRoomName('meeting-layout');
    meeting.setAttribute('layout', 'speaker');
    document.body.append(meeting);
    await meeting.join();
    const room = meeting.shadowRoot!.querySelector('calls-room')!;
    await waitFor(() => room.querySelector('calls-speaker-layout'), { what: 'the meeting’s speaker layout' });
    expect(room.getAttribute('layout')).to.equal('speaker');
    const change = nextEvent<CallsLayoutChangeEvent>(meeting, 'calls-layout-change');
    (
      await waitFor(
        () =>
          room
            .querySelector('calls-layout-select')
            ?.shadowRoot?.querySelector<HTMLButtonElement>('[data-layout="grid"]'),
        { what: 'the grid button' },
      )
    ).click();
    expect((await change).detail.layout).to.equal('grid');
    await waitFor(() => meeting.getAttribute('layout') === 'grid', {
      what: 'the meeting’s layout attribute',
    });
    await waitFor(() => room.querySelector('calls-grid'), { what: 'the meeting’s grid' });
    expect(room.querySelector('calls-speaker-layout')).to.equal(null);
    await meeting.leave();
  });
});
