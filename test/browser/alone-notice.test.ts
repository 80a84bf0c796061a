// <calls-alone-notice> in the default meeting: alone in the call it shows the page's address to
// share; a second real participant joining hides it, their leaving brings it back. This test
// browser refuses the clipboard, so Copy takes its refusal path: it says so and selects the link.
import { expect } from '@open-wc/testing';
import '../../src/index.js';
import { waitFor } from './helpers/media.js';
import { deepQuery, mountRoom, removeRooms, uniqueRoomName } from './helpers/room.js';
import { callsTestEnv } from './helpers/test-env.js';

describe('<calls-alone-notice>', function () {
  this.timeout(120_000);

  afterEach(removeRooms);

  it('shows the share link while you are alone, hides while someone else is there', async () => {
    const { backend } = await callsTestEnv();
    const name = uniqueRoomName('alone');
    const ada = mountRoom({ endpoint: backend.endpoint, room: name, name: 'Ada' });
    await ada.join();
    const notice = await waitFor(() => deepQuery(ada, 'calls-alone-notice'), { what: 'the notice' });
    const link = () => notice.shadowRoot!.querySelector<HTMLInputElement>('[part="link"]');
    await waitFor(() => link(), { what: 'the share link' });
    expect(link()!.value).to.equal(location.href);
    expect(notice.shadowRoot!.querySelector('[part="title"]')!.textContent).to.equal(
      "You're the only one here",
    );
    expect(notice.getClientRects().length).to.be.greaterThan(0);

    const copy = notice.shadowRoot!.querySelector<HTMLButtonElement>('[part="copy-button"]')!;
    copy.click();
    const status = notice.shadowRoot!.querySelector('[part="status"]')!;
    await waitFor(() => status.textContent!.trim() !== '', { what: 'the copy result' });
    expect(status.textContent!.trim()).to.equal("Couldn't copy: the link is selected, copy it yourself");
    const field = link()!;
    expect([field.selectionStart, field.selectionEnd]).to.deep.equal([0, location.href.length]);

    const bob = mountRoom({ endpoint: backend.endpoint, room: name, name: 'Bob' });
    await bob.join();
    await waitFor(() => !link() && notice.getClientRects().length === 0, { what: 'the notice to go' });
    await bob.leave();
    await waitFor(() => link()?.value === location.href, { what: 'the notice back after Bob left' });
  });
});
