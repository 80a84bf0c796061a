/** Pure pieces of the SFU: SDP repairs, keyframe detection and pacing, REMB encoding, request validation. */
import assert from 'node:assert/strict';
import { describe, it, mock } from 'node:test';
import { PictureLossIndication, RtcpPayloadSpecificFeedback } from 'werift';
import { rembFields } from '../../src/sfu/bandwidth.js';
import {
  KeyframePacer,
  PUBLISHER_MIN_INTERVAL_MS,
  UNANSWERED_REPEAT_MS,
} from '../../src/sfu/keyframe-pacer.js';
import { isKeyframeRequestFor } from '../../src/sfu/keyframe-requests.js';
import { isKeyframeStart } from '../../src/sfu/keyframes.js';
import { chooseLayer } from '../../src/sfu/layer-choice.js';
import { parseJsonBody, parseNewTracks, parseUpdateTracks } from '../../src/sfu/request-validation.js';
import {
  extensionIdsByUri,
  keepCandidatesOn,
  movesBundleTag,
  rejectWhatTheOfferRejected,
  removeRejectedFromBundle,
  summarizeMediaSections,
  withVideoStartBitrate,
} from '../../src/sfu/sdp-fixups.js';

const sdp = (...lines: string[]) => `${lines.join('\r\n')}\r\n`;

const twoSections = sdp(
  'v=0',
  'a=group:BUNDLE 0 1',
  'm=audio 0 UDP/TLS/RTP/SAVPF 111',
  'a=candidate:1 1 udp 1 127.0.0.1 5000 typ host',
  'a=mid:0',
  'a=inactive',
  'm=video 9 UDP/TLS/RTP/SAVPF 96',
  'a=candidate:1 1 udp 1 127.0.0.1 5000 typ host',
  'a=candidate:2 1 udp 1 10.1.2.3 5000 typ host',
  'a=extmap:4 urn:ietf:params:rtp-hdrext:sdes:mid',
  'a=mid:1',
  'a=sendonly',
  'a=rtpmap:96 VP8/90000',
  'a=rid:h send',
  'a=rid:l send',
);

describe('SDP fix-ups', () => {
  it('drops rejected m-sections from the BUNDLE group', () => {
    const fixed = removeRejectedFromBundle(twoSections);
    assert.match(fixed, /a=group:BUNDLE 1\r\n/);
    assert.equal(fixed.match(/a=candidate:/g)?.length, 2);
  });

  it('keeps only candidates on served addresses', () => {
    const fixed = keepCandidatesOn(twoSections, ['127.0.0.1']);
    assert.doesNotMatch(fixed, /10\.1\.2\.3/);
    assert.equal(fixed.match(/127\.0\.0\.1/g)?.length, 2);
  });

  it('reads extension ids and summarises sections with their rids', () => {
    assert.equal(extensionIdsByUri(twoSections).get('urn:ietf:params:rtp-hdrext:sdes:mid'), 4);
    assert.deepEqual(summarizeMediaSections(twoSections), [
      { mid: '0', kind: 'audio', direction: 'inactive', rejected: true, rids: [] },
      { mid: '1', kind: 'video', direction: 'sendonly', rejected: false, rids: ['h', 'l'] },
    ]);
  });

  it('adds a start bitrate to video codecs only, keeping existing fmtp', () => {
    const withFmtp = sdp(
      'v=0',
      'm=video 9 X 96 97',
      'a=rtpmap:96 VP8/90000',
      'a=rtpmap:97 H264/90000',
      'a=fmtp:97 packetization-mode=1',
      'm=audio 9 X 111',
      'a=rtpmap:111 opus/48000/2',
    );
    const fixed = withVideoStartBitrate(withFmtp, 2500);
    assert.match(fixed, /a=fmtp:96 x-google-start-bitrate=2500/);
    assert.match(fixed, /a=fmtp:97 packetization-mode=1;x-google-start-bitrate=2500/);
    assert.doesNotMatch(fixed, /a=fmtp:111/);
  });

  it('sees a description that tags the BUNDLE group with another m-section', () => {
    const before = twoSections.replace('m=audio 0 ', 'm=audio 9 ');
    const movedTag = twoSections.replace('a=group:BUNDLE 0 1', 'a=group:BUNDLE 1');
    assert.equal(movesBundleTag(before, movedTag), true);
    // An answer tagging a recycled m-section again moves it back.
    assert.equal(movesBundleTag(movedTag, before), true);
    // Closing a later m-section keeps the tag; an unchanged offer moves nothing.
    const closedSecond = before
      .replace('a=group:BUNDLE 0 1', 'a=group:BUNDLE 0')
      .replace('m=video 9 ', 'm=video 0 ');
    assert.equal(movesBundleTag(before, closedSecond), false);
    assert.equal(movesBundleTag(before, before), false);
  });

  it('rejects in an answer what the offer rejected', () => {
    const answer = sdp(
      'v=0',
      'a=group:BUNDLE 0 1',
      'm=audio 9 X 111',
      'a=mid:0',
      'a=recvonly',
      'm=video 9 X 96',
      'a=mid:1',
      'a=recvonly',
    );
    const fixed = removeRejectedFromBundle(rejectWhatTheOfferRejected(answer, twoSections));
    assert.match(fixed, /m=audio 0 X 111\r\na=mid:0\r\na=inactive/);
    assert.match(fixed, /a=group:BUNDLE 1\r\n/);
  });
});

