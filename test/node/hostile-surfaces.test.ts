// Generated hostile input on the SFU's HTTP API, the backend's Calls proxy (and the HTTP front it
// shares with the demo page) and the presence WebSocket, all while a real call runs through them.
// Every input must be answered within 1 s, never with a 5xx, every error as Calls-style JSON; the
// process keeps serving with bounded memory; and the call's media keeps flowing throughout.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  hostileCallsBody,
  hostileFrame,
  hostileRequestHeads,
  hostileString,
  mutatedSdp,
  random,
} from './helpers/hostile-inputs.js';
import {
  HostileSocket,
  inBatches,
  openSlowClients,
  runHandshakeProbe,
  runHttpProbe,
  runRawProbe,
} from './helpers/hostile-probes.js';
import { type ServerProcess, startServerProcess } from './helpers/hostile-server-process.js';
import { type LiveCall, proxyCall, roomUrl, startLiveCall } from './helpers/live-call.js';
import { PresenceClient } from './helpers/server-harness.js';
import { TestPeer } from './helpers/sfu-api.js';

/** `heavy` inputs (SDP werift works on, multi-MiB bodies) go one at a time beside the others. */
type Task = { label: string; run: () => Promise<string | null>; heavy?: boolean };

const MIB = 1024 * 1024;

