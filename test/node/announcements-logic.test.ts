// What <calls-room>'s live region says about people already in the room: someone else's camera
// going off and connection dropping, once per change, never about yourself or newcomers.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Participant } from '../../src/core/participant.js';
import { peopleAnnouncements } from '../../src/elements/calls-room/people-announcements.js';
import { english } from '../../src/internal/i18n.js';

const person = (id: string, changes: Partial<Participant> = {}): Participant =>
  ({ id, name: id, isSelf: false, videoEnabled: true, connection: 'connected', ...changes }) as Participant;

describe('peopleAnnouncements', () => {
  it("announces someone else's camera going off and connection dropping", () => {
    const before = [person('Ada'), person('Bob')];
    const after = [person('Ada', { videoEnabled: false }), person('Bob', { connection: 'reconnecting' })];
    assert.deepEqual(peopleAnnouncements(before, after, english), [
      'Ada turned off their camera',
      'Bob is reconnecting',
    ]);
  });
  it('says nothing for what did not change, for a camera turned on, for newcomers or for yourself', () => {
    const before = [person('Ada', { videoEnabled: false }), person('Me', { isSelf: true })];
    const after = [
      person('Ada'),
      person('Me', { isSelf: true, videoEnabled: false, connection: 'reconnecting' }),
      person('New', { videoEnabled: false, connection: 'reconnecting' }),
    ];
    assert.deepEqual(peopleAnnouncements(before, after, english), []);
    assert.deepEqual(peopleAnnouncements(after, after, english), []);
  });
});
