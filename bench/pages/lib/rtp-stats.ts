// Cumulative RTP counters of a set of peer connections, for the capacity measurement: the harness
// takes two readings and divides the differences by the time between them.

export interface StreamCounters {
  /** Stable key of the stream across readings. */
  key: string;
  kind: 'audio' | 'video';
  direction: 'inbound' | 'outbound';
  /** inbound: frames decoded; outbound: frames encoded (video only). */
  frames: number;
  packetsReceived: number;
  packetsLost: number;
  frameWidth: number;
  timestampMs: number;
}

export async function readCounters(
  owner: string,
  connections: RTCPeerConnection[],
): Promise<StreamCounters[]> {
  const out: StreamCounters[] = [];
  for (const [index, pc] of connections.entries()) {
    if (pc.connectionState === 'closed') continue;
    const report = await pc.getStats();
    report.forEach((stat: any) => {
      if (stat.type !== 'inbound-rtp' && stat.type !== 'outbound-rtp') return;
      const inbound = stat.type === 'inbound-rtp';
      out.push({
        key: `${owner}/${index}/${stat.type}/${stat.ssrc}${stat.rid ? `/${stat.rid}` : ''}`,
        kind: stat.kind,
        direction: inbound ? 'inbound' : 'outbound',
        frames: (inbound ? stat.framesDecoded : stat.framesEncoded) ?? 0,
        packetsReceived: stat.packetsReceived ?? 0,
        packetsLost: stat.packetsLost ?? 0,
        frameWidth: stat.frameWidth ?? 0,
        timestampMs: stat.timestamp,
      });
    });
  }
  return out;
}
