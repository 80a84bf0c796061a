export type CallsActiveSpeakerChangeDetail = { readonly participantId: string | null };

/**
 * Emitted by `<calls-room>` when another participant becomes the active speaker.
 * Bubbles and is composed, so a listener on any ancestor (or the document) hears it.
 */
export class CallsActiveSpeakerChangeEvent extends Event {
  static readonly type = 'calls-active-speaker-change';
  readonly detail: CallsActiveSpeakerChangeDetail;

  constructor(detail: CallsActiveSpeakerChangeDetail) {
    super(CallsActiveSpeakerChangeEvent.type, { bubbles: true, composed: true, cancelable: false });
    this.detail = detail;
  }
}
