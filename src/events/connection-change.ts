import type { ConnectionState } from '../core/presence-client.js';

export type CallsConnectionChangeDetail = { readonly state: ConnectionState };

/**
 * Emitted by `<calls-room>` when its connection state changes (connecting, connected, reconnecting, disconnected).
 * Bubbles and is composed, so a listener on any ancestor (or the document) hears it.
 */
export class CallsConnectionChangeEvent extends Event {
  static readonly type = 'calls-connection-change';
  readonly detail: CallsConnectionChangeDetail;

  constructor(detail: CallsConnectionChangeDetail) {
    super(CallsConnectionChangeEvent.type, { bubbles: true, composed: true, cancelable: false });
    this.detail = detail;
  }
}
