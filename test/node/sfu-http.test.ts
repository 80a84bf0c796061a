/** Conformance of the local SFU's HTTP surface: paths, auth, CORS, error model, body limits. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { RunningSfu } from '../../src/sfu/index.js';
import { call, newSession, startTestSfu } from './helpers/sfu-api.js';

describe('SFU HTTP API', () => {
  let sfu: RunningSfu;
  before(async () => {
    sfu = await startTestSfu({ maxBodyBytes: 64 * 1024, requestsPerSecond: 20 });
  });
  after(() => sfu.stop());

  it('creates a session with 201 and a 32-hex id, with and without /v1', async () => {
    const withV1 = await call(sfu, 'POST', 'sessions/new');
    assert.equal(withV1.status, 201);
    assert.match(withV1.body.sessionId, /^[0-9a-f]{32}$/);
    assert.equal(withV1.body.sessionDescription, undefined);
    const withoutV1 = await call(sfu, 'POST', 'sessions/new', undefined, { prefix: sfu.url });
    assert.equal(withoutV1.status, 201);
    assert.notEqual(withoutV1.body.sessionId, withV1.body.sessionId);
  });

  it('refuses a wrong or missing secret with 401 unauthorized', async () => {
    const wrong = await call(sfu, 'POST', 'sessions/new', undefined, { secret: 'nope' });
    assert.equal(wrong.status, 401);
    assert.equal(wrong.body.errorCode, 'unauthorized');
    assert.equal(typeof wrong.body.errorDescription, 'string');
    const missing = await call(sfu, 'POST', 'sessions/new', undefined, { secret: null });
    assert.equal(missing.status, 401);
    assert.equal(missing.body.errorCode, 'unauthorized');
  });

  it('answers an unknown app id with 404 not_found', async () => {
    const answer = await call(sfu, 'POST', 'sessions/new', undefined, { appId: 'someone-else' });
    assert.equal(answer.status, 404);
    assert.equal(answer.body.errorCode, 'not_found');
  });

  it('answers malformed JSON and non-object bodies with 400 decoding_error', async () => {
    const sessionId = await newSession(sfu);
    const malformed = await call(sfu, 'POST', `sessions/${sessionId}/tracks/new`, undefined, {
      raw: '{"tracks": [',
    });
    assert.equal(malformed.status, 400);
    assert.equal(malformed.body.errorCode, 'decoding_error');
    const array = await call(sfu, 'POST', `sessions/${sessionId}/tracks/new`, undefined, { raw: '[1,2]' });
    assert.equal(array.status, 400);
    assert.equal(array.body.errorCode, 'decoding_error');
  });

  it('answers a well-formed unknown session with 410 session_error and a malformed id with 404', async () => {
    const gone = await call(sfu, 'GET', `sessions/${'0'.repeat(32)}`);
    assert.equal(gone.status, 410);
    assert.equal(gone.body.errorCode, 'session_error');
    const malformed = await call(sfu, 'GET', 'sessions/not-a-session');
    assert.equal(malformed.status, 404);
    assert.equal(malformed.body.errorCode, 'not_found');
  });

  it('answers unknown endpoints with 404 and wrong methods with 405, always as JSON', async () => {
    const unknown = await call(sfu, 'POST', 'sessions/abc/tracks/explode', {});
    assert.equal(unknown.status, 404);
    assert.equal(unknown.body.errorCode, 'not_found');
    const sessionId = await newSession(sfu);
    const wrongMethod = await call(sfu, 'GET', `sessions/${sessionId}/renegotiate`);
    assert.equal(wrongMethod.status, 405);
    assert.equal(typeof wrongMethod.body.errorDescription, 'string');
    assert.match(wrongMethod.headers.get('content-type') ?? '', /application\/json/);
  });

  it('ignores unknown keys and query parameters and needs no JSON content type', async () => {
    const answer = await call(
      sfu,
      'POST',
      'sessions/new?thirdparty=true&correlationId=abc&unknown=1',
      undefined,
      { raw: '{"surprise": {"nested": true}}', contentType: 'text/plain;charset=UTF-8' },
    );
    assert.equal(answer.status, 201);
    assert.match(answer.body.sessionId, /^[0-9a-f]{32}$/);
  });

  it('answers a CORS preflight and puts CORS headers on every answer', async () => {
    const preflight = await fetch(`${sfu.apiBaseUrl}/apps/${sfu.appId}/sessions/new`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://example.test',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization',
      },
    });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get('access-control-allow-origin'), '*');
    assert.match(preflight.headers.get('access-control-allow-headers') ?? '', /authorization/);
    assert.match(preflight.headers.get('access-control-allow-methods') ?? '', /PUT/);
    const failure = await call(sfu, 'POST', 'sessions/new', undefined, { secret: 'wrong' });
    assert.equal(failure.headers.get('access-control-allow-origin'), '*');
  });

  it('refuses a body over the size limit with 413 payload_too_large', async () => {
    const sessionId = await newSession(sfu);
    const huge = JSON.stringify({
      tracks: [{ location: 'remote', trackName: 'x'.repeat(100 * 1024), sessionId }],
    });
    const answer = await call(sfu, 'POST', `sessions/${sessionId}/tracks/new`, undefined, { raw: huge });
    assert.equal(answer.status, 413);
    assert.equal(answer.body.errorCode, 'payload_too_large');
    // The session is untouched and still answers.
    assert.equal((await call(sfu, 'GET', `sessions/${sessionId}`)).status, 200);
  });

  it('limits the request rate per session with 429 and leaves other sessions alone', async () => {
    const busy = await newSession(sfu);
    const calm = await newSession(sfu);
    const answers = await Promise.all(Array.from({ length: 30 }, () => call(sfu, 'GET', `sessions/${busy}`)));
    const limited = answers.filter((answer) => answer.status === 429);
    assert.ok(limited.length >= 10, `expected at least 10 answers of 429, got ${limited.length}`);
    assert.equal(limited[0].body.errorCode, 'too_many_requests');
    assert.equal((await call(sfu, 'GET', `sessions/${calm}`)).status, 200);
  });

  it('describes a new session with no tracks and no data channels', async () => {
    const sessionId = await newSession(sfu);
    const described = await call(sfu, 'GET', `sessions/${sessionId}`);
    assert.equal(described.status, 200);
    assert.deepEqual(described.body.tracks, []);
    assert.deepEqual(described.body.dataChannels, []);
  });
});
