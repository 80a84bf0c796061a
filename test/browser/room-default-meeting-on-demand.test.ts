// A <calls-room> imported on its own (a page that composes its own room from a few elements) does
// not load the default meeting, and the kit elements it is made of, until a room without children
// shows it. The first such room loads it once; `updateComplete` covers that render. Every room after
// it shows the meeting at its first render, as on a page that loaded the whole kit up front.
import { expect } from '@open-wc/testing';
import type { LitElement } from 'lit';
import '../../src/elements/calls-room/calls-room.js';
import '../../src/elements/calls-tile/calls-tile.js';

/** Appends a room (with `children`) and counts its updates. */
function mountRoom(...children: Element[]) {
  const room = document.createElement('calls-room');
  room.append(...children);
  const updates = { count: 0 };
  room.addController({ hostUpdated: () => updates.count++ });
  document.body.append(room);
  return { room, updates };
}

describe('<calls-room> imported without the rest of the kit', () => {
  afterEach(() => {
    for (const room of document.querySelectorAll('calls-room')) room.remove();
  });

  it('with children, shows them and loads nothing of the default meeting', async () => {
    const { room } = mountRoom(document.createElement('calls-tile'));
    await room.updateComplete;
    expect(room.shadowRoot?.querySelector('calls-lobby')).to.equal(null);
    for (const tag of ['calls-lobby', 'calls-grid', 'calls-control-bar', 'calls-left-screen']) {
      expect(customElements.get(tag), `${tag} is defined`).to.equal(undefined);
    }
  });

  it('without children, loads the default meeting and shows its lobby once updateComplete resolves', async () => {
    const { room, updates } = mountRoom();
    await room.updateComplete;
    const lobby = room.shadowRoot?.querySelector('calls-lobby');
    expect(lobby?.getAttribute('part')).to.equal('lobby');
    // The call's elements came with it, so joining shows the call without another load.
    for (const tag of ['calls-lobby', 'calls-grid', 'calls-control-bar', 'calls-left-screen']) {
      expect(customElements.get(tag), `${tag} is defined`).to.not.equal(undefined);
    }
    await (lobby as LitElement).updateComplete;
    expect(lobby?.shadowRoot?.childElementCount, 'the lobby rendered').to.be.greaterThan(0);
    expect(updates.count, 'a first render without the meeting, then one with it').to.equal(2);
  });

  it('once loaded, a new room shows the default meeting at its first render', async () => {
    const { room, updates } = mountRoom();
    await room.updateComplete;
    expect(room.shadowRoot?.querySelector('calls-lobby')?.getAttribute('part')).to.equal('lobby');
    expect(updates.count).to.equal(1);
  });
});
