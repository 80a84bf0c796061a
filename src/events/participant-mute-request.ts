export type CallsParticipantMuteRequestDetail = {
  readonly participantId: string;
  readonly kind: 'audio' | 'video' | 'screenshare';
};

/**
 * Asks the room to turn off another participant's microphone, camera or screen share (moderators only; the backend refuses others). Cancel it to do nothing.
 * Bubbles, composed and cancelable, like every request event: controls send requests up, the room decides.
 */
export class CallsParticipantMuteRequestEvent extends Event {
  static readonly type = 'calls-participant-mute-request';
  readonly detail: CallsParticipantMuteRequestDetail;

  constructor(detail: CallsParticipantMuteRequestDetail) {
    super(CallsParticipantMuteRequestEvent.type, { bubbles: true, composed: true, cancelable: true });
    this.detail = detail;
  }
}
