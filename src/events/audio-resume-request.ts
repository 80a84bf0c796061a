export type CallsAudioResumeRequestDetail = Record<string, never>;

/**
 * Asks the room to start the sound the browser blocked; dispatch it from a click.
 * Bubbles, composed and cancelable, like every request event: controls send requests up, the room decides.
 */
export class CallsAudioResumeRequestEvent extends Event {
  static readonly type = 'calls-audio-resume-request';
  readonly detail: CallsAudioResumeRequestDetail;

  constructor(detail: CallsAudioResumeRequestDetail = {}) {
    super(CallsAudioResumeRequestEvent.type, { bubbles: true, composed: true, cancelable: true });
    this.detail = detail;
  }
}
