// Installed before any page script (Playwright addInitScript, as an IIFE): counts the peer
// connections and media tracks a page creates, without keeping them alive — WeakRefs only, so the
// heap figures of the leak measurement are not distorted by the counting itself.

interface Census {
  openPeerConnections(): number;
  liveTracks(): number;
  peerConnections(): RTCPeerConnection[];
  created: { peerConnections: number; tracks: number };
}

const peerConnections = new Set<WeakRef<RTCPeerConnection>>();
const tracks = new Set<WeakRef<MediaStreamTrack>>();
const created = { peerConnections: 0, tracks: 0 };

function remember(track: MediaStreamTrack): void {
  created.tracks++;
  tracks.add(new WeakRef(track));
}

function alive<T extends object>(refs: Set<WeakRef<T>>): T[] {
  const out: T[] = [];
  for (const ref of refs) {
    const value = ref.deref();
    if (value) out.push(value);
    else refs.delete(ref);
  }
  return out;
}

const NativePeerConnection = window.RTCPeerConnection;
class CountedPeerConnection extends NativePeerConnection {
  constructor(configuration?: RTCConfiguration) {
    super(configuration);
    created.peerConnections++;
    peerConnections.add(new WeakRef(this));
    this.addEventListener('track', (event) => remember(event.track));
  }
}
window.RTCPeerConnection = CountedPeerConnection;

const getUserMedia = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
navigator.mediaDevices.getUserMedia = async (constraints) => {
  const stream = await getUserMedia(constraints);
  for (const track of stream.getTracks()) remember(track);
  return stream;
};

const census: Census = {
  openPeerConnections: () => alive(peerConnections).filter((pc) => pc.signalingState !== 'closed').length,
  liveTracks: () => alive(tracks).filter((track) => track.readyState === 'live').length,
  peerConnections: () => alive(peerConnections).filter((pc) => pc.signalingState !== 'closed'),
  created,
};
Object.assign(window, { benchCensus: census });
