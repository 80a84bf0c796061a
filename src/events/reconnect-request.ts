export type CallsReconnectRequestDetail = Record<string, never>;

/**
 * Asks the room to reconnect now instead of at its next scheduled attempt (the banner's "Retry
 * now"), or to join again after it gave up. Bubbles, composed and cancelable, like every request.
 */
export class CallsReconnectRequestEvent extends Event {
  static readonly type = 'calls-reconnect-request';
  readonly detail: CallsReconnectRequestDetail;

  constructor(detail: CallsReconnectRequestDetail = {}) {
    super(CallsReconnectRequestEvent.type, { bubbles: true, composed: true, cancelable: true });
    this.detail = detail;
  }
}
