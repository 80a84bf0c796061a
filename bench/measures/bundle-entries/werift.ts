// Baseline: the WebRTC stack the local SFU is built on, as one peer connection needs it.
export { RTCPeerConnection } from 'werift';
