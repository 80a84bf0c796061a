/** A piece of chat text: plain, or a web link that is safe to make clickable. */
export type TextPiece = { text: string; href?: undefined } | { text: string; href: string };

// Candidates only; each is checked with the URL parser before it becomes a link.
const LINK = /\bhttps?:\/\/[^\s<>"'`]+/giu;
// Sentence punctuation right after a link is almost never part of it.
const TRAILING = /[.,;:!?)\]}'"»”’]+$/u;

/**
 * Splits text into plain pieces and http(s) links. Nothing here produces markup: the caller renders
 * `text` as text and `href` as an attribute, so `<img onerror>` stays visible characters and only
 * http and https URLs (never `javascript:` or `data:`) can become links.
 */
export function linkify(text: string): TextPiece[] {
  const pieces: TextPiece[] = [];
  let last = 0;
  for (const match of text.matchAll(LINK)) {
    const start = match.index ?? 0;
    const candidate = match[0].replace(TRAILING, '');
    let href: string | undefined;
    try {
      const url = new URL(candidate);
      if (url.protocol === 'http:' || url.protocol === 'https:') href = url.href;
    } catch {
      href = undefined;
    }
    if (!href) continue;
    if (start > last) pieces.push({ text: text.slice(last, start) });
    pieces.push({ text: candidate, href });
    last = start + candidate.length;
  }
  if (last < text.length) pieces.push({ text: text.slice(last) });
  return pieces;
}
