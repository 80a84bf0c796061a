import type { Participant } from '../../core/participant.js';
import type { Translation } from '../../internal/i18n.js';

/**
 * What the room's live region says about changes to people who were already there: their camera
 * went off, or their connection dropped. Joins and leaves are announced from the room's events, a
 * raised hand by `<calls-toasts>` and reactions by each tile's overlay, so they are not repeated here.
 * Your own changes are not announced: you made them (or your connection banner says so).
 */
export function peopleAnnouncements(
  before: readonly Participant[],
  after: readonly Participant[],
  t: Pick<Translation, 'cameraTurnedOff' | 'isReconnecting'>,
): string[] {
  const earlier = new Map(before.map((person) => [person.id, person]));
  const said: string[] = [];
  for (const person of after) {
    const was = earlier.get(person.id);
    if (!was || person.isSelf) continue;
    if (was.videoEnabled && !person.videoEnabled) said.push(t.cameraTurnedOff(person.name));
    if (was.connection !== 'reconnecting' && person.connection === 'reconnecting')
      said.push(t.isReconnecting(person.name));
  }
  return said;
}
