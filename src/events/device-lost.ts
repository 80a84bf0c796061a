import type { DeviceKind, DeviceLostNotice } from '../core/devices.js';

export type CallsDeviceLostDetail = DeviceLostNotice;

/**
 * Emitted by `<calls-room>` when the chosen camera, microphone or speaker goes away while in use
 * (unplugged, disabled): the room already fell back to the default device; tell the person which
 * one went (`detail.lost.label`). `code` is `device_lost`. Bubbles and is composed.
 */
export class CallsDeviceLostEvent extends Event {
  static readonly type = 'calls-device-lost';
  readonly detail: CallsDeviceLostDetail;

  constructor(detail: CallsDeviceLostDetail) {
    super(CallsDeviceLostEvent.type, { bubbles: true, composed: true, cancelable: false });
    this.detail = detail;
  }

  get code(): 'device_lost' {
    return this.detail.code;
  }

  get kind(): DeviceKind {
    return this.detail.kind;
  }
}
