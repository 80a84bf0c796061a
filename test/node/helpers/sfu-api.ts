/** Test helpers: a real SFU on loopback, its HTTP API, and offers made by a real werift peer. */
import { RTCPeerConnection, type RTCPeerConnectionConfig } from 'werift';
import { type RunningSfu, type SfuOptions, startSfu } from '../../../src/sfu/index.js';

export interface ApiAnswer<T = Record<string, unknown>> {
  status: number;
  body: T;
  headers: Headers;
}

export async function startTestSfu(options: SfuOptions = {}): Promise<RunningSfu> {
  return startSfu({ logLevel: 'silent', ...options });
}

export interface CallOptions {
  secret?: string | null;
  appId?: string;
  raw?: string;
  contentType?: string;
  prefix?: string;
}

/** Calls `{apiBaseUrl}/apps/{appId}/{path}` with the app secret, returning status and parsed JSON. */
export async function call<T = any>(
  sfu: RunningSfu,
  method: string,
  path: string,
  body?: unknown,
  options: CallOptions = {},
): Promise<ApiAnswer<T>> {
  const headers: Record<string, string> = {};
  const secret = options.secret === undefined ? sfu.appSecret : options.secret;
  if (secret !== null) headers.authorization = `Bearer ${secret}`;
  if (options.contentType) headers['content-type'] = options.contentType;
  const base = options.prefix ?? sfu.apiBaseUrl;
  const response = await fetch(`${base}/apps/${options.appId ?? sfu.appId}/${path}`, {
    method,
    headers,
    body: options.raw ?? (body === undefined ? undefined : JSON.stringify(body)),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined, headers: response.headers };
}

export async function newSession(sfu: RunningSfu): Promise<string> {
  const { status, body } = await call(sfu, 'POST', 'sessions/new');
  if (status !== 201) throw new Error(`sessions/new answered ${status}`);
  return body.sessionId;
}

/**
 * A werift peer acting as the browser: its offers and answers are real SDP. It gathers no
 * candidates ('relay' without TURN), so it never connects: these tests are about signalling, and
 * a connected werift client leaves a 30 s ICE consent timer behind after close.
 */
export class TestPeer {
  readonly pc: RTCPeerConnection;

  constructor(config: RTCPeerConnectionConfig = {}) {
    this.pc = new RTCPeerConnection({
      iceServers: [],
      iceTransportPolicy: 'relay',
      bundlePolicy: 'max-bundle',
      ...config,
    });
  }

  async offerSending(kinds: ('audio' | 'video')[]): Promise<{ type: 'offer'; sdp: string; mids: string[] }> {
    const transceivers = kinds.map((kind) => this.pc.addTransceiver(kind, { direction: 'sendonly' }));
    const offer = await this.pc.createOffer();
    await this.pc.setLocalDescription(offer);
    return { type: 'offer', sdp: this.pc.localDescription!.sdp, mids: transceivers.map((t) => t.mid ?? '') };
  }

  async offerReceiving(
    kinds: ('audio' | 'video')[],
  ): Promise<{ type: 'offer'; sdp: string; mids: string[] }> {
    const transceivers = kinds.map((kind) => this.pc.addTransceiver(kind, { direction: 'recvonly' }));
    const offer = await this.pc.createOffer();
    await this.pc.setLocalDescription(offer);
    return { type: 'offer', sdp: this.pc.localDescription!.sdp, mids: transceivers.map((t) => t.mid ?? '') };
  }

  async accept(description: { type: string; sdp: string }): Promise<void> {
    await this.pc.setRemoteDescription(description as { type: 'answer'; sdp: string });
  }

  async answer(offer: { type: string; sdp: string }): Promise<{ type: 'answer'; sdp: string }> {
    await this.pc.setRemoteDescription(offer as { type: 'offer'; sdp: string });
    const answer = await this.pc.createAnswer();
    await this.pc.setLocalDescription(answer);
    return { type: 'answer', sdp: this.pc.localDescription!.sdp };
  }

  async close(): Promise<void> {
    await this.pc.close();
  }
}

/** Polls `check` until it returns a value, or fails after `timeoutMs`. For server-side state changes. */
export async function eventually<T>(
  check: () => Promise<T | undefined>,
  timeoutMs = 5000,
  what = 'condition',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await check();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
}
