/**
 * Text-level repairs of werift's SDP that Chromium needs (see docs/architecture.md, "Local SFU").
 * Pure functions over SDP strings so they are unit-tested without a peer connection.
 */
const EOL = '\r\n';

function lines(sdp: string): string[] {
  return sdp.split(/\r?\n/).filter((line) => line !== '');
}

function join(sdpLines: string[]): string {
  return sdpLines.join(EOL) + EOL;
}

/** Splits an SDP into its session part and its media sections (each starting with `m=`). */
export function splitSections(sdp: string): { session: string[]; media: string[][] } {
  const session: string[] = [];
  const media: string[][] = [];
  for (const line of lines(sdp)) {
    if (line.startsWith('m=')) media.push([line]);
    else if (media.length > 0) media[media.length - 1].push(line);
    else session.push(line);
  }
  return { session, media };
}

function mergeSections(session: string[], media: string[][]): string {
  return join([...session, ...media.flat()]);
}

function midOf(section: string[]): string | undefined {
  return section.find((line) => line.startsWith('a=mid:'))?.slice('a=mid:'.length);
}

function isRejected(section: string[]): boolean {
  return /^m=\S+ 0 /.test(section[0]);
}

/**
 * Chromium refuses a description whose BUNDLE group names a rejected (port 0) m-section, which
 * werift keeps there after a track closes.
 */
export function removeRejectedFromBundle(sdp: string): string {
  const { session, media } = splitSections(sdp);
  const rejected = new Set(
    media
      .filter(isRejected)
      .map(midOf)
      .filter((mid): mid is string => mid !== undefined),
  );
  if (rejected.size === 0) return sdp;
  const fixedSession = session.map((line) => {
    if (!line.startsWith('a=group:BUNDLE')) return line;
    const [, ...mids] = line.split(' ');
    return ['a=group:BUNDLE', ...mids.filter((mid) => !rejected.has(mid))].join(' ');
  });
  const fixedMedia = media.map((section) =>
    isRejected(section) ? section.filter((line) => !line.startsWith('a=candidate:')) : section,
  );
  return mergeSections(fixedSession, fixedMedia);
}

/**
 * werift may advertise host candidates for interfaces it never bound (it gathers from every
 * interface, then binds one). Keep only candidates on the addresses we serve.
 */
export function keepCandidatesOn(sdp: string, addresses: readonly string[]): string {
  const allowed = new Set(addresses);
  return join(
    lines(sdp).filter((line) => {
      if (!line.startsWith('a=candidate:')) return true;
      const address = line.split(' ')[4];
      return allowed.has(address);
    }),
  );
}

/** Maps every `a=extmap` URI of a description to the id it uses. */
export function extensionIdsByUri(sdp: string): Map<string, number> {
  const ids = new Map<string, number>();
  for (const line of lines(sdp)) {
    const match = /^a=extmap:(\d+)(?:\/\w+)? (\S+)/.exec(line);
    if (match && !ids.has(match[2])) ids.set(match[2], Number(match[1]));
  }
  return ids;
}

export interface MediaSectionSummary {
  mid: string;
  kind: string;
  direction: 'sendrecv' | 'sendonly' | 'recvonly' | 'inactive';
  rejected: boolean;
  rids: string[];
}

/** What each m-section of a description asks for: enough to map an offer onto API tracks. */
export function summarizeMediaSections(sdp: string): MediaSectionSummary[] {
  return splitSections(sdp).media.flatMap((section) => {
    const mid = midOf(section);
    if (mid === undefined) return [];
    const kind = section[0].slice(2).split(' ')[0];
    const directionLine = section.find((line) => /^a=(sendrecv|sendonly|recvonly|inactive)$/.test(line));
    const direction = (directionLine?.slice(2) ?? 'sendrecv') as MediaSectionSummary['direction'];
    const rids = section
      .filter((line) => line.startsWith('a=rid:'))
      .map((line) => line.slice('a=rid:'.length).split(' '))
      .filter(([, dir]) => dir === 'send')
      .map(([rid]) => rid);
    return [{ mid, kind, direction, rejected: isRejected(section), rids }];
  });
}

/**
 * Sets Chromium's `x-google-start-bitrate` (kbit/s) on every video codec of a description. A
 * Chromium sender reads it from the remote description and starts its encoder there, instead of
 * at 300 kbit/s and 320x180 with a slow climb to the camera's size.
 */
export function withVideoStartBitrate(sdp: string, kbps: number): string {
  const { session, media } = splitSections(sdp);
  const fixedMedia = media.map((section) => {
    if (!section[0].startsWith('m=video')) return section;
    const out: string[] = [];
    const withFmtp = new Set(
      section.filter((line) => line.startsWith('a=fmtp:')).map((line) => line.slice(7).split(' ')[0]),
    );
    for (const line of section) {
      const fmtp = /^a=fmtp:(\d+) (.*)$/.exec(line);
      const rtpmap = /^a=rtpmap:(\d+) ([\w-]+)\//.exec(line);
      if (fmtp && !/apt=/.test(fmtp[2]) && !/x-google-start-bitrate/.test(fmtp[2])) {
        out.push(`a=fmtp:${fmtp[1]} ${fmtp[2]};x-google-start-bitrate=${kbps}`);
        continue;
      }
      out.push(line);
      if (rtpmap && !withFmtp.has(rtpmap[1]) && !/^(rtx|red|ulpfec)$/i.test(rtpmap[2])) {
        out.push(`a=fmtp:${rtpmap[1]} x-google-start-bitrate=${kbps}`);
      }
    }
    return out;
  });
  return mergeSections(session, fixedMedia);
}

/**
 * An m-section the offer rejected (port 0, e.g. a stopped transceiver) must be rejected in the
 * answer too; werift answers it as live. Mark it rejected and inactive so the bundle cleanup drops it.
 */
export function rejectWhatTheOfferRejected(answer: string, offer: string): string {
  const rejectedInOffer = new Set(
    splitSections(offer)
      .media.filter(isRejected)
      .map(midOf)
      .filter((mid): mid is string => mid !== undefined),
  );
  if (rejectedInOffer.size === 0) return answer;
  const { session, media } = splitSections(answer);
  const fixedMedia = media.map((section) => {
    const mid = midOf(section);
    if (mid === undefined || !rejectedInOffer.has(mid)) return section;
    const [mLine, ...rest] = section;
    return [
      mLine.replace(/^(m=\S+) \d+ /, '$1 0 '),
      ...rest.map((line) => (/^a=(sendrecv|sendonly|recvonly)$/.test(line) ? 'a=inactive' : line)),
    ];
  });
  return mergeSections(session, fixedMedia);
}

function bundleTag(session: string[]): string | undefined {
  return session.find((line) => line.startsWith('a=group:BUNDLE '))?.split(' ')[1];
}

/**
 * True when `next` — the client's offer, or its answer to ours — tags its BUNDLE group with
 * another m-section than `previous` did. Chromium then carries the bundle on a new transport:
 * when its offer rejects the old tag, and also when its answer tags an m-section our offer
 * recycled for a new pull.
 */
export function movesBundleTag(previous: string, next: string): boolean {
  const oldTag = bundleTag(splitSections(previous).session);
  const newTag = bundleTag(splitSections(next).session);
  return oldTag !== undefined && newTag !== undefined && newTag !== oldTag;
}
