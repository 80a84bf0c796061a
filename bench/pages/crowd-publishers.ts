// The people already in a big room, for the crowd and join-with-8 measurements: cheap publishers
// (test/browser/helpers/crowd-publishers.ts: each its own presence socket on the backend kit and
// its own Calls session through its proxy, pushing a 320×180 camera in three simulcast layers and
// the fake microphone, pulling nothing), all in this one page. With `relayUrl` each also answers
// the baseline's bare relay the way a baseline participant does ("hello" → its tracks), so raw
// partytracks joiners find the same people on the same SFU.
import { type Crowd, joinCrowd } from '../../test/browser/helpers/crowd-publishers.js';

export interface CrowdConfig {
  endpoint: string;
  room: string;
  count: number;
  relayUrl?: string;
}

export interface CrowdMember {
  participantId: string;
  sessionId: string;
  tracks: { location: 'remote'; sessionId: string; trackName: string }[];
}

let crowd: Crowd | undefined;
const sockets: WebSocket[] = [];

function answerRelay(relayUrl: string, room: string, member: CrowdMember): Promise<void> {
  const socket = new WebSocket(`${relayUrl}/relay/${encodeURIComponent(room)}`);
  sockets.push(socket);
  const tracks = { type: 'tracks', from: member.participantId, tracks: member.tracks };
  socket.onmessage = (event) => {
    const message = JSON.parse(event.data as string) as { type: string };
    if (message.type === 'hello') socket.send(JSON.stringify(tracks));
  };
  return new Promise((resolve, reject) => {
    socket.onopen = () => resolve();
    socket.onerror = () => reject(new Error('the relay refused a publisher'));
  });
}

const bench = {
  async join(config: CrowdConfig): Promise<CrowdMember[]> {
    crowd = await joinCrowd({ endpoint: config.endpoint, room: config.room, count: config.count });
    const members = crowd.publishers.map((publisher) => ({
      participantId: publisher.participantId,
      sessionId: publisher.sessionId,
      tracks: [publisher.video, publisher.audio].map((ref) => ({ location: 'remote' as const, ...ref })),
    }));
    if (config.relayUrl) await Promise.all(members.map((m) => answerRelay(config.relayUrl!, config.room, m)));
    return members;
  },
  /** Frames encoded so far by every publisher's every simulcast layer (how fast they really send). */
  async encoded(): Promise<{ key: string; frames: number; timestampMs: number }[]> {
    const out: { key: string; frames: number; timestampMs: number }[] = [];
    for (const publisher of crowd?.publishers ?? []) {
      for (const stat of (await publisher.peerConnection.getStats()).values()) {
        if (stat.type !== 'outbound-rtp' || stat.kind !== 'video') continue;
        out.push({
          key: `${publisher.participantId}/${stat.rid}`,
          frames: stat.framesEncoded ?? 0,
          timestampMs: stat.timestamp,
        });
      }
    }
    return out;
  },
  leave(): void {
    for (const socket of sockets.splice(0)) socket.close();
    crowd?.leave();
    crowd = undefined;
  },
};

Object.assign(window, { bench });
export type CrowdPublishersPage = typeof bench;
