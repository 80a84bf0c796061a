export type CallsCameraToggleRequestDetail = { readonly enabled?: boolean };

/**
 * Asks the room to turn the camera on or off (`enabled` omitted: toggle). Cancel it to keep the camera as it is.
 * Bubbles, composed and cancelable, like every request event: controls send requests up, the room decides.
 */
export class CallsCameraToggleRequestEvent extends Event {
  static readonly type = 'calls-camera-toggle-request';
  readonly detail: CallsCameraToggleRequestDetail;

  constructor(detail: CallsCameraToggleRequestDetail = {}) {
    super(CallsCameraToggleRequestEvent.type, { bubbles: true, composed: true, cancelable: true });
    this.detail = detail;
  }
}
