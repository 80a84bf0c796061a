/**
 * Builds werift peer connections the way Chromium and the Calls API expect: ICE lite on the
 * served address, one bundled transport, codecs and RTCP feedback an SFU can forward, and SDP
 * repaired before it leaves the server.
 */
import {
  RTCPeerConnection,
  RTCRtpCodecParameters,
  type RTCRtpTransceiver,
  useRepairedRtpStreamId,
  useSdesMid,
  useSdesRTPStreamId,
} from 'werift';
import type { BindingRequest } from './bundle-transport.js';
import { invalidDescription } from './errors.js';
import {
  extensionIdsByUri,
  keepCandidatesOn,
  removeRejectedFromBundle,
  withVideoStartBitrate,
} from './sdp-fixups.js';

// No transport-cc: werift's transport-wide feedback holds Chromium near 120 kbit/s. REMB from the
// SFU (see bandwidth.ts) gives the publisher its estimate instead.
const videoFeedback = () => [
  { type: 'nack' },
  { type: 'nack', parameter: 'pli' },
  { type: 'ccm', parameter: 'fir' },
  { type: 'goog-remb' },
];

/**
 * Codecs the SFU negotiates, with the payload types Chromium itself uses for them. werift would
 * number them 96, 97, … across audio and video, so a server offer could give Opus 96 in a bundle
 * where the browser already sends VP8 as 96; Chromium then fails to decode some pulled streams.
 */
export const supportedCodecs = () => ({
  audio: [
    new RTCRtpCodecParameters({
      mimeType: 'audio/opus',
      clockRate: 48000,
      channels: 2,
      payloadType: 111,
      parameters: 'minptime=10;useinbandfec=1',
      rtcpFeedback: [{ type: 'nack' }],
    }),
    new RTCRtpCodecParameters({ mimeType: 'audio/PCMU', clockRate: 8000, channels: 1, payloadType: 0 }),
    new RTCRtpCodecParameters({ mimeType: 'audio/PCMA', clockRate: 8000, channels: 1, payloadType: 8 }),
  ],
  video: [
    new RTCRtpCodecParameters({
      mimeType: 'video/VP8',
      clockRate: 90000,
      payloadType: 96,
      rtcpFeedback: videoFeedback(),
    }),
    new RTCRtpCodecParameters({
      mimeType: 'video/VP9',
      clockRate: 90000,
      payloadType: 98,
      rtcpFeedback: videoFeedback(),
    }),
    new RTCRtpCodecParameters({
      mimeType: 'video/H264',
      clockRate: 90000,
      payloadType: 108,
      rtcpFeedback: videoFeedback(),
      parameters: 'level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42e01f',
    }),
    new RTCRtpCodecParameters({
      mimeType: 'video/AV1',
      clockRate: 90000,
      payloadType: 45,
      rtcpFeedback: videoFeedback(),
    }),
  ],
});

/** Where a session's media is served and how its publishers are told to start. */
export interface PeerSettings {
  host: string;
  startBitrateKbps: number;
  /**
   * Full ICE instead of ICE lite, for `thirdparty` sessions: two ICE-lite agents never connect,
   * and the servers such a session talks to (AI relays, other SFUs) are often ICE lite.
   */
  fullIce?: boolean;
}

/**
 * `onBindingRequest` hears every STUN binding request the client sends, before werift answers it.
 * As the ICE-lite side, werift runs no consent checks of its own, so these requests (Chromium
 * repeats them every few seconds) are the only sign that a client is still there after it closed
 * its peer connection without a word; their USE-CANDIDATE flag also shows where the client moved
 * its bundle (bundle-transport.ts).
 */
