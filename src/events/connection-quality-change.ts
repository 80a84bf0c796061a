import type { ConnectionQuality } from '../core/quality.js';

export type CallsConnectionQualityChangeDetail = {
  readonly participantId: string;
  /** True for yourself: then `quality` is how well your own media reaches the SFU. */
  readonly isSelf: boolean;
  /** `excellent`, `good`, `poor` (over 3 % loss), `bad` (over 5 %), `lost` (nothing arrives) or `unknown`. */
  readonly quality: ConnectionQuality;
};

/**
 * Emitted by `<calls-room>` when the measured quality of someone's media changes, from the
 * connection's own RTP statistics (every 2 s). Bubbles and is composed.
 */
export class CallsConnectionQualityChangeEvent extends Event {
  static readonly type = 'calls-connection-quality-change';
  readonly detail: CallsConnectionQualityChangeDetail;

  constructor(detail: CallsConnectionQualityChangeDetail) {
    super(CallsConnectionQualityChangeEvent.type, { bubbles: true, composed: true, cancelable: false });
    this.detail = detail;
  }
}
