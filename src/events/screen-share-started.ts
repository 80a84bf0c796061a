export type CallsScreenShareStartedDetail = { readonly participantId: string; readonly isSelf: boolean };

/**
 * Emitted by `<calls-room>` when someone (you too: `isSelf`) starts sharing a screen.
 * Bubbles and is composed, so a listener on any ancestor (or the document) hears it.
 */
export class CallsScreenShareStartedEvent extends Event {
  static readonly type = 'calls-screen-share-started';
  readonly detail: CallsScreenShareStartedDetail;

  constructor(detail: CallsScreenShareStartedDetail) {
    super(CallsScreenShareStartedEvent.type, { bubbles: true, composed: true, cancelable: false });
    this.detail = detail;
  }
}
