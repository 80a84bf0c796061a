export type CallsMicToggleRequestDetail = { readonly enabled?: boolean };

/**
 * Asks the room to turn the microphone on or off (`enabled` omitted: toggle). Cancel it to keep the microphone as it is.
 * Bubbles, composed and cancelable, like every request event: controls send requests up, the room decides.
 */
export class CallsMicToggleRequestEvent extends Event {
  static readonly type = 'calls-mic-toggle-request';
  readonly detail: CallsMicToggleRequestDetail;

  constructor(detail: CallsMicToggleRequestDetail = {}) {
    super(CallsMicToggleRequestEvent.type, { bubbles: true, composed: true, cancelable: true });
    this.detail = detail;
  }
}
