export const MAX_NAME_LENGTH = 64;

/**
 * Makes a client-chosen (or host-given) display name safe to show: no control or formatting characters
 * (which could reorder or hide text, e.g. U+202E), no surrounding or repeated whitespace, at most
 * MAX_NAME_LENGTH code points. Returns `null` when nothing printable is left.
 */
export function sanitiseDisplayName(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  const cleaned = raw
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Zl}\p{Zp}]/gu, '')
    .replace(/\s+/gu, ' ')
    .trim();
  if (cleaned === '') return null;
  return Array.from(cleaned).slice(0, MAX_NAME_LENGTH).join('').trim();
}
