export type CallsJoinRequestDetail = {
  /** The name the person chose (a lobby's name field), for backends that let people choose it. */
  readonly displayName?: string;
};

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
