export type CallsPanelToggleDetail = {
  /** The id of the panel (`<calls-chat>`, `<calls-participant-list>`, …) being opened or closed. */
  readonly panel: string;
  /** True when it is about to open. */
  readonly open: boolean;
};

/**
 * A panel toggle (`<calls-chat-button>`, `<calls-participants-button>`) is about to show or hide its
 * panel. Cancel it to keep the panel as it is (e.g. to open it in your own drawer instead).
 */
export class CallsPanelToggleEvent extends Event {
  static readonly type = 'calls-panel-toggle';
  readonly detail: CallsPanelToggleDetail;

  constructor(detail: CallsPanelToggleDetail) {
    super(CallsPanelToggleEvent.type, { bubbles: true, composed: true, cancelable: true });
    this.detail = detail;
  }
}
