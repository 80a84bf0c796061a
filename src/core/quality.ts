/** Connection quality from RTP statistics: pure, so the thresholds are unit tested. */
export type ConnectionQuality = 'unknown' | 'excellent' | 'good' | 'poor' | 'lost';

export interface LinkSample {
  /** Packets received (inbound) or sent (outbound) since the previous sample. */
  packets: number;
  /** Packets lost since the previous sample. */
  lost: number;
  /** Round-trip time, when known. */
  rttMs?: number;
  /** Interarrival jitter, when known. */
  jitterMs?: number;
}

/** Thresholds in line with what conferencing apps show: >10 % loss or >400 ms RTT is poor. */
export function qualityOf(sample: LinkSample | undefined): ConnectionQuality {
  if (!sample) return 'unknown';
  const total = sample.packets + Math.max(0, sample.lost);
  if (total === 0) return 'lost';
  const loss = Math.max(0, sample.lost) / total;
  const rtt = sample.rttMs ?? 0;
  const jitter = sample.jitterMs ?? 0;
  if (loss > 0.1 || rtt > 400 || jitter > 100) return 'poor';
  if (loss > 0.02 || rtt > 150 || jitter > 30) return 'good';
  return 'excellent';
}

const RANK: Record<ConnectionQuality, number> = { unknown: 0, lost: 1, poor: 2, good: 3, excellent: 4 };

/** The worse of two qualities (a participant is only as good as their worst track); unknown yields. */
export function worseQuality(a: ConnectionQuality, b: ConnectionQuality): ConnectionQuality {
  if (a === 'unknown') return b;
  if (b === 'unknown') return a;
  return RANK[a] <= RANK[b] ? a : b;
}

interface InboundCounters {
  packetsReceived: number;
  packetsLost: number;
}

/**
 * Per-owner quality of the pulled tracks on `pc`: `owners` maps a receiver track id to the
 * participant it belongs to; `previous` holds the counters of the last call (updated in place).
 */
export async function sampleInboundQuality(
  pc: RTCPeerConnection,
  owners: ReadonlyMap<string, string>,
  previous: Map<string, InboundCounters>,
): Promise<Map<string, ConnectionQuality>> {
  const report = await pc.getStats();
  const result = new Map<string, ConnectionQuality>();
  for (const stats of report.values()) {
    if (stats.type !== 'inbound-rtp') continue;
    const inbound = stats as RTCInboundRtpStreamStats & { trackIdentifier?: string };
    const owner = inbound.trackIdentifier ? owners.get(inbound.trackIdentifier) : undefined;
    if (!owner) continue;
    const counters = { packetsReceived: inbound.packetsReceived ?? 0, packetsLost: inbound.packetsLost ?? 0 };
    const before = previous.get(inbound.id);
    previous.set(inbound.id, counters);
    if (!before) continue;
    const quality = qualityOf({
      packets: counters.packetsReceived - before.packetsReceived,
      lost: counters.packetsLost - before.packetsLost,
      jitterMs: inbound.jitter === undefined ? undefined : inbound.jitter * 1000,
    });
    result.set(owner, worseQuality(result.get(owner) ?? 'unknown', quality));
  }
  return result;
}
