/**
 * Recognises the first packet of a video keyframe from the RTP payload, so a subscriber starts
 * (and switches simulcast layers) exactly on a frame its decoder can begin with.
 */
export type VideoCodecName = 'vp8' | 'vp9' | 'h264' | 'other';

export function codecNameFromMimeType(mimeType: string): VideoCodecName {
  const name = mimeType.toLowerCase().replace(/^video\//, '');
  return name === 'vp8' || name === 'vp9' || name === 'h264' ? name : 'other';
}

/**
 * True when `payload` starts a keyframe. For codecs we cannot parse, every packet counts, so
 * forwarding never stalls on an unknown format.
 */
export function isKeyframeStart(codec: VideoCodecName, payload: Uint8Array): boolean {
  switch (codec) {
    case 'vp8':
      return isVp8KeyframeStart(payload);
    case 'vp9':
      return isVp9KeyframeStart(payload);
    case 'h264':
      return isH264KeyframeStart(payload);
    default:
      return true;
  }
}

/** RFC 7741: payload descriptor, then the VP8 frame header whose lowest bit is 0 on a key frame. */
function isVp8KeyframeStart(payload: Uint8Array): boolean {
  if (payload.length < 1) return false;
  const first = payload[0];
  const extended = (first & 0x80) !== 0;
  const startOfPartition = (first & 0x10) !== 0;
  const partitionIndex = first & 0x07;
  if (!startOfPartition || partitionIndex !== 0) return false;
  let offset = 1;
  if (extended) {
    if (payload.length < 2) return false;
    const flags = payload[1];
    offset = 2;
    if (flags & 0x80) offset += payload[offset] !== undefined && payload[offset] & 0x80 ? 2 : 1; // PictureID: 7 or 15 bits
    if (flags & 0x40) offset += 1; // TL0PICIDX
    if (flags & 0x30) offset += 1; // TID / KEYIDX
  }
  if (offset >= payload.length) return false;
  return (payload[offset] & 0x01) === 0;
}

/** draft-ietf-payload-vp9: B (begin of frame) set and P (inter-picture predicted) clear. */
function isVp9KeyframeStart(payload: Uint8Array): boolean {
  if (payload.length < 1) return false;
  const first = payload[0];
  const interPredicted = (first & 0x40) !== 0;
  const beginsFrame = (first & 0x08) !== 0;
  return beginsFrame && !interPredicted;
}

/** RFC 6184: an IDR slice or SPS, alone, inside a STAP-A, or starting a FU-A. */
function isH264KeyframeStart(payload: Uint8Array): boolean {
  if (payload.length < 1) return false;
  const nalType = payload[0] & 0x1f;
  if (nalType === 5 || nalType === 7) return true;
  if (nalType === 24) {
    let offset = 1;
    while (offset + 2 < payload.length) {
      const size = (payload[offset] << 8) | payload[offset + 1];
      const innerType = payload[offset + 2] & 0x1f;
      if (innerType === 5 || innerType === 7) return true;
      offset += 2 + size;
    }
    return false;
  }
  if (nalType === 28 && payload.length > 1) {
    const isStart = (payload[1] & 0x80) !== 0;
    const innerType = payload[1] & 0x1f;
    return isStart && (innerType === 5 || innerType === 7);
  }
  return false;
}
