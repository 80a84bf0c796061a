export type CallsJoinRequestDetail = Record<string, never>;

/**
 * Asks the room to join. Cancel it to stop the join (e.g. to show a lobby first).
 * Bubbles, composed and cancelable, like every request event: controls send requests up, the room decides.
 */
export class CallsJoinRequestEvent extends Event {
  static readonly type = 'calls-join-request';
  readonly detail: CallsJoinRequestDetail;

  constructor(detail: CallsJoinRequestDetail = {}) {
    super(CallsJoinRequestEvent.type, { bubbles: true, composed: true, cancelable: true });
    this.detail = detail;
  }
}
