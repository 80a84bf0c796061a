import type { DeviceKind } from '../core/devices.js';

export type CallsDeviceSelectRequestDetail = { readonly kind: DeviceKind; readonly deviceId: string };

/**
 * Asks the room to use another camera, microphone or speaker (`kind` `videoinput`, `audioinput` or
 * `audiooutput`, and a `deviceId` from `enumerateDevices()`); the choice is remembered for the next
 * visit. Cancel it to keep the device in use.
 * Bubbles, composed and cancelable, like every request event: controls send requests up, the room decides.
 */
export class CallsDeviceSelectRequestEvent extends Event {
  static readonly type = 'calls-device-select-request';
  readonly detail: CallsDeviceSelectRequestDetail;

  constructor(detail: CallsDeviceSelectRequestDetail) {
    super(CallsDeviceSelectRequestEvent.type, { bubbles: true, composed: true, cancelable: true });
    this.detail = detail;
  }
}
