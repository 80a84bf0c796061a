export type CallsScreenShareStoppedDetail = { readonly participantId: string; readonly isSelf: boolean };

/**
 * Emitted by `<calls-room>` when a screen share ends: stopped from a control or the browser's own
 * "Stop sharing", or its sharer left. Bubbles and is composed.
 */
export class CallsScreenShareStoppedEvent extends Event {
  static readonly type = 'calls-screen-share-stopped';
  readonly detail: CallsScreenShareStoppedDetail;

  constructor(detail: CallsScreenShareStoppedDetail) {
    super(CallsScreenShareStoppedEvent.type, { bubbles: true, composed: true, cancelable: false });
    this.detail = detail;
  }
}
