export type CallsLeaveRequestDetail = Record<string, never>;

/**
 * Asks the room to leave. Cancel it to keep the person in the room (e.g. to confirm first).
 * Bubbles, composed and cancelable, like every request event: controls send requests up, the room decides.
 */
export class CallsLeaveRequestEvent extends Event {
  static readonly type = 'calls-leave-request';
  readonly detail: CallsLeaveRequestDetail;

  constructor(detail: CallsLeaveRequestDetail = {}) {
    super(CallsLeaveRequestEvent.type, { bubbles: true, composed: true, cancelable: true });
    this.detail = detail;
  }
}