describe('keyframe detection', () => {
  it('recognises a VP8 key frame start and refuses an inter frame or a continuation', () => {
    // X=1, S=1, PID=0; I=1 with a 15-bit picture id; then the frame tag with P=0 (key frame).
    assert.equal(isKeyframeStart('vp8', Uint8Array.from([0x90, 0x80, 0x81, 0x23, 0x10])), true);
    assert.equal(isKeyframeStart('vp8', Uint8Array.from([0x90, 0x80, 0x81, 0x23, 0x11])), false);
    assert.equal(isKeyframeStart('vp8', Uint8Array.from([0x80, 0x80, 0x81, 0x23, 0x10])), false);
    assert.equal(isKeyframeStart('vp8', Uint8Array.from([0x10, 0x00])), true);
  });

  it('recognises H.264 IDR and SPS alone, in STAP-A and at a FU-A start', () => {
    assert.equal(isKeyframeStart('h264', Uint8Array.from([0x65])), true);
    assert.equal(isKeyframeStart('h264', Uint8Array.from([0x41])), false);
    assert.equal(isKeyframeStart('h264', Uint8Array.from([0x78, 0x00, 0x02, 0x67, 0x42])), true);
    assert.equal(isKeyframeStart('h264', Uint8Array.from([0x7c, 0x85])), true);
    assert.equal(isKeyframeStart('h264', Uint8Array.from([0x7c, 0x05])), false);
  });

  it('recognises a VP9 frame start that is not inter-predicted', () => {
    assert.equal(isKeyframeStart('vp9', Uint8Array.from([0x08])), true);
    assert.equal(isKeyframeStart('vp9', Uint8Array.from([0x48])), false);
  });
});

describe('REMB encoding', () => {
  it('splits a bitrate into an 18-bit mantissa and an exponent that multiply back', () => {
    for (const bitrate of [0, 1000, 262_143, 4_000_000, 123_456_789]) {
      const { brMantissa, brExp } = rembFields(bitrate);
      assert.ok(brMantissa < 1 << 18);
      const decoded = brMantissa * 2 ** brExp;
      assert.ok(decoded <= bitrate && bitrate - decoded < 2 ** brExp, `${bitrate} → ${decoded}`);
    }
  });
});

describe('request validation', () => {
  it('treats an empty body as {} and rejects non-objects', () => {
    assert.deepEqual(parseJsonBody(''), {});
    assert.throws(() => parseJsonBody('"text"'), { errorCode: 'decoding_error' });
  });

  it('ignores unknown keys and accepts the "#name" mid form', () => {
    const parsed = parseNewTracks({
      extra: true,
      tracks: [{ location: 'remote', trackName: 'a', sessionId: 'b', mid: '#mine', future: 1 }],
    });
    assert.deepEqual(parsed.tracks[0], {
      location: 'remote',
      trackName: 'a',
      sessionId: 'b',
      mid: '#mine',
      kind: undefined,
      bidirectionalMediaStream: undefined,
      simulcast: undefined,
    });
  });

  it('keeps only the simulcast settings an update names, so the others stay as pulled', () => {
    const parsed = parseUpdateTracks({ tracks: [{ mid: '3', simulcast: { preferredRid: 'h' } }] });
    assert.deepEqual(parsed.tracks, [{ mid: '3', simulcast: { preferredRid: 'h' } }]);
    assert.equal('ridNotAvailable' in parsed.tracks[0].simulcast, false);
  });
});

describe('keyframe requests', () => {
  it('matches a PLI by its media SSRC whatever SSRC signs it, and a FIR by its entries', () => {
    const pli = new RtcpPayloadSpecificFeedback({
      feedback: new PictureLossIndication({ senderSsrc: 1111, mediaSsrc: 2222 }),
    });
    assert.equal(isKeyframeRequestFor(pli, 2222), true);
    assert.equal(isKeyframeRequestFor(pli, 1111), false);
    // FIR body: sender SSRC 0x0457, media SSRC 0, one entry for SSRC 0x08ae with sequence 7.
    const fir = RtcpPayloadSpecificFeedback.deSerialize(
      Buffer.from([0, 0, 0x04, 0x57, 0, 0, 0, 0, 0, 0, 0x08, 0xae, 7, 0, 0, 0]),
      { count: 4 } as never,
    );
    assert.equal(isKeyframeRequestFor(fir, 0x08ae), true);
    assert.equal(isKeyframeRequestFor(fir, 0x0457), false);
  });
});

