// Generated hostile inputs for the three surfaces. Everything comes from one seeded generator, so a
// failing input can be reproduced from its label; nothing here talks to a server.

/** A small seeded PRNG (mulberry32): the same seed gives the same inputs on every run. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Rng = () => number;
const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)] as T;

/** Odd strings: control characters, bidi overrides, NUL, surrogates, long runs, path tricks. */
export function hostileString(rng: Rng): string {
  return pick(rng, [
    '',
    ' ',
    '\u0000',
    '\u202eevil',
    '\ud800',
    '../../etc/passwd',
    '%2e%2e%2f',
    '<script>alert(1)</script>',
    'a'.repeat(5000),
    '💥'.repeat(300),
    '__proto__',
    'constructor',
    '0'.repeat(32),
    'f'.repeat(33),
    'null',
    '\r\nX-Injected: 1',
    String(Math.floor(rng() * 1e9)),
  ]);
}

/** Values of every JSON type, including deep nesting and big arrays. */
export function hostileValue(rng: Rng, depth = 0): unknown {
  const choice = Math.floor(rng() * 12);
  switch (choice) {
    case 0:
      return null;
    case 1:
      return rng() < 0.5;
    case 2:
      return pick(rng, [0, -1, 1e308, -0, 2 ** 53 + 1, 3.14]);
    case 3:
    case 4:
      return hostileString(rng);
    case 5:
      return depth > 2
        ? []
        : Array.from({ length: Math.floor(rng() * 4) }, () => hostileValue(rng, depth + 1));
    case 6:
      return depth > 2 ? {} : { [hostileString(rng)]: hostileValue(rng, depth + 1) };
    case 7:
      return Array.from({ length: 65 + Math.floor(rng() * 100) }, () => ({ location: 'local', mid: '0' }));
    case 8:
      return { type: pick(rng, ['offer', 'answer', 'pranswer', 1]), sdp: hostileString(rng) };
    case 9:
      return [{ location: pick(rng, ['local', 'remote', 'elsewhere']), sessionId: hostileString(rng) }];
    default:
      return { location: 'remote', trackName: hostileString(rng), sessionId: hostileString(rng), mid: 1 };
  }
}

/** A Calls API body for any endpoint: known keys with wrong values, unknown keys, wrong shapes. */
export function hostileCallsBody(rng: Rng): string {
  const kind = Math.floor(rng() * 10);
  if (kind === 0) return pick(rng, ['', ' ', 'null', '[]', '"text"', '1', 'true', '{', '{"a":', '\u0000']);
  if (kind === 1) return '['.repeat(20_000) + ']'.repeat(20_000);
  if (kind === 2) return '{"sessionDescription":{"type":"offer","sdp":"v=0"},"sessionDescription":1}';
  if (kind === 3)
    return Buffer.from(Array.from({ length: 200 }, () => Math.floor(rng() * 256))).toString('latin1');
  const body: Record<string, unknown> = {};
  for (const key of [
    'sessionDescription',
    'tracks',
    'dataChannels',
    'force',
    'autoDiscover',
    'dataChannel',
  ]) {
    if (rng() < 0.5) body[key] = hostileValue(rng);
  }
  if (rng() < 0.3) body[hostileString(rng)] = hostileValue(rng);
  return JSON.stringify(body);
}

/**
 * Broken versions of a real offer: truncated, lines dropped, duplicated or replaced with garbage,
 * transport attributes removed, hundreds of m-sections, huge lines, other line endings.
 */
export function mutatedSdp(rng: Rng, base: string): string {
  const lines = base.split('\r\n').filter((line) => line !== '');
  const mediaStart = lines.findIndex((line) => line.startsWith('m='));
  const section = lines.slice(mediaStart);
  const mutation = Math.floor(rng() * 14);
  switch (mutation) {
    case 0:
      return base.slice(0, Math.floor(rng() * base.length));
    case 1:
      return lines.filter(() => rng() > 0.2).join('\r\n');
    case 2: {
      const index = Math.floor(rng() * lines.length);
      return [...lines.slice(0, index), ...Array(50).fill(lines[index]), ...lines.slice(index)].join('\r\n');
    }
    case 3: {
      const copy = [...lines];
      copy[Math.floor(rng() * copy.length)] = hostileString(rng);
      return copy.join('\r\n');
    }
    case 4:
      return lines.filter((line) => !/^a=(ice-|fingerprint|setup)/.test(line)).join('\r\n');
    case 5:
      return [...lines.slice(0, mediaStart), ...Array.from({ length: 500 }, () => section).flat()].join(
        '\r\n',
      );
    case 6:
      return [...lines.slice(0, mediaStart), ...Array.from({ length: 129 }, () => section).flat()].join(
        '\r\n',
      );
    case 7:
      return lines.map((line) => line.replace(/^(m=\w+) \d+/, '$1 0')).join('\r\n');
    case 8:
      return `${lines.join('\r\n')}\r\na=x-huge:${'x'.repeat(200_000)}\r\n`;
    case 9:
      return lines.join('\n');
    case 10:
      return lines.join('\r');
    case 11:
      return lines
        .map((line) => line.replace(/UDP\/TLS\/RTP\/SAVPF/, pick(rng, ['RTP/AVP', 'TCP/MRCPv2', ''])))
        .join('\r\n');
    case 12:
      return lines
        .map((line) => (line.startsWith('a=fingerprint') ? 'a=fingerprint:sha-256 ZZ' : line))
        .join('\r\n');
    default:
      return lines.map((line) => (line.startsWith('m=') ? `${line} ${'9'.repeat(400)}` : line)).join('\r\n');
  }
}

