import type { Participant } from '../core/participant.js';

export type CallsParticipantJoinedDetail = { readonly participant: Participant };

/**
 * Emitted by `<calls-room>` when someone else joins.
 * Bubbles and is composed, so a listener on any ancestor (or the document) hears it.
 */
export class CallsParticipantJoinedEvent extends Event {
  static readonly type = 'calls-participant-joined';
  readonly detail: CallsParticipantJoinedDetail;

  constructor(detail: CallsParticipantJoinedDetail) {
    super(CallsParticipantJoinedEvent.type, { bubbles: true, composed: true, cancelable: false });
    this.detail = detail;
  }
}