describe('hostile input on every surface while a call runs', { timeout: 120_000 }, () => {
  let dev: ServerProcess;
  let call: LiveCall;
  let sfuBase: string;
  let sfuAuth: Record<string, string>;
  let rssBefore: number;
  let inputs = 0;
  let offers: string[];
  const peers: TestPeer[] = [];

  before(async () => {
    dev = await startServerProcess();
    const sfu = dev.sfu;
    sfuBase = `${sfu.apiBaseUrl}/apps/${sfu.appId}`;
    sfuAuth = { authorization: `Bearer ${sfu.appSecret}` };
    call = await startLiveCall(dev);
    offers = [];
    for (const kinds of [['audio'], ['audio', 'video'], ['video']] as const) {
      const peer = new TestPeer();
      peers.push(peer);
      offers.push((await peer.offerSending([...kinds])).sdp);
    }
    rssBefore = dev.rss();
  });

  after(async () => {
    await call?.stop();
    await Promise.all(peers.map((peer) => peer.close()));
    await dev?.stop();
  });

  /** Runs the tasks and returns their problems; the live call must have kept flowing meanwhile. */
  async function attack(tasks: Task[], parallel: number): Promise<string[]> {
    const flowingMeanwhile = call.flowing(25, 60_000);
    const closeSlowClients = [
      openSlowClients(dev.sfu.port, 20),
      openSlowClients(Number(new URL(dev.url).port), 20),
    ];
    const judged = async (task: Task) => {
      const problem = await task.run();
      return problem === null ? [] : [`${task.label}: ${problem}`];
    };
    const [heavy, light] = await Promise.all([
      inBatches(
        tasks.filter((task) => task.heavy).map((task) => () => judged(task)),
        1,
      ),
      inBatches(
        tasks.filter((task) => !task.heavy).map((task) => () => judged(task)),
        parallel,
      ),
    ]);
    for (const close of closeSlowClients) close();
    inputs += tasks.length;
    await flowingMeanwhile;
    assert.ok(dev.alive(), 'the server process exited');
    return [...heavy.flat(), ...light.flat()];
  }

  const http = (label: string, method: string, url: string, body?: string, headers = {}): Task => ({
    label,
    run: () => runHttpProbe({ label, method, url, body, headers }),
    heavy: /^(sdp|6 MB)/.test(label),
  });

  test('the SFU HTTP API', async () => {
    const rng = random(0x5f0);
    const sfu = dev.sfu;
    const sacrificial = (
      await (await fetch(`${sfuBase}/sessions/new`, { method: 'POST', headers: sfuAuth })).json()
    ).sessionId as string;
    const endpoints: Array<[string, string]> = [
      ['POST', 'sessions/new'],
      ['POST', `sessions/${sacrificial}/tracks/new`],
      ['PUT', `sessions/${sacrificial}/renegotiate`],
      ['PUT', `sessions/${sacrificial}/tracks/close`],
      ['PUT', `sessions/${sacrificial}/tracks/update`],
      ['POST', `sessions/${sacrificial}/datachannels/new`],
      ['PUT', `sessions/${sacrificial}/datachannels/close`],
      ['POST', `sessions/${sacrificial}/datachannels/establish`],
    ];
    const tasks: Task[] = [];
    for (const head of hostileRequestHeads(rng, `127.0.0.1:${sfu.port}`, '/v1/apps/local-app/sessions/new')) {
      tasks.push({
        label: `raw ${JSON.stringify(head.slice(0, 40))}`,
        run: () => runRawProbe(sfu.port, head),
      });
    }
    for (let i = 0; i < 260; i++) {
      const [method, path] = endpoints[i % endpoints.length] as [string, string];
      tasks.push(
        http(`body ${i} ${method} ${path}`, method, `${sfuBase}/${path}`, hostileCallsBody(rng), sfuAuth),
      );
    }
    for (let i = 0; i < 100; i++) {
      const sdp = mutatedSdp(rng, offers[i % offers.length] as string);
      // Most go to one session: every accepted sessions/new is a werift peer connection the server
      // keeps for 30 s, and the point is the SDP, not how many connections one machine holds.
      const path = i % 5 === 0 ? 'sessions/new' : `sessions/${sacrificial}/tracks/new`;
      const body = JSON.stringify({
        sessionDescription: { type: 'offer', sdp },
        tracks: [{ location: 'local', mid: '0', trackName: `sdp-${i}` }],
      });
      tasks.push(http(`sdp ${i} ${path}`, 'POST', `${sfuBase}/${path}`, body, sfuAuth));
    }
    for (let i = 0; i < 60; i++) {
      const id = segment(hostileString(rng));
      const [method, path] = endpoints[1 + (i % (endpoints.length - 1))] as [string, string];
      tasks.push(http(`id ${i}`, method, `${sfuBase}/${path.replace(sacrificial, id)}`, '{}', sfuAuth));
    }
    const credentials = [
      '',
      'Bearer',
      'Bearer ',
      `Bearer ${sfu.appSecret}x`,
      'Basic Zm9vOmJhcg==',
      `bearer  ${'z'.repeat(4000)}`,
    ];
    for (let i = 0; i < 40; i++) {
      const authorization = credentials[i % credentials.length] as string;
      const app = i % 7 === 0 ? segment(hostileString(rng)) : sfu.appId;
      tasks.push(
        http(`credential ${i}`, 'POST', `${sfu.apiBaseUrl}/apps/${app}/sessions/new`, '{}', {
          authorization,
        }),
      );
    }
    for (const method of ['GET', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD']) {
      for (const [, path] of endpoints)
        tasks.push(http(`method ${method} ${path}`, method, `${sfuBase}/${path}`, undefined, sfuAuth));
    }
    for (let i = 0; i < 3; i++) {
      tasks.push(http(`6 MB body ${i}`, 'POST', `${sfuBase}/sessions/new`, 'x'.repeat(6 * MIB), sfuAuth));
    }
    for (let i = 0; i < 150; i++)
      tasks.push(http(`flood ${i}`, 'GET', `${sfuBase}/sessions/${sacrificial}`, undefined, sfuAuth));
    assert.deepEqual(await attack(tasks, 4), []);
  });

  test('the backend: Calls proxy, presence routes and the demo page', async () => {
    const rng = random(0xbac);
    const port = Number(new URL(dev.url).port);
    const mallory = await PresenceClient.join(roomUrl(dev, call.room, 'Mallory'));
    const outsider = await PresenceClient.join(roomUrl(dev, 'elsewhere', 'Oscar'));
    try {
      const session = (await proxyCall(dev, mallory.credential, 'POST', '/sessions/new')).body
        .sessionId as string;
      const proxy = `${dev.endpoint}/partytracks`;
      const as = (credential: string) => ({ 'X-Calls-Participant': credential });
      const endpoints: Array<[string, string]> = [
        ['POST', `/sessions/${session}/tracks/new`],
        ['PUT', `/sessions/${session}/renegotiate`],
        ['PUT', `/sessions/${session}/tracks/close`],
        ['PUT', `/sessions/${session}/tracks/update`],
        ['POST', `/sessions/${session}/datachannels/new`],
        ['PUT', `/sessions/${session}/datachannels/close`],
        ['POST', `/sessions/${session}/datachannels/establish`],
        ['POST', '/sessions/new'],
      ];
      const tasks: Task[] = [];
      for (const head of hostileRequestHeads(rng, `127.0.0.1:${port}`, '/calls/partytracks/sessions/new')) {
        tasks.push({ label: `raw ${JSON.stringify(head.slice(0, 40))}`, run: () => runRawProbe(port, head) });
      }
      for (let i = 0; i < 200; i++) {
        const [method, path] = endpoints[i % endpoints.length] as [string, string];
        tasks.push(
          http(
            `body ${i} ${method} ${path}`,
            method,
            `${proxy}${path}`,
            hostileCallsBody(rng),
            as(mallory.credential),
          ),
        );
      }
      for (let i = 0; i < 60; i++) {
        const sdp = mutatedSdp(rng, offers[i % offers.length] as string);
        const body = JSON.stringify({
          sessionDescription: { type: 'offer', sdp },
          tracks: [{ location: 'local', mid: '0', trackName: `t${i}` }],
        });
        tasks.push(
          http(`sdp ${i}`, 'POST', `${proxy}/sessions/${session}/tracks/new`, body, as(mallory.credential)),
        );
      }
      const real = mallory.credential;
      const forged = [
        '',
        'v1..',
        real.slice(0, -3),
        `${real}x`,
        real.replace('v1.', 'v2.'),
        outsider.credential,
        `v1.${Buffer.from(JSON.stringify({ r: call.room, p: call.alice.participantId, u: null, e: 9e15 })).toString('base64url')}.${real.split('.')[2]}`,
        'x'.repeat(3000),
      ];
      for (let i = 0; i < 64; i++) {
        const credential =
          i < forged.length ? (forged[i] as string) : hostileString(rng).replace(/[^\x20-\x7e]/g, '?');
        const [method, path] = endpoints[i % endpoints.length] as [string, string];
        tasks.push(
          http(
            `credential ${i}`,
            method,
            `${proxy}${path.replace(session, call.aliceSession)}`,
            '{}',
            as(credential),
          ),
        );
      }
      for (let i = 0; i < 50; i++) {
        const path = pick(rng, [
          '/calls/rooms/',
          '/calls/rooms/a/b',
          `/calls/partytracks/${segment(hostileString(rng))}`,
          '/calls/partytracks/sessions/%zz',
          '/calls/%E0%A4%A',
          '/%E0%A4%A',
          '/dist/cli.js',
          '/dist/sfu/index.js',
          '/dist/../package.json',
          '/dist/%2e%2e/package.json',
          '/calls',
          '/calls/',
        ]);
        tasks.push(
          http(`route ${i} ${path}`, pick(rng, ['GET', 'POST', 'PUT']), `${dev.url}${path}`, undefined, {}),
        );
      }
      for (const host of [
        'evil.example',
        'evil.example:8787',
        'localhost.evil.example',
        '127.0.0.1.nip.io',
      ]) {
        for (const path of [
          '/',
          '/calls/partytracks/generate-ice-servers',
          '/calls/partytracks/sessions/new',
        ]) {
          const head = `GET ${path} HTTP/1.1\r\nHost: ${host}\r\nOrigin: http://${host}\r\n\r\n`;
          tasks.push({ label: `rebinding ${host}${path}`, run: () => runRawProbe(port, head) });
        }
      }
      for (let i = 0; i < 3; i++) {
        tasks.push(
          http(
            `6 MB body ${i}`,
            'POST',
            `${proxy}/sessions/${session}/tracks/new`,
            'x'.repeat(6 * MIB),
            as(real),
          ),
        );
      }
      for (let i = 0; i < 100; i++)
        tasks.push(http(`flood ${i}`, 'GET', `${proxy}/sessions/${session}`, undefined, as(real)));
      assert.deepEqual(await attack(tasks, 4), []);
    } finally {
      mallory.close();
      outsider.close();
    }
  });

  test('the presence WebSocket: handshakes, frames and a flood', async () => {
    const rng = random(0x3b5);
    const base = `${dev.endpoint.replace(/^http/, 'ws')}/rooms`;
    const tasks: Task[] = [];
    const protocolSets = [
      [],
      ['calls-presence.v2'],
      ['calls-presence.v1', 'bearer.%%%'],
      ['calls-presence.v1', 'bearer.'],
      ['calls-presence.v1', 'resume.v1.forged.credential'],
      ['calls-presence.v1', `resume.${'a'.repeat(3000)}`],
      ['calls-presence.v1', `bearer.${Buffer.from('\u0000token').toString('base64url')}`],
    ];
    for (let i = 0; i < 70; i++) {
      const room = i % 3 === 0 ? segment(hostileString(rng)) : call.room;
      const protocols = protocolSets[i % protocolSets.length] as string[];
      const headers: Record<string, string> = i % 5 === 0 ? { Origin: 'https://evil.example' } : {};
      tasks.push({
        label: `handshake ${i}`,
        run: () => runHandshakeProbe(`${base}/${room}`, protocols, headers),
      });
    }
    const port = Number(new URL(dev.url).port);
    const upgrade = (extra: string) =>
      `GET /calls/rooms/${call.room} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n${extra}\r\n`;
    for (const extra of [
      '',
      'Sec-WebSocket-Version: 13\r\n',
      'Sec-WebSocket-Key: short\r\nSec-WebSocket-Version: 13\r\n',
      'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 99\r\n',
      'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: calls-presence.v1, ,,\r\n',
      'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: calls-presence.v1, calls-presence.v1\r\n',
    ]) {
      tasks.push({
        label: `raw upgrade ${JSON.stringify(extra.slice(0, 50))}`,
        run: () => runRawProbe(port, upgrade(extra)),
      });
    }
    const sockets = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        HostileSocket.open(`${base}/${i < 4 ? call.room : `side-${i}`}?name=h${i}`),
      ),
    );
    for (const [index, socket] of sockets.entries()) {
      const frames = Array.from({ length: 40 }, () => hostileFrame(rng, call.alice.participantId));
      tasks.push({
        label: `frames on socket ${index}`,
        run: async () => {
          for (const [n, frame] of frames.entries()) {
            const problem = await socket.probe(frame);
            if (problem) return `frame ${n} ${JSON.stringify(String(frame).slice(0, 60))}: ${problem}`;
          }
          return null;
        },
      });
    }
    const problems = await attack(tasks, 12);
    inputs += sockets.length * 39; // each socket task carried 40 inputs
    for (const socket of sockets) socket.close();
    assert.deepEqual(problems, []);

    // A flood: the sender hears `rate_limited` and is cut off (4429); nobody else notices.
    const flooder = await PresenceClient.join(`${base}/${call.room}?name=flood`);
    const flowingMeanwhile = call.flowing(25, 60_000);
    // As fast as the socket takes them, until the server cuts it off (bounded: 5,000 frames).
    let sent = 0;
    while (flooder.socket.readyState === flooder.socket.OPEN && sent < 5000) {
      for (let i = 0; i < 100; i++) flooder.send({ type: 'ping', id: `f${sent++}` });
      await new Promise((resolve) => setImmediate(resolve));
    }
    inputs += sent;
    assert.equal((await flooder.closed).code, 4429);
    assert.ok(flooder.messages.some((m) => m.type === 'error' && m.code === 'rate_limited'));
    await flowingMeanwhile;
    const seen = await call.bob.roomState();
    assert.ok(seen.some((participant) => participant.id === call.alice.participantId));
  });

  test('afterwards: at least 1,500 inputs, still serving, memory bounded, the call live in the SFU', async () => {
    assert.ok(inputs >= 1500, `only ${inputs} hostile inputs were sent`);
    assert.ok(dev.alive(), 'the server process exited');
    const growth = dev.rss() - rssBefore;
    assert.ok(growth < 384 * MIB, `RSS grew by ${(growth / MIB).toFixed(0)} MiB`);
    await call.flowing(50);
    const statuses = await call.sfuTrackStatuses();
    assert.deepEqual(statuses.alice, ['local:mic:active']);
    assert.deepEqual(statuses.bob, ['remote:mic:active']);
    const ice = await fetch(`${dev.endpoint}/partytracks/generate-ice-servers`);
    assert.equal(ice.status, 200);
    console.log(
      `# ${inputs} hostile inputs; RSS grew ${(growth / MIB).toFixed(0)} MiB; ${call.packetsReceived()} packets reached Bob`,
    );
  });
});

/** A path segment for any string; a lone surrogate (which encodeURIComponent refuses) goes raw. */
function segment(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return '%ED%A0%80';
  }
}

function pick<T>(rng: () => number, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)] as T;
}
