// Chat and raised hands through the Workers adapter (the room's Durable Object in workerd): the other
// side's elements show them, and a late joiner gets the history the object kept.
import { expect } from '@open-wc/testing';
import '../../src/index.js';
import type { CallsChatElement } from '../../src/elements/calls-chat/calls-chat.js';
import { waitFor } from './helpers/media.js';
import { inside, messagesIn, part, parts, typeAndEnter } from './helpers/people.js';
import { mountRoom, removeRooms, uniqueRoomName } from './helpers/room.js';
import type { WorkersTestEnv } from './helpers/workers-backend-plugin.js';

// Kept as a literal (not imported from the plugin) so the browser never loads the Node-side module.
const WORKERS_ENV_MODULE = '/__calls-workers-env.js';

describe('people through the Workers backend', () => {
  let endpoint: string;

  before(async () => {
    ({ endpoint } = (
      (await import(/* @vite-ignore */ WORKERS_ENV_MODULE)) as { default: WorkersTestEnv }
    ).default);
  });

  afterEach(removeRooms);

  it('chat reaches the other room, a late joiner gets the history, a raised hand shows in the list', async () => {
    const room = uniqueRoomName('workers-people');
    const inner = '<calls-chat></calls-chat><calls-participant-list></calls-participant-list>';
    const ada = mountRoom({ endpoint, room, name: 'Ada', inner });
    const bob = mountRoom({ endpoint, room, name: 'Bob', inner });
    await Promise.all([ada.join(), bob.join()]);
    const adaChat = inside(ada, 'calls-chat') as CallsChatElement;
    await waitFor(() => !part(adaChat, 'input')?.hasAttribute('disabled'), { what: "Ada's chat to enable" });
    typeAndEnter(adaChat, 'hello from a Durable Object room <b>not bold</b>');
    const bobChat = inside(bob, 'calls-chat');
    await waitFor(() => messagesIn(bobChat).length === 1, { what: "the message in Bob's chat" });
    expect(messagesIn(bobChat)).to.deep.equal([
      { sender: 'Ada', text: 'hello from a Durable Object room <b>not bold</b>' },
    ]);
    expect(bobChat?.shadowRoot?.querySelector('b')).to.equal(null);

    await bob.model!.raiseHand();
    const adaList = inside(ada, 'calls-participant-list');
    await waitFor(() => parts(adaList, 'participant')[0]?.dataset.hand === '1', {
      what: "Bob's hand in Ada's list",
    });
    expect(parts(adaList, 'participant')[0]?.querySelector('[part="name"]')?.textContent).to.equal('Bob');

    const cara = mountRoom({ endpoint, room, name: 'Cara', inner });
    await cara.join();
    await waitFor(() => messagesIn(inside(cara, 'calls-chat')).length === 1, { what: "Cara's history" });
    expect(messagesIn(inside(cara, 'calls-chat'))[0]?.sender).to.equal('Ada');
  });
});
