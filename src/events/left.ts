import type { CallsErrorCode } from '../core/errors.js';

export type CallsLeftDetail = { readonly reason: 'left' | CallsErrorCode };

/**
 * Emitted by `<calls-room>` when it is no longer in the room: `reason` is `left` after `leave()`, else the error code that ended it.
 * Bubbles and is composed, so a listener on any ancestor (or the document) hears it.
 */
export class CallsLeftEvent extends Event {
  static readonly type = 'calls-left';
  readonly detail: CallsLeftDetail;

  constructor(detail: CallsLeftDetail) {
    super(CallsLeftEvent.type, { bubbles: true, composed: true, cancelable: false });
    this.detail = detail;
  }
}
