export type CallsParticipantRemoveRequestDetail = { readonly participantId: string };

/**
 * Asks the room to remove another participant (moderators only). Cancel it to do nothing.
 * Bubbles, composed and cancelable, like every request event: controls send requests up, the room decides.
 */
export class CallsParticipantRemoveRequestEvent extends Event {
  static readonly type = 'calls-participant-remove-request';
  readonly detail: CallsParticipantRemoveRequestDetail;

  constructor(detail: CallsParticipantRemoveRequestDetail) {
    super(CallsParticipantRemoveRequestEvent.type, { bubbles: true, composed: true, cancelable: true });
    this.detail = detail;
  }
}
