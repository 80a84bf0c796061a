import { decodeBase64Url, encodeBase64Url } from './base64url.js';

/**
 * The room-scoped credential the server hands a participant in `welcome`. The widget presents it to
 * the Calls proxy (header `X-Calls-Participant`) and on reconnect (subprotocol `resume.…`), which is
 * how an HTTP request is tied to one participant of one room without cookies (a cross-origin
 * `fetch` from partytracks sends none).
 *
 * Format: `v1.<base64url(JSON claims)>.<base64url(HMAC-SHA256(key, "v1." + claims part))>`.
 */
export interface ParticipantClaims {
  /** Room name. */
  room: string;
  /** Participant id. */
  participantId: string;
  /** The host app's user id from `authorize`, or null for anonymous participants. */
  userId: string | null;
  /** Expiry, milliseconds since the epoch. */
  expiresAt: number;
}

const VERSION = 'v1';
// A fixed label, so a key derived from the app secret is useless for anything else that secret signs.
const KEY_DERIVATION_LABEL = 'calls-elements participant credential v1';

export class ParticipantCredentials {
  readonly #key: Promise<CryptoKey>;

  constructor(secret: string, deriveFromAppSecret: boolean) {
    this.#key = importKey(secret, deriveFromAppSecret);
  }

  async issue(claims: ParticipantClaims): Promise<string> {
    const body = encodeBase64Url(
      new TextEncoder().encode(
        JSON.stringify({ r: claims.room, p: claims.participantId, u: claims.userId, e: claims.expiresAt }),
      ),
    );
    const signed = `${VERSION}.${body}`;
    const signature = await crypto.subtle.sign('HMAC', await this.#key, new TextEncoder().encode(signed));
    return `${signed}.${encodeBase64Url(new Uint8Array(signature))}`;
  }

  /** The claims if the credential is authentic and unexpired at `now`, else `null`. */
  async verify(credential: string, now: number): Promise<ParticipantClaims | null> {
    if (credential.length > 2048) return null;
    const parts = credential.split('.');
    if (parts.length !== 3 || parts[0] !== VERSION) return null;
    const [, body, signaturePart] = parts as [string, string, string];
    const signature = decodeBase64Url(signaturePart);
    const bodyBytes = decodeBase64Url(body);
    if (!signature || !bodyBytes) return null;
    // subtle.verify compares in constant time.
    const authentic = await crypto.subtle.verify(
      'HMAC',
      await this.#key,
      signature,
      new TextEncoder().encode(`${VERSION}.${body}`),
    );
    if (!authentic) return null;
    let raw: unknown;
    try {
      raw = JSON.parse(new TextDecoder().decode(bodyBytes));
    } catch {
      return null;
    }
    if (typeof raw !== 'object' || raw === null) return null;
    const { r, p, u, e } = raw as Record<string, unknown>;
    if (typeof r !== 'string' || typeof p !== 'string' || typeof e !== 'number') return null;
    if (u !== null && typeof u !== 'string') return null;
    if (e <= now) return null;
    return { room: r, participantId: p, userId: u, expiresAt: e };
  }
}

async function importKey(secret: string, deriveFromAppSecret: boolean): Promise<CryptoKey> {
  const encoder = new TextEncoder();
  let material = encoder.encode(secret);
  if (deriveFromAppSecret) {
    const base = await crypto.subtle.importKey('raw', material, { name: 'HMAC', hash: 'SHA-256' }, false, [
      'sign',
    ]);
    material = new Uint8Array(await crypto.subtle.sign('HMAC', base, encoder.encode(KEY_DERIVATION_LABEL)));
  }
  return crypto.subtle.importKey('raw', material, { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
    'verify',
  ]);
}
