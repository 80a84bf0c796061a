// How each presence contender is spoken: the calls-elements protocol (docs/protocol.md) and the
// baseline's bare relay (no protocol: a JSON blob relayed to the rest of the room).
import { randomUUID } from 'node:crypto';
import type WebSocket from 'ws';
import type { Dialect } from '../lib/presence-clients.js';

export function callsPresence(endpoint: string): Dialect {
  const base = endpoint.replace(/^http/, 'ws');
  return {
    url: (room, index) => `${base}/rooms/${room}?name=client-${index}`,
    protocols: ['calls-presence.v1'],
    joined: (socket: WebSocket) =>
      new Promise((resolve, reject) => {
        socket.once('message', (data) => {
          const message = JSON.parse(data.toString());
          if (message.type === 'welcome') resolve(message.participantId as string);
          else reject(new Error(`expected welcome, got ${data.toString().slice(0, 200)}`));
        });
        socket.once('close', (code) => reject(new Error(`closed ${code} before welcome`)));
      }),
    // An update that changes nothing is not broadcast, so the flag flips each time.
    update: (_senderId, _round, flag) => JSON.stringify({ type: 'update', patch: { handRaised: flag } }),
    isBroadcast(data, senderId, _round, flag) {
      const message = JSON.parse(data);
      return (
        message.type === 'participant-updated' &&
        message.participant?.id === senderId &&
        message.participant.handRaised === flag
      );
    },
  };
}

export function bareRelay(relayUrl: string): Dialect {
  return {
    url: (room) => `${relayUrl}/relay/${room}`,
    protocols: [],
    joined: (socket: WebSocket) =>
      new Promise((resolve, reject) => {
        socket.once('open', () => resolve(randomUUID()));
        socket.once('error', reject);
      }),
    update: (senderId, round, flag) =>
      JSON.stringify({ type: 'update', from: senderId, round, handRaised: flag }),
    isBroadcast(data, senderId, round) {
      const message = JSON.parse(data);
      return message.from === senderId && message.round === round;
    },
  };
}
