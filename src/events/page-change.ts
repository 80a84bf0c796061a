export type CallsPageChangeDetail = {
  /** The page now shown, from 0. */
  readonly page: number;
  readonly pages: number;
};

/**
 * Emitted by `<calls-grid>` when a person turns the page (buttons, keys, swipe or its methods).
 * Bubbles and is composed.
 */
export class CallsPageChangeEvent extends Event {
  static readonly type = 'calls-page-change';
  readonly detail: CallsPageChangeDetail;

  constructor(detail: CallsPageChangeDetail) {
    super(CallsPageChangeEvent.type, { bubbles: true, composed: true, cancelable: false });
    this.detail = detail;
  }
}
