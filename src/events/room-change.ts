export type CallsRoomChangeDetail = {
  /** Where the element was: `{ endpoint, room }`. */
  readonly from: { readonly endpoint: string; readonly room: string };
  /** Where it goes now. */
  readonly to: { readonly endpoint: string; readonly room: string };
};

/**
 * Emitted by `<calls-room>` when its `endpoint` or `room` changed while it was in (or joining) a
 * room: it leaves the old room (`calls-left` follows) and joins the new one (`calls-joined`).
 * Bubbles and is composed, so a listener on any ancestor (or the document) hears it.
 */
export class CallsRoomChangeEvent extends Event {
  static readonly type = 'calls-room-change';
  readonly detail: CallsRoomChangeDetail;

  constructor(detail: CallsRoomChangeDetail) {
    super(CallsRoomChangeEvent.type, { bubbles: true, composed: true, cancelable: false });
    this.detail = detail;
  }
}