export function createPeerConnection(
  { host, fullIce = false }: PeerSettings,
  onBindingRequest: (request: BindingRequest, from: readonly [string, number]) => void = () => undefined,
): RTCPeerConnection {
  const servesLoopback = host === '127.0.0.1' || host === 'localhost';
  const address = host === 'localhost' ? '127.0.0.1' : host;
  const bindsAll = host === '0.0.0.0';
  return new RTCPeerConnection({
    iceServers: [],
    iceLite: !fullIce,
    iceFilterStunResponse: (request, from) => {
      onBindingRequest(request, from);
      return true;
    },
    bundlePolicy: 'max-bundle',
    iceUseIpv6: false,
    codecs: supportedCodecs(),
    headerExtensions: {
      audio: [useSdesMid()],
      video: [useSdesMid(), useSdesRTPStreamId(), useRepairedRtpStreamId()],
    },
    ...(bindsAll ? {} : { iceInterfaceAddresses: { udp4: address } }),
    ...(servesLoopback ? { iceAdditionalHostAddresses: ['127.0.0.1'] } : {}),
  });
}

/** The SDP a client receives: bundle group cleaned, candidates only where we listen, a start bitrate. */
export function outgoingSdp(sdp: string, { host, startBitrateKbps }: PeerSettings): string {
  const fixed = withVideoStartBitrate(removeRejectedFromBundle(sdp), startBitrateKbps);
  if (host === '0.0.0.0') return fixed;
  return keepCandidatesOn(fixed, [host === 'localhost' ? '127.0.0.1' : host]);
}

/**
 * werift numbers header extensions 1..n on transceivers it creates; once the browser has chosen
 * ids for the bundle, an offer with other ids is a "codec collision". Reuse the browser's ids.
 */
export function alignExtensionIds(pc: RTCPeerConnection): void {
  const remote = pc.remoteDescription?.sdp;
  if (!remote) return;
  const remoteIds = extensionIdsByUri(remote);
  const used = new Set(remoteIds.values());
  const assigned = new Map<string, number>();
  const idFor = (uri: string): number => {
    const known = remoteIds.get(uri) ?? assigned.get(uri);
    if (known !== undefined) return known;
    let id = 1;
    while (used.has(id)) id++;
    used.add(id);
    assigned.set(uri, id);
    return id;
  };
  for (const transceiver of pc.getTransceivers()) {
    const kind = transceiver.kind === 'audio' ? 'audio' : 'video';
    const extensions =
      transceiver.headerExtensions.length > 0
        ? transceiver.headerExtensions
        : (pc.config.headerExtensions[kind] ?? []);
    transceiver.headerExtensions = extensions.map((extension) => ({
      ...extension,
      id: idFor(extension.uri),
    }));
  }
}

/**
 * Longest wait for werift to gather. On the served address gathering takes milliseconds; a
 * description werift accepted but built no transport for never completes, and the API call (and
 * its connection) must not wait with it.
 */
export const GATHERING_TIMEOUT_MS = 3000;

/** Resolves once werift has finished gathering, so the local description carries its candidates. */
export async function gatheringComplete(
  pc: RTCPeerConnection,
  timeoutMs = GATHERING_TIMEOUT_MS,
): Promise<void> {
  if (pc.iceGatheringState === 'complete') return;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      unSubscribe();
      reject(
        invalidDescription(`ICE gathering did not complete within ${timeoutMs} ms for this description`),
      );
    }, timeoutMs);
    const { unSubscribe } = pc.iceGatheringStateChange.subscribe((state) => {
      if (state === 'complete') {
        clearTimeout(timer);
        unSubscribe();
        resolve();
      }
    });
  });
}

/**
 * Restricts a sending transceiver to the codec its source publishes (werift rewrites the payload
 * type on send). False when the transceiver cannot carry that codec.
 */
export function restrictToCodec(
  pc: RTCPeerConnection,
  transceiver: RTCRtpTransceiver,
  source: RTCRtpCodecParameters | undefined,
): boolean {
  if (!source) return true;
  const mime = source.mimeType.toLowerCase();
  const kind = transceiver.kind === 'audio' ? 'audio' : 'video';
  const candidates = transceiver.codecs.length > 0 ? transceiver.codecs : (pc.config.codecs[kind] ?? []);
  const matching = candidates.filter((codec) => codec.mimeType.toLowerCase() === mime);
  if (matching.length === 0) return false;
  transceiver.codecs = matching;
  return true;
}
