/** The layouts a room's default meeting (and `<calls-meeting>`) can show. */
export type CallsLayout = 'grid' | 'speaker';

export type CallsLayoutChangeDetail = { readonly layout: CallsLayout };

/**
 * Sent by `<calls-layout-select>` when the person picks a layout; the room then sets its `layout`
 * attribute (and its default meeting follows). Cancel it to keep the layout. Bubbles, composed
 * and cancelable, like a request event.
 */
export class CallsLayoutChangeEvent extends Event {
  static readonly type = 'calls-layout-change';
  readonly detail: CallsLayoutChangeDetail;

  constructor(detail: CallsLayoutChangeDetail) {
    super(CallsLayoutChangeEvent.type, { bubbles: true, composed: true, cancelable: true });
    this.detail = detail;
  }
}