describe('keyframe request pacing', () => {
  /** A pacer on mocked time: `sent` lists [ms, layer] of every PLI it sent. */
  function pacer() {
    mock.timers.enable({ apis: ['setTimeout', 'Date'], now: 0 });
    const sent: [number, string][] = [];
    const keyframes = new KeyframePacer((layer) => sent.push([Date.now(), layer]));
    const at = (ms: number) => mock.timers.tick(ms - Date.now());
    return { keyframes, sent, at };
  }

  it('holds a request that libwebrtc would drop (within 300 ms of the last) and sends it as the window ends', (t) => {
    t.after(() => mock.timers.reset());
    const { keyframes, sent, at } = pacer();
    keyframes.request('b');
    // The keyframe answers, then a subscriber whose transport just came up needs another.
    at(58);
    keyframes.keyframeStarted('b');
    at(140);
    keyframes.request('b');
    keyframes.request('b');
    assert.deepEqual(sent, [[0, 'b']]);
    at(PUBLISHER_MIN_INTERVAL_MS);
    assert.deepEqual(sent, [
      [0, 'b'],
      [PUBLISHER_MIN_INTERVAL_MS, 'b'],
    ]);
  });

  it('does not ask again while a keyframe is on its way, and repeats an unanswered request after 500 ms', (t) => {
    t.after(() => mock.timers.reset());
    const { keyframes, sent, at } = pacer();
    keyframes.request('a');
    // Any layer's request keys every layer: asking for another one meanwhile sends nothing.
    at(100);
    keyframes.request('c');
    at(400);
    keyframes.request('a');
    assert.deepEqual(sent, [[0, 'a']]);
    at(UNANSWERED_REPEAT_MS);
    keyframes.request('a');
    assert.deepEqual(sent, [
      [0, 'a'],
      [UNANSWERED_REPEAT_MS, 'a'],
    ]);
  });

  it('sends at once once the window has passed, and nothing after close', (t) => {
    t.after(() => mock.timers.reset());
    const { keyframes, sent, at } = pacer();
    keyframes.request('');
    at(30);
    keyframes.keyframeStarted('');
    at(PUBLISHER_MIN_INTERVAL_MS + 10);
    keyframes.request('');
    assert.equal(sent.length, 2);
    at(PUBLISHER_MIN_INTERVAL_MS + 40);
    keyframes.keyframeStarted('');
    keyframes.request('');
    keyframes.close();
    at(2000);
    assert.equal(sent.length, 2);
  });
});

describe('simulcast layer choice', () => {
  // The publisher declared full, quarter, half (a, c, b); the full layer is not arriving.
  const declared = ['a', 'c', 'b'];
  const arriving = ['c', 'b'];
  const bitrate = (rid: string) => ({ a: 0, b: 500_000, c: 150_000 })[rid] ?? 0;

  it("falls back to the next layer in the publisher's order or ascii-betically, as priorityOrdering says", () => {
    const fallback = { preferredRid: 'a', ridUnavailableStrategy: 'nextPriority' } as const;
    assert.equal(chooseLayer({ ...fallback, priorityOrdering: 'none' }, declared, arriving, bitrate), 'c');
    assert.equal(
      chooseLayer({ ...fallback, priorityOrdering: 'asciibetical' }, declared, arriving, bitrate),
      'b',
    );
    // The older spelling: an ascii-betical fallback.
    assert.equal(
      chooseLayer({ preferredRid: 'a', ridNotAvailable: 'asciibetical' }, declared, arriving, bitrate),
      'b',
    );
  });

  it('forwards nothing without a fallback, and the preferred layer whenever it arrives', () => {
    assert.equal(chooseLayer({ preferredRid: 'a' }, declared, arriving, bitrate), undefined);
    assert.equal(
      chooseLayer({ preferredRid: 'a', ridUnavailableStrategy: 'none' }, declared, arriving, bitrate),
      undefined,
    );
    assert.equal(
      chooseLayer({ preferredRid: 'c', priorityOrdering: 'asciibetical' }, declared, arriving, bitrate),
      'c',
    );
  });

  it('takes the best-ranked layer with no preferredRid, or the highest bitrate when no order is given', () => {
    assert.equal(chooseLayer({ priorityOrdering: 'none' }, declared, arriving, bitrate), 'c');
    assert.equal(chooseLayer({ priorityOrdering: 'asciibetical' }, declared, arriving, bitrate), 'b');
    assert.equal(chooseLayer({}, declared, arriving, bitrate), 'b');
    assert.equal(chooseLayer({}, declared, [], bitrate), undefined);
  });

  it('accepts ridUnavailableStrategy as the OpenAPI file spells it and refuses unknown values', () => {
    const pull = (simulcast: unknown) =>
      parseNewTracks({ tracks: [{ location: 'remote', sessionId: 's', trackName: 't', simulcast }] })
        .tracks[0];
    assert.deepEqual(
      pull({ preferredRid: 'h', priorityOrdering: 'asciibetical', ridUnavailableStrategy: 'nextPriority' })
        .simulcast,
      {
        preferredRid: 'h',
        priorityOrdering: 'asciibetical',
        ridUnavailableStrategy: 'nextPriority',
      },
    );
    assert.throws(() => pull({ ridUnavailableStrategy: 'sideways' }), /ridUnavailableStrategy/);
  });
});
