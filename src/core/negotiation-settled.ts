/**
 * Resolves once `pc` has no offer in flight (signaling `stable`, or closed), or after `maxMs`.
 *
 * partytracks renegotiates whenever a track closes (someone left, a tile scrolled away). Closing the
 * connection and the presence socket in the middle of that lets its request reach the backend after
 * the participant has left: the backend refuses it (401 `participant_gone`), and partytracks throws
 * on the refusal. A room that leaves waits for the offer in flight first, boundedly.
 */
export function negotiationSettled(pc: RTCPeerConnection | undefined, maxMs: number): Promise<void> {
  const settled = () => !pc || pc.signalingState === 'stable' || pc.signalingState === 'closed';
  if (settled()) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      pc?.removeEventListener('signalingstatechange', check);
      resolve();
    };
    const check = () => {
      if (settled()) done();
    };
    const timer = setTimeout(done, maxMs);
    pc?.addEventListener('signalingstatechange', check);
  });
}
