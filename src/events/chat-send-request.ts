export type CallsChatSendRequestDetail = {
  readonly text: string;
  /** A participant id, for a private message to them alone. */
  readonly to?: string;
};

/**
 * Asks the room to send a chat message (the backend sets who sent it). Cancel it to keep the message from being sent.
 * Bubbles, composed and cancelable, like every request event: controls send requests up, the room decides.
 */
export class CallsChatSendRequestEvent extends Event {
  static readonly type = 'calls-chat-send-request';
  readonly detail: CallsChatSendRequestDetail;

  constructor(detail: CallsChatSendRequestDetail) {
    super(CallsChatSendRequestEvent.type, { bubbles: true, composed: true, cancelable: true });
    this.detail = detail;
  }
}
