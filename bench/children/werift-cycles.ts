// Baseline of the SFU memory measurement: the same number of bare werift peer-connection lifetimes
// in one Node process, with no SFU around them — two werift peers on loopback connect, one sends
// RTP until the other receives it, both close. Whatever memory werift itself keeps per connection
// shows up here too, so the SFU's own growth can be told apart from werift's.
import { MediaStreamTrack, RTCPeerConnection, RtpHeader, RtpPacket } from 'werift';
import { memoryAfterGc, serveParent } from '../lib/child-side.js';

function loopbackPeer(): RTCPeerConnection {
  return new RTCPeerConnection({
    iceServers: [],
    iceUseIpv6: false,
    iceAdditionalHostAddresses: ['127.0.0.1'],
    iceInterfaceAddresses: { udp4: '127.0.0.1' },
    bundlePolicy: 'max-bundle',
  });
}

async function gathered(pc: RTCPeerConnection): Promise<{ type: 'offer' | 'answer'; sdp: string }> {
  if (pc.iceGatheringState !== 'complete') {
    await new Promise<void>((resolve) => {
      const { unSubscribe } = pc.iceGatheringStateChange.subscribe((state) => {
        if (state !== 'complete') return;
        unSubscribe();
        resolve();
      });
    });
  }
  return pc.localDescription as { type: 'offer' | 'answer'; sdp: string };
}

/** One lifetime: connect, carry RTP one way until it arrives, close both ends. */
async function cycle(timeoutMs: number): Promise<boolean> {
  const sender = loopbackPeer();
  const receiver = loopbackPeer();
  const track = new MediaStreamTrack({ kind: 'video' });
  let timer: NodeJS.Timeout | undefined;
  try {
    sender.addTransceiver(track, { direction: 'sendonly' });
    const arrived = new Promise<boolean>((resolve) => {
      receiver.onTrack.subscribe((remote) => remote.onReceiveRtp.subscribe(() => resolve(true)));
      setTimeout(() => resolve(false), timeoutMs).unref();
    });
    await sender.setLocalDescription(await sender.createOffer());
    await receiver.setRemoteDescription(await gathered(sender));
    await receiver.setLocalDescription(await receiver.createAnswer());
    await sender.setRemoteDescription(await gathered(receiver));
    let sequenceNumber = 0;
    timer = setInterval(() => {
      sequenceNumber = (sequenceNumber + 1) & 0xffff;
      const header = new RtpHeader({
        payloadType: 96,
        sequenceNumber,
        timestamp: sequenceNumber * 3000,
        marker: true,
      });
      track.writeRtp(new RtpPacket(header, Buffer.alloc(1000)));
    }, 33);
    return await arrived;
  } finally {
    clearInterval(timer);
    track.stop();
    await Promise.all([sender.close(), receiver.close()]).catch(() => undefined);
  }
}

serveParent(
  {},
  {
    memory: () => memoryAfterGc(),
    /** Runs `count` cycles, `lanes` at a time; answers how many carried media. */
    async cycles({ count, lanes, timeoutMs }: { count: number; lanes: number; timeoutMs: number }) {
      let next = 0;
      let delivered = 0;
      const lane = async () => {
        while (next < count) {
          next++;
          if (await cycle(timeoutMs)) delivered++;
        }
      };
      await Promise.all(Array.from({ length: lanes }, lane));
      return { delivered };
    },
  },
  async () => undefined,
);
