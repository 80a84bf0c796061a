export type CallsReactionRequestDetail = { readonly emoji: string };

/**
 * Asks the room to send a reaction, one of the emoji the backend accepts. Cancel it to send nothing.
 * Bubbles, composed and cancelable, like every request event: controls send requests up, the room decides.
 */
export class CallsReactionRequestEvent extends Event {
  static readonly type = 'calls-reaction-request';
  readonly detail: CallsReactionRequestDetail;

  constructor(detail: CallsReactionRequestDetail) {
    super(CallsReactionRequestEvent.type, { bubbles: true, composed: true, cancelable: true });
    this.detail = detail;
  }
}
