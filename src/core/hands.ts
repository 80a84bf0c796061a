import type { Participant } from './participant.js';

/**
 * Numbers raised hands 1, 2, 3… in the order the backend raised them (`handRaisedAt`, which the
 * server keeps strictly increasing); a revision-1 backend sends no times, so join order decides there.
 * Returns new objects only for the participants whose place changed.
 */
export function withHandOrder(people: readonly Participant[]): Participant[] {
  const raised = people
    .filter((person) => person.handRaised)
    .sort(
      (a, b) =>
        (a.handRaisedAt ?? Number.POSITIVE_INFINITY) - (b.handRaisedAt ?? Number.POSITIVE_INFINITY) ||
        a.joinedAt - b.joinedAt,
    );
  const order = new Map(raised.map((person, index) => [person.id, index + 1]));
  return people.map((person) => {
    const handOrder = order.get(person.id) ?? null;
    return handOrder === person.handOrder ? person : { ...person, handOrder };
  });
}

/** Raised hands, first raised first. */
export function raisedHands(people: readonly Participant[]): Participant[] {
  return people
    .filter((person) => person.handOrder !== null)
    .sort((a, b) => (a.handOrder as number) - (b.handOrder as number));
}
