export type CallsPinRequestDetail = {
  readonly participantId: string;
  /** `true` pins them (replacing any earlier pin), `false` unpins them. */
  readonly pinned: boolean;
};

/**
 * Asks the room to pin a participant large in its speaker layout, or to unpin them. The pin is this
 * viewer's only: nobody else in the room sees or is told about it. Cancel it to keep the pin as it
 * is. Bubbles, composed and cancelable, like every request event.
 */
export class CallsPinRequestEvent extends Event {
  static readonly type = 'calls-pin-request';
  readonly detail: CallsPinRequestDetail;

  constructor(detail: CallsPinRequestDetail) {
    super(CallsPinRequestEvent.type, { bubbles: true, composed: true, cancelable: true });
    this.detail = detail;
  }
}
