import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const FILE = join(tmpdir(), 'calls-elements-dev', 'credential-secret');

/**
 * The key `calls-elements dev` signs participant credentials with: random, made once per machine and
 * kept in the temp directory (readable by this user only). The local SFU's app secret is new on
 * every run, but the credential key must outlive a restart: a page that comes back after the dev
 * server restarted presents its credential and is recognised as the same participant, not a stranger
 * with a duplicate tile.
 */
export function devCredentialSecret(): string {
  try {
    return readFileSync(FILE, 'utf8').trim();
  } catch {
    const secret = randomBytes(32).toString('base64url');
    mkdirSync(join(FILE, '..'), { recursive: true, mode: 0o700 });
    try {
      writeFileSync(FILE, secret, { mode: 0o600, flag: 'wx' });
      return secret;
    } catch {
      // Another dev server wrote it first: use theirs, so both recognise the same credentials.
      return readFileSync(FILE, 'utf8').trim();
    }
  }
}
