export type CallsJoinedDetail = { readonly participantId: string; readonly room: string };

/**
 * Emitted by `<calls-room>` once it has joined: presence is up and media is starting.
 * Bubbles and is composed, so a listener on any ancestor (or the document) hears it.
 */
export class CallsJoinedEvent extends Event {
  static readonly type = 'calls-joined';
  readonly detail: CallsJoinedDetail;

  constructor(detail: CallsJoinedDetail) {
    super(CallsJoinedEvent.type, { bubbles: true, composed: true, cancelable: false });
    this.detail = detail;
  }
}
