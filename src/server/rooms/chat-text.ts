/**
 * Makes chat text safe to show as plain text: Unicode NFC; CR LF and line/paragraph separators become
 * `\n`; tabs become spaces; every other control, format (bidi overrides such as U+202E, zero-width
 * characters), private-use and unassigned character is removed — except U+200D ZERO WIDTH JOINER, which
 * emoji sequences need; runs of blank lines shrink to one; the whole is trimmed. HTML is not touched:
 * it is text, and clients must render it as text.
 */
export function sanitiseChatText(raw: string): string {
  return raw
    .normalize('NFC')
    .replace(/\r\n?|[\p{Zl}\p{Zp}]/gu, '\n')
    .replace(/\t/g, ' ')
    .replace(/(?!\n|\u200D)[\p{Cc}\p{Cf}\p{Co}\p{Cn}]/gu, '')
    .replace(/[ \u00A0]*\n[ \u00A0]*/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
