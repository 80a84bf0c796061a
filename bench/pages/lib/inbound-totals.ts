// Cumulative inbound counters of a viewer's peer connections, for the crowd measurement: per
// stream (keyed by receiver track), so two readings tell which streams grew and by how much.

export interface InboundStream {
  key: string;
  kind: 'audio' | 'video';
  bytes: number;
  framesDecoded: number;
  frameWidth: number;
  timestampMs: number;
}

export async function readInbound(connections: RTCPeerConnection[]): Promise<InboundStream[]> {
  const out: InboundStream[] = [];
  for (const pc of connections) {
    if (pc.connectionState === 'closed') continue;
    for (const stat of (await pc.getStats()).values()) {
      if (stat.type !== 'inbound-rtp') continue;
      out.push({
        key: `${stat.trackIdentifier}/${stat.ssrc}`,
        kind: stat.kind,
        bytes: (stat.bytesReceived ?? 0) + (stat.headerBytesReceived ?? 0),
        framesDecoded: stat.framesDecoded ?? 0,
        frameWidth: stat.frameWidth ?? 0,
        timestampMs: stat.timestamp,
      });
    }
  }
  return out;
}
