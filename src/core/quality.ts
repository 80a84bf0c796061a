/** Connection quality from RTP statistics: pure, so the thresholds are unit tested. */
export type ConnectionQuality = 'unknown' | 'excellent' | 'good' | 'poor' | 'bad' | 'lost';

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

/**
 * Loss thresholds as Orange Meets draws them: up to 1 % goes unnoticed, up to 3 % is tolerable
 * (`good`), above 3 % is unhealthy (`poor`) and above 5 % bad. RTT and jitter mark the same steps
 * for links that lose little but lag.
 */
export function qualityOf(sample: LinkSample | undefined): ConnectionQuality {
  if (!sample) return 'unknown';
  const total = sample.packets + Math.max(0, sample.lost);
  if (total === 0) return 'lost';
  const loss = Math.max(0, sample.lost) / total;
  const rtt = sample.rttMs ?? 0;
  const jitter = sample.jitterMs ?? 0;
  if (loss > 0.05 || rtt > 500 || jitter > 100) return 'bad';
  if (loss > 0.03 || rtt > 300 || jitter > 50) return 'poor';
  if (loss > 0.01 || rtt > 150 || jitter > 30) return 'good';
  return 'excellent';
}

const RANK: Record<ConnectionQuality, number> = {
  unknown: 0,
  lost: 1,
  bad: 2,
  poor: 3,
  good: 4,
  excellent: 5,
};

/** The worse of two qualities (a participant is only as good as their worst track); unknown yields. */
export function worseQuality(a: ConnectionQuality, b: ConnectionQuality): ConnectionQuality {
  if (a === 'unknown') return b;
  if (b === 'unknown') return a;
  return RANK[a] <= RANK[b] ? a : b;
}

/** Qualities a person should be told about: their media visibly suffers. */
export function isDegraded(quality: ConnectionQuality): boolean {
  return quality === 'poor' || quality === 'bad' || quality === 'lost';
}

interface Counters {
  packets: number;
  lost: number;
}

/**
 * Per-owner quality of the pulled tracks on `pc`: `owners` maps a receiver track id to the
 * participant it belongs to; `previous` holds the counters of the last call (updated in place).
 */
export async function sampleInboundQuality(
  pc: RTCPeerConnection,
  owners: ReadonlyMap<string, string>,
  previous: Map<string, Counters>,
): Promise<Map<string, ConnectionQuality>> {
  const report = await pc.getStats();
  const result = new Map<string, ConnectionQuality>();
  for (const stats of report.values()) {
    if (stats.type !== 'inbound-rtp') continue;
    const inbound = stats as RTCInboundRtpStreamStats & { trackIdentifier?: string };
    const owner = inbound.trackIdentifier ? owners.get(inbound.trackIdentifier) : undefined;
    if (!owner) continue;
    const counters = { packets: inbound.packetsReceived ?? 0, lost: inbound.packetsLost ?? 0 };
    const quality = qualityOfDelta(previous, inbound.id, counters, {
      jitterMs: inbound.jitter === undefined ? undefined : inbound.jitter * 1000,
    });
    if (quality) result.set(owner, worseQuality(result.get(owner) ?? 'unknown', quality));
  }
  return result;
}

/**
 * How well what this browser sends reaches the SFU, from the SFU's receiver reports
 * (`remote-inbound-rtp`): `unknown` while the SFU reports nothing.
 */
export async function sampleOutboundQuality(
  pc: RTCPeerConnection,
  previous: Map<string, Counters>,
): Promise<ConnectionQuality> {
  const report = await pc.getStats();
  let quality: ConnectionQuality = 'unknown';
  for (const stats of report.values()) {
    if (stats.type !== 'remote-inbound-rtp') continue;
    const remote = stats as RTCStats & {
      localId?: string;
      packetsLost?: number;
      roundTripTime?: number;
    };
    const outbound = remote.localId ? report.get(remote.localId) : undefined;
    const sent = (outbound as { packetsSent?: number } | undefined)?.packetsSent;
    if (sent === undefined) continue;
    const sample = qualityOfDelta(
      previous,
      remote.id,
      // Sent packets include the lost ones; qualityOf wants those that arrived.
      { packets: sent - (remote.packetsLost ?? 0), lost: remote.packetsLost ?? 0 },
      { rttMs: remote.roundTripTime === undefined ? undefined : remote.roundTripTime * 1000 },
    );
    if (sample) quality = worseQuality(quality, sample);
  }
  return quality;
}

/** Quality over the packets since the previous sample of stream `id`; undefined on its first one. */
function qualityOfDelta(
  previous: Map<string, Counters>,
  id: string,
  counters: Counters,
  extra: Pick<LinkSample, 'rttMs' | 'jitterMs'>,
): ConnectionQuality | undefined {
  const before = previous.get(id);
  previous.set(id, counters);
  if (!before) return undefined;
  return qualityOf({
    packets: counters.packets - before.packets,
    lost: counters.lost - before.lost,
    ...extra,
  });
}
