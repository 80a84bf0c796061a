// Recovery on the backend's side: a participant coming back after a restart (which forgot every
// seat) is recognised by its credential, someone who left is not, and a closing tab is a leave.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { forEachBackend } from './helpers/backends.js';
import { PresenceClient } from './helpers/server-harness.js';

forEachBackend(({ startBackend }) => {
  describe('recovery', { timeout: 20000 }, () => {
    test('after a backend restart, a credential seats the same participant again (not resumed)', async () => {
      const first = await startBackend();
      const alice = await PresenceClient.join(first.roomUrl('restart'), { name: 'Alice' });
      const credential = alice.credential;
      await first.stop();
      await alice.closed;

      // Same secret, nothing remembered: what a restarted process is.
      const second = await startBackend();
      try {
        const bob = await PresenceClient.join(second.roomUrl('restart'), { name: 'Bob' });
        const back = await PresenceClient.join(second.roomUrl('restart'), {
          resume: credential,
          name: 'Alice',
        });
        assert.equal(back.participantId, alice.participantId);
        assert.equal(back.welcome.resumed, false, 'the backend holds none of its earlier record');
        const joined = await bob.next('participant-joined');
        assert.equal((joined.participant as { id: string }).id, alice.participantId);
        // Taking that id again while it is seated resumes it; nobody gets a twin.
        const twin = await PresenceClient.join(second.roomUrl('restart'), { resume: credential });
        assert.equal(twin.participantId, alice.participantId);
        assert.equal((await bob.roomState()).length, 2);
        twin.close();
        bob.close();
      } finally {
        await second.stop();
      }
    });

    test('someone who left, or was closed away as a tab, comes back as a new participant', async () => {
      const backend = await startBackend();
      try {
        const bob = await PresenceClient.join(backend.roomUrl('left'), { name: 'Bob' });
        const alice = await PresenceClient.join(backend.roomUrl('left'), { name: 'Alice' });
        const credential = alice.credential;
        // A browser closing the tab sends 1001: the others see the leave at once, not after the grace.
        alice.close(1001);
        const left = await bob.next('participant-left');
        assert.equal(left.participantId, alice.participantId);
        assert.equal(left.reason, 'left');
        const again = await PresenceClient.join(backend.roomUrl('left'), { resume: credential });
        assert.notEqual(again.participantId, alice.participantId);
        again.close();
        bob.close();
      } finally {
        await backend.stop();
      }
    });
  });
});
