import type { CallsError, CallsErrorCode } from '../core/errors.js';

export interface CallsErrorDetail {
  readonly code: CallsErrorCode;
  readonly message: string;
  readonly error: CallsError;
}

/**
 * Emitted by `<calls-room>` (and `<calls-publisher>` on its own) when something goes wrong. Branch
 * on `code` (also on `detail.code`); `message` is for logs, the element shows a translated one.
 */
export class CallsErrorEvent extends Event {
  static readonly type = 'calls-error';
  readonly detail: CallsErrorDetail;

  constructor(error: CallsError) {
    super(CallsErrorEvent.type, { bubbles: true, composed: true });
    this.detail = { code: error.code, message: error.message, error };
  }

  get code(): CallsErrorCode {
    return this.detail.code;
  }
}
