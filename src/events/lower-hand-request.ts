export type CallsLowerHandRequestDetail = { readonly participantId: string };

/**
 * Asks the room to lower another participant's hand (moderators only). Cancel it to do nothing.
 * Bubbles, composed and cancelable, like every request event: controls send requests up, the room decides.
 */
export class CallsLowerHandRequestEvent extends Event {
  static readonly type = 'calls-lower-hand-request';
  readonly detail: CallsLowerHandRequestDetail;

  constructor(detail: CallsLowerHandRequestDetail) {
    super(CallsLowerHandRequestEvent.type, { bubbles: true, composed: true, cancelable: true });
    this.detail = detail;
  }
}
