/** Conformance of track negotiation on the local SFU, with SDP from a real werift peer. */
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { RTCRtpCodecParameters } from 'werift';
import type { RunningSfu } from '../../src/sfu/index.js';
import { call, newSession, startTestSfu, TestPeer } from './helpers/sfu-api.js';

/**
 * werift's `transceiver.stop()` does not reject the m-section in its next offer; Chromium does
 * (port 0, inactive, out of the BUNDLE group). Shape the offer the way Chromium sends it.
 */
function asBrowserWithStoppedTransceiver(sdp: string, mid: string): string {
  const sections = sdp.split(/\r\n(?=m=)/);
  return sections
    .map((section, index) => {
      if (index === 0) return section.replace(new RegExp(`^(a=group:BUNDLE.*?) ${mid}(?= |$)`, 'm'), '$1');
      if (!section.includes(`\r\na=mid:${mid}\r\n`)) return section;
      return section.replace(/^(m=\S+) \d+ /, '$1 0 ').replace(/^a=(sendonly|sendrecv)$/m, 'a=inactive');
    })
    .join('\r\n');
}

describe('SFU tracks', () => {
  let sfu: RunningSfu;
  const peers: TestPeer[] = [];
  const peer = () => {
    const created = new TestPeer();
    peers.push(created);
    return created;
  };
  before(async () => {
    sfu = await startTestSfu();
  });
  afterEach(async () => {
    await Promise.all(peers.splice(0).map((p) => p.close()));
  });
  after(() => sfu.stop());

  /** Publishes `kinds` from a fresh session; returns the session id, the peer and the track names. */
  async function publish(kinds: ('audio' | 'video')[]) {
    const publisher = peer();
    const sessionId = await newSession(sfu);
    const offer = await publisher.offerSending(kinds);
    const tracks = offer.mids.map((mid, index) => ({
      location: 'local',
      mid,
      trackName: `${kinds[index]}-${mid}`,
    }));
    const answer = await call(sfu, 'POST', `sessions/${sessionId}/tracks/new`, {
      sessionDescription: offer,
      tracks,
    });
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    await publisher.accept(answer.body.sessionDescription);
    return { sessionId, publisher, trackNames: tracks.map((track) => track.trackName), mids: offer.mids };
  }

  it('answers a session offer given to sessions/new', async () => {
    const client = peer();
    const offer = await client.offerSending(['audio']);
    const answer = await call(sfu, 'POST', 'sessions/new', { sessionDescription: offer });
    assert.equal(answer.status, 201);
    assert.equal(answer.body.sessionDescription.type, 'answer');
    await client.accept(answer.body.sessionDescription);
  });

  it('publishes local tracks with an offer and answers it', async () => {
    const client = peer();
    const sessionId = await newSession(sfu);
    const offer = await client.offerSending(['audio', 'video']);
    const answer = await call(sfu, 'POST', `sessions/${sessionId}/tracks/new`, {
      sessionDescription: offer,
      tracks: offer.mids.map((mid, index) => ({ location: 'local', mid, trackName: `t${index}` })),
    });
    assert.equal(answer.status, 200);
    assert.equal(answer.body.requiresImmediateRenegotiation, false);
    assert.equal(answer.body.sessionDescription.type, 'answer');
    assert.deepEqual(
      answer.body.tracks.map((track: { trackName: string; mid: string }) => [track.trackName, track.mid]),
      [
        ['t0', offer.mids[0]],
        ['t1', offer.mids[1]],
      ],
    );
    assert.doesNotMatch(answer.body.sessionDescription.sdp, /a=candidate:.* (10|172|192)\.\d+\.\d+\.\d+ /);
    await client.accept(answer.body.sessionDescription);
    const described = await call(sfu, 'GET', `sessions/${sessionId}`);
    assert.deepEqual(described.body.tracks.map((track: { trackName: string }) => track.trackName).sort(), [
      't0',
      't1',
    ]);
    assert.ok(described.body.tracks.every((track: { status: string }) => track.status === 'inactive'));
  });

  it('discovers every sending m-section with autoDiscover and names the tracks', async () => {
    const client = peer();
    const sessionId = await newSession(sfu);
    const offer = await client.offerSending(['audio', 'video']);
    const answer = await call(sfu, 'POST', `sessions/${sessionId}/tracks/new`, {
      sessionDescription: offer,
      autoDiscover: true,
    });
    assert.equal(answer.status, 200);
    assert.equal(answer.body.tracks.length, 2);
    for (const track of answer.body.tracks) {
      assert.equal(track.location, 'local');
      assert.ok(track.trackName.length > 0);
    }
    assert.deepEqual(
      answer.body.tracks.map((track: { mid: string }) => track.mid),
      offer.mids,
    );
  });

  it('pulls a remote track with a server offer, then takes the answer on renegotiate', async () => {
    const { sessionId: publisherSession, trackNames } = await publish(['video']);
    const subscriber = peer();
    const sessionId = await newSession(sfu);
    const pulled = await call(sfu, 'POST', `sessions/${sessionId}/tracks/new`, {
      tracks: [{ location: 'remote', sessionId: publisherSession, trackName: trackNames[0] }],
    });
    assert.equal(pulled.status, 200);
    assert.equal(pulled.body.requiresImmediateRenegotiation, true);
    assert.equal(pulled.body.sessionDescription.type, 'offer');
    const [track] = pulled.body.tracks;
    assert.equal(track.trackName, trackNames[0]);
    assert.equal(track.sessionId, publisherSession);
    assert.equal(typeof track.mid, 'string');
    const answer = await subscriber.answer(pulled.body.sessionDescription);
    const renegotiated = await call(sfu, 'PUT', `sessions/${sessionId}/renegotiate`, {
      sessionDescription: answer,
    });
    assert.equal(renegotiated.status, 200);
    assert.deepEqual(renegotiated.body, {});
  });

  it('pulls remote tracks against a client offer (WHEP style) with an answer', async () => {
    const { sessionId: publisherSession, trackNames } = await publish(['audio']);
    const subscriber = peer();
    const sessionId = await newSession(sfu);
    const offer = await subscriber.offerReceiving(['audio']);
    const pulled = await call(sfu, 'POST', `sessions/${sessionId}/tracks/new`, {
      sessionDescription: offer,
      tracks: [
        { location: 'remote', sessionId: publisherSession, trackName: trackNames[0], mid: offer.mids[0] },
      ],
    });
    assert.equal(pulled.status, 200, JSON.stringify(pulled.body));
    assert.equal(pulled.body.requiresImmediateRenegotiation, false);
    assert.equal(pulled.body.sessionDescription.type, 'answer');
    assert.equal(pulled.body.tracks[0].mid, offer.mids[0]);
    await subscriber.accept(pulled.body.sessionDescription);
  });

  it('reports a track that does not exist per item, without a mid, in HTTP 200', async () => {
    const { sessionId: publisherSession, trackNames } = await publish(['audio']);
    const sessionId = await newSession(sfu);
    const pulled = await call(sfu, 'POST', `sessions/${sessionId}/tracks/new`, {
      tracks: [
        { location: 'remote', sessionId: publisherSession, trackName: 'no-such-track' },
        { location: 'remote', sessionId: publisherSession, trackName: trackNames[0] },
      ],
    });
    assert.equal(pulled.status, 200);
    const [missing, found] = pulled.body.tracks;
    assert.equal(missing.errorCode, 'not_found_track_error');
    assert.equal(missing.mid, undefined);
    assert.equal(typeof found.mid, 'string');
    assert.equal(pulled.body.requiresImmediateRenegotiation, true);

    const allMissing = await call(sfu, 'POST', `sessions/${await newSession(sfu)}/tracks/new`, {
      tracks: [{ location: 'remote', sessionId: '0'.repeat(32), trackName: 'ghost' }],
    });
    assert.equal(allMissing.status, 200);
    assert.equal(allMissing.body.requiresImmediateRenegotiation, false);
    assert.equal(allMissing.body.sessionDescription, undefined);
    assert.equal(allMissing.body.tracks[0].errorCode, 'not_found_track_error');
  });

  it('makes an offer for a local track given only a kind, sendrecv when bidirectional', async () => {
    const sessionId = await newSession(sfu);
    const answer = await call(sfu, 'POST', `sessions/${sessionId}/tracks/new`, {
      tracks: [
        { location: 'local', trackName: 'mic', kind: 'audio' },
        { location: 'local', trackName: 'cam', kind: 'video', bidirectionalMediaStream: true },
      ],
    });
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    assert.equal(answer.body.requiresImmediateRenegotiation, true);
    const { sdp } = answer.body.sessionDescription;
    assert.match(sdp, /m=audio[\s\S]*a=recvonly/);
    assert.match(sdp, /m=video[\s\S]*a=sendrecv/);
    const client = peer();
    const clientAnswer = await client.answer(answer.body.sessionDescription);
    assert.equal(
      (await call(sfu, 'PUT', `sessions/${sessionId}/renegotiate`, { sessionDescription: clientAnswer }))
        .status,
      200,
    );
  });

  it('answers a client sendrecv offer sendrecv for a bidirectional local track, recvonly otherwise', async () => {
    for (const bidirectionalMediaStream of [true, false]) {
      const client = peer();
      const sessionId = await newSession(sfu);
      const transceiver = client.pc.addTransceiver('video', { direction: 'sendrecv' });
      await client.pc.setLocalDescription(await client.pc.createOffer());
      const answer = await call(sfu, 'POST', `sessions/${sessionId}/tracks/new`, {
        sessionDescription: client.pc.localDescription,
        tracks: [{ location: 'local', mid: transceiver.mid, trackName: 'cam', bidirectionalMediaStream }],
      });
      assert.equal(answer.status, 200, JSON.stringify(answer.body));
      const direction = bidirectionalMediaStream ? 'sendrecv' : 'recvonly';
      assert.match(answer.body.sessionDescription.sdp, new RegExp(`m=video[\\s\\S]*a=${direction}\r\n`));
    }
  });

  it('validates requests with 406 invalid_params', async () => {
    const sessionId = await newSession(sfu);
    const cases: unknown[] = [
      {},
      { tracks: 'nope' },
      { tracks: [{ location: 'sideways', trackName: 'a' }] },
      { tracks: [{ location: 'remote', trackName: 'a' }] },
      {
        tracks: [
          { location: 'local', trackName: 'a', sessionId: 'x' },
          { location: 'remote', trackName: 'b', sessionId: 'y' },
        ],
      },
      {
        tracks: Array.from({ length: 65 }, (_, index) => ({
          location: 'remote',
          trackName: `t${index}`,
          sessionId: 'x',
        })),
      },
      { tracks: [{ location: 'local', trackName: 'a' }] },
      { sessionDescription: { type: 'offer', sdp: 42 }, tracks: [{ location: 'local', mid: '0' }] },
      { autoDiscover: true },
    ];
    for (const body of cases) {
      const answer = await call(sfu, 'POST', `sessions/${sessionId}/tracks/new`, body);
      assert.equal(answer.status, 406, `expected 406 for ${JSON.stringify(body).slice(0, 80)}`);
      assert.equal(answer.body.errorCode, 'invalid_params');
    }
  });

  it('rejects an offer it cannot apply with invalid_session_description', async () => {
    const sessionId = await newSession(sfu);
    const answer = await call(sfu, 'POST', `sessions/${sessionId}/tracks/new`, {
      sessionDescription: { type: 'offer', sdp: 'v=0\r\nthis is not sdp\r\n' },
      tracks: [{ location: 'local', mid: '0', trackName: 'x' }],
    });
    assert.equal(answer.status, 400);
    assert.equal(answer.body.errorCode, 'invalid_session_description');
  });

  it('refuses to renegotiate when no offer is outstanding', async () => {
    const sessionId = await newSession(sfu);
    const client = peer();
    await client.offerSending(['audio']);
    const answer = await call(sfu, 'PUT', `sessions/${sessionId}/renegotiate`, {
      sessionDescription: { type: 'answer', sdp: client.pc.localDescription!.sdp },
    });
    assert.equal(answer.status, 400);
    assert.equal(answer.body.errorCode, 'invalid_session_description');
    const wrongType = await call(sfu, 'PUT', `sessions/${sessionId}/renegotiate`, {
      sessionDescription: { type: 'offer', sdp: client.pc.localDescription!.sdp },
    });
    assert.equal(wrongType.status, 406);
  });

  it('answers an overlapping negotiation with 406 until the pending offer is answered', async () => {
    const { sessionId: publisherSession, trackNames } = await publish(['audio', 'video']);
    const subscriber = peer();
    const sessionId = await newSession(sfu);
    const first = await call(sfu, 'POST', `sessions/${sessionId}/tracks/new`, {
      tracks: [{ location: 'remote', sessionId: publisherSession, trackName: trackNames[0] }],
    });
    assert.equal(first.body.requiresImmediateRenegotiation, true);
    const overlapping = await call(sfu, 'POST', `sessions/${sessionId}/tracks/new`, {
      tracks: [{ location: 'remote', sessionId: publisherSession, trackName: trackNames[1] }],
    });
    assert.equal(overlapping.status, 406);
    assert.equal(overlapping.body.errorCode, 'invalid_params');
    const answer = await subscriber.answer(first.body.sessionDescription);
    await call(sfu, 'PUT', `sessions/${sessionId}/renegotiate`, { sessionDescription: answer });
    const after = await call(sfu, 'POST', `sessions/${sessionId}/tracks/new`, {
      tracks: [{ location: 'remote', sessionId: publisherSession, trackName: trackNames[1] }],
    });
    assert.equal(after.status, 200);
    assert.equal(after.body.requiresImmediateRenegotiation, true);
  });

  it('queues concurrent calls on one session instead of interleaving them', async () => {
    const { sessionId: publisherSession, trackNames } = await publish(['audio', 'video']);
    const sessionId = await newSession(sfu);
    const [pull, described] = await Promise.all([
      call(sfu, 'POST', `sessions/${sessionId}/tracks/new`, {
        tracks: trackNames.map((trackName) => ({
          location: 'remote',
          sessionId: publisherSession,
          trackName,
        })),
      }),
      call(sfu, 'GET', `sessions/${sessionId}`),
    ]);
    assert.equal(pull.status, 200);
    assert.equal(described.status, 200);
    assert.equal(pull.body.tracks.length, 2);
  });

  it('closes tracks with force, by mid and by #name, and reports a second close per item', async () => {
    const { sessionId, trackNames, mids } = await publish(['audio', 'video']);
    const closed = await call(sfu, 'PUT', `sessions/${sessionId}/tracks/close`, {
      tracks: [{ mid: mids[0] }, { mid: `#${trackNames[1]}` }],
      force: true,
    });
    assert.equal(closed.status, 200);
    assert.equal(closed.body.requiresImmediateRenegotiation, false);
    assert.deepEqual(
      closed.body.tracks.map((track: { mid: string }) => track.mid),
      mids,
    );
    assert.ok(closed.body.tracks.every((track: { errorCode?: string }) => track.errorCode === undefined));
    assert.deepEqual((await call(sfu, 'GET', `sessions/${sessionId}`)).body.tracks, []);
    const again = await call(sfu, 'PUT', `sessions/${sessionId}/tracks/close`, {
      tracks: [{ mid: mids[0] }],
      force: true,
    });
    assert.equal(again.status, 200);
    assert.equal(again.body.tracks[0].errorCode, 'close_track_error');
  });

  it('closes a track without force by answering an offer whose transceiver is stopped', async () => {
    const { sessionId, publisher, mids } = await publish(['audio', 'video']);
    const offer = await publisher.pc.createOffer();
    await publisher.pc.setLocalDescription(offer);
    const closed = await call(sfu, 'PUT', `sessions/${sessionId}/tracks/close`, {
      tracks: [{ mid: mids[0] }],
      force: false,
      sessionDescription: {
        type: 'offer',
        sdp: asBrowserWithStoppedTransceiver(publisher.pc.localDescription!.sdp, mids[0]),
      },
    });
    assert.equal(closed.status, 200, JSON.stringify(closed.body));
    assert.equal(closed.body.sessionDescription.type, 'answer');
    assert.doesNotMatch(closed.body.sessionDescription.sdp, new RegExp(`a=group:BUNDLE.* ${mids[0]}( |\\r)`));
    const remaining = (await call(sfu, 'GET', `sessions/${sessionId}`)).body.tracks;
    assert.deepEqual(
      remaining.map((track: { mid: string }) => track.mid),
      [mids[1]],
    );
    const noOffer = await call(sfu, 'PUT', `sessions/${sessionId}/tracks/close`, {
      tracks: [{ mid: mids[1] }],
      force: false,
    });
    assert.equal(noOffer.status, 406);
  });

  it('refuses a pull of a closed track with not_found_track_error', async () => {
    const { sessionId: publisherSession, trackNames, mids } = await publish(['audio']);
    await call(sfu, 'PUT', `sessions/${publisherSession}/tracks/close`, {
      tracks: [{ mid: mids[0] }],
      force: true,
    });
    const pulled = await call(sfu, 'POST', `sessions/${await newSession(sfu)}/tracks/new`, {
      tracks: [{ location: 'remote', sessionId: publisherSession, trackName: trackNames[0] }],
    });
    assert.equal(pulled.body.tracks[0].errorCode, 'not_found_track_error');
  });

  it('answers tracks/update on a track without simulcast with update_track_error per item', async () => {
    const { sessionId: publisherSession, trackNames } = await publish(['video']);
    const subscriber = peer();
    const sessionId = await newSession(sfu);
    const pulled = await call(sfu, 'POST', `sessions/${sessionId}/tracks/new`, {
      tracks: [{ location: 'remote', sessionId: publisherSession, trackName: trackNames[0] }],
    });
    await call(sfu, 'PUT', `sessions/${sessionId}/renegotiate`, {
      sessionDescription: await subscriber.answer(pulled.body.sessionDescription),
    });
    const updated = await call(sfu, 'PUT', `sessions/${sessionId}/tracks/update`, {
      tracks: [
        { mid: pulled.body.tracks[0].mid, simulcast: { preferredRid: 'h' } },
        { mid: '999', simulcast: { preferredRid: 'h', ridUnavailableStrategy: 'nextPriority' } },
      ],
    });
    assert.equal(updated.status, 200);
    assert.equal(updated.body.tracks[0].errorCode, 'update_track_error');
    assert.equal(updated.body.tracks[1].errorCode, 'update_track_error');
  });

  it('establishes a data channel transport with a server offer and refuses channels before it', async () => {
    const sessionId = await newSession(sfu);
    const early = await call(sfu, 'POST', `sessions/${sessionId}/datachannels/new`, {
      dataChannels: [{ location: 'local', dataChannelName: 'chat' }],
    });
    assert.equal(early.status, 406);
    const established = await call(sfu, 'POST', `sessions/${sessionId}/datachannels/establish`, {
      dataChannel: { location: 'remote', dataChannelName: 'server-events' },
    });
    assert.equal(established.status, 200, JSON.stringify(established.body));
    assert.equal(established.body.requiresImmediateRenegotiation, true);
    assert.match(established.body.sessionDescription.sdp, /m=application/);
    assert.equal(established.body.dataChannel.dataChannelName, 'server-events');
    assert.equal(typeof established.body.dataChannel.id, 'number');
    const unknown = await call(sfu, 'PUT', `sessions/${sessionId}/datachannels/close`, {
      dataChannels: [{ id: 999 }],
    });
    assert.equal(unknown.status, 200);
    assert.equal(unknown.body.dataChannels[0].errorCode, 'close_track_error');
    const invalid = await call(sfu, 'POST', `sessions/${sessionId}/datachannels/new`, {
      dataChannels: [{ location: 'local', dataChannelName: 'x', maxRetransmits: 1, maxPacketLifeTime: 10 }],
    });
    assert.equal(invalid.status, 406);
  });

  it('never offers one payload type for two codecs in a bundle', async () => {
    const { sessionId: audioPublisher, trackNames } = await publish(['audio']);
    // Numbered like Chromium: VP8 is 96 on the browser's side of the bundle.
    const browserLike = new TestPeer({
      codecs: {
        video: [new RTCRtpCodecParameters({ mimeType: 'video/VP8', clockRate: 90000, payloadType: 96 })],
      },
    });
    peers.push(browserLike);
    const sessionId = await newSession(sfu);
    const offer = await browserLike.offerSending(['video']);
    const pushed = await call(sfu, 'POST', `sessions/${sessionId}/tracks/new`, {
      sessionDescription: offer,
      tracks: [{ location: 'local', mid: offer.mids[0], trackName: 'camera' }],
    });
    await browserLike.accept(pushed.body.sessionDescription);
    const pulled = await call(sfu, 'POST', `sessions/${sessionId}/tracks/new`, {
      tracks: [{ location: 'remote', sessionId: audioPublisher, trackName: trackNames[0] }],
    });
    const codecByPayloadType = new Map<string, string>();
    for (const [, payloadType, codec] of pulled.body.sessionDescription.sdp.matchAll(
      /a=rtpmap:(\d+) ([^/\s]+)/g,
    )) {
      const known = codecByPayloadType.get(payloadType);
      assert.ok(
        known === undefined || known === codec.toLowerCase(),
        `payload type ${payloadType} is ${known} and ${codec}`,
      );
      codecByPayloadType.set(payloadType, codec.toLowerCase());
    }
    assert.equal(codecByPayloadType.get('96'), 'vp8');
  });
});
