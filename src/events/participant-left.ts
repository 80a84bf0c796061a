import type { Participant } from '../core/participant.js';
import type { LeaveReason } from '../core/protocol.js';

export type CallsParticipantLeftDetail = {
  readonly participant: Participant;
  readonly reason: LeaveReason | 'unknown';
};

/**
 * Emitted by `<calls-room>` when someone else leaves (`reason` as the backend gave it).
 * Bubbles and is composed, so a listener on any ancestor (or the document) hears it.
 */
export class CallsParticipantLeftEvent extends Event {
  static readonly type = 'calls-participant-left';
  readonly detail: CallsParticipantLeftDetail;

  constructor(detail: CallsParticipantLeftDetail) {
    super(CallsParticipantLeftEvent.type, { bubbles: true, composed: true, cancelable: false });
    this.detail = detail;
  }
}
