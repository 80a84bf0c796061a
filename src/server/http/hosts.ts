/**
 * Which `Host` names a server answers to. A page on `http://evil.example:8787` whose DNS name the
 * attacker points at 127.0.0.1 (DNS rebinding) is same-origin with itself, so an Origin check alone
 * lets it in; its `Host` header still says `evil.example`. IP literals and `localhost` names cannot
 * be rebound (no DNS answer is involved), so they are always accepted; any other name must be listed.
 */
export type AllowedHosts = readonly string[] | '*';

/** The host name of a `Host` header (lower case, brackets kept for IPv6), or null if malformed. */
export function hostNameOf(header: string): string | null {
  const match = /^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9._~-]+)(?::(\d{1,5}))?$/.exec(header.trim());
  if (!match) return null;
  if (match[2] !== undefined && Number(match[2]) > 65535) return null;
  return (match[1] as string).toLowerCase();
}

export function isHostAllowed(hostName: string, allowed: AllowedHosts): boolean {
  if (allowed === '*' || isUnrebindable(hostName)) return true;
  return allowed.some((name) => normaliseHostName(name) === hostName);
}

/** `app.example`, `App.Example:8443` and `https://app.example` all name the host `app.example`. */
export function normaliseHostName(name: string): string {
  const withoutScheme = name.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').replace(/\/.*$/, '');
  return hostNameOf(withoutScheme) ?? withoutScheme.toLowerCase();
}

function isUnrebindable(hostName: string): boolean {
  if (hostName === 'localhost' || hostName.endsWith('.localhost')) return true;
  if (hostName.startsWith('[')) return true;
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(hostName);
}