/** Raw request heads no well-behaved client sends. `port`-independent; the Host is given. */
export function hostileRequestHeads(rng: Rng, host: string, path: string): string[] {
  const targets = [
    '//[',
    '//a:99999/x',
    '//%00/x',
    '*',
    'http://evil.example/x',
    '%',
    '/%zz',
    `${path}%00`,
    `/${'a'.repeat(9000)}`,
  ];
  const methods = ['TRACE', 'CONNECT', 'FOO', 'get', 'PROPFIND', 'DELETE', 'PATCH'];
  const hosts = [
    'evil host',
    '[',
    'a:b:c',
    '',
    'x'.repeat(300),
    'evil.example',
    '127.0.0.1:99999',
    'ä.example',
  ];
  const heads: string[] = [];
  for (const target of targets) heads.push(`GET ${target} HTTP/1.1\r\nHost: ${host}\r\n\r\n`);
  for (const method of methods) heads.push(`${method} ${path} HTTP/1.1\r\nHost: ${host}\r\n\r\n`);
  for (const bad of hosts) heads.push(`GET ${path} HTTP/1.1\r\nHost: ${bad}\r\n\r\n`);
  heads.push(
    `GET ${path} HTTP/1.1\r\nHost: ${host}\r\nX-Big: ${'y'.repeat(20_000)}\r\n\r\n`,
    `GET ${path} HTTP/1.1\r\nHost: ${host}\r\nBad Header\r\n\r\n`,
    `GET ${path} HTTP/1.1\r\nHost: ${host}\r\nX: \u0001\r\n\r\n`,
    `POST ${path} HTTP/1.1\r\nHost: ${host}\r\nContent-Length: 3\r\nContent-Length: 5\r\n\r\nabc`,
    `POST ${path} HTTP/1.1\r\nHost: ${host}\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n`,
    `POST ${path} HTTP/1.1\r\nHost: ${host}\r\nContent-Length: -1\r\n\r\n`,
    `GET ${path} HTTP/9.9\r\nHost: ${host}\r\n\r\n`,
    `GET ${path}\r\n\r\n`,
    Buffer.from(Array.from({ length: 64 }, () => Math.floor(rng() * 256))).toString('latin1'),
    `TRACE ${path} HTTP/1.1\r\nHost: ${host}\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n\r\n`,
    `GET ${path} HTTP/1.1\r\nHost: evil host\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n\r\n`,
  );
  return heads;
}

/** Presence frames: broken JSON, wrong shapes, unknown types and fields, other people's ids. */
export function hostileFrame(rng: Rng, otherParticipantId: string): string | Buffer {
  const kind = Math.floor(rng() * 12);
  switch (kind) {
    case 0:
      return pick(rng, ['', '{', 'null', '[]', '"ping"', '1e999', '{"type":', '\u0000']);
    case 1:
      return Buffer.from([0xff, 0x00, 0x12]);
    case 2:
      return JSON.stringify({ type: hostileString(rng), id: 'x' });
    case 3:
      return JSON.stringify({ type: 'update', id: 'u', patch: hostileValue(rng) });
    case 4:
      return JSON.stringify({ type: 'update', id: 'u', patch: { name: 'Alice', id: otherParticipantId } });
    case 5:
      return JSON.stringify({ type: 'mute', id: 'm', participantId: otherParticipantId, kind: 'audio' });
    case 6:
      return JSON.stringify({ type: 'remove', id: 'r', participantId: otherParticipantId });
    case 7:
      return JSON.stringify({ type: 'update', id: 'u', patch: { sessionId: hostileString(rng) } });
    case 8:
      return JSON.stringify({ type: 'ping', id: hostileValue(rng) });
    case 9:
      return JSON.stringify({
        type: 'update',
        patch: { tracks: { audio: { sessionId: 'a', trackName: hostileString(rng) } } },
      });
    case 10:
      return JSON.stringify({ type: 'sync', extra: hostileValue(rng) });
    default:
      return `{"type":"update","patch":{"handRaised":true},"padding":"${'p'.repeat(20_000)}"}`;
  }
}
