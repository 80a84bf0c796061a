export type CallsHandToggleRequestDetail = { readonly raised: boolean };

/**
 * Asks the room to raise (`raised: true`) or lower your hand. Cancel it to leave the hand as it is.
 * Bubbles, composed and cancelable, like every request event: controls send requests up, the room decides.
 */
export class CallsHandToggleRequestEvent extends Event {
  static readonly type = 'calls-hand-toggle-request';
  readonly detail: CallsHandToggleRequestDetail;

  constructor(detail: CallsHandToggleRequestDetail) {
    super(CallsHandToggleRequestEvent.type, { bubbles: true, composed: true, cancelable: true });
    this.detail = detail;
  }
}
