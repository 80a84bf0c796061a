export type CallsScreenShareToggleRequestDetail = { readonly enabled?: boolean };

/**
 * Asks the room to start or stop sharing your screen (`enabled` omitted: toggle). Starting opens the
 * browser's picker, so send it while handling a click. Cancel it to leave sharing as it is.
 * Bubbles, composed and cancelable, like every request event: controls send requests up, the room decides.
 */
export class CallsScreenShareToggleRequestEvent extends Event {
  static readonly type = 'calls-screen-share-toggle-request';
  readonly detail: CallsScreenShareToggleRequestDetail;

  constructor(detail: CallsScreenShareToggleRequestDetail = {}) {
    super(CallsScreenShareToggleRequestEvent.type, { bubbles: true, composed: true, cancelable: true });
    this.detail = detail;
  }
}
