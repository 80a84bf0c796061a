export const MAX_NAME_LENGTH = 64;

// Characters that show as nothing (or as blank space that is not a space) and so let two different
// names look the same: Hangul fillers, the braille blank, the Mongolian vowel separator.
const INVISIBLE = /[\u115F\u1160\u180E\u2800\u3164\uFFA0]/gu;
// Control, format (zero-width, bidi overrides and isolates), private-use, unassigned, line/paragraph separators.
const UNSHOWABLE = /[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Zl}\p{Zp}]/gu;
// More than two combining marks on one letter only serves to smear text over its neighbours.
const MARK_PILES = /(\p{M}{2})\p{M}+/gu;

/**
 * Makes a display name safe to show: NFKC (so full-width and styled letters are the letters they
 * look like), no control, format, bidi or invisible characters (which could reorder or hide text,
 * e.g. U+202E), no piles of combining marks, no surrounding or repeated whitespace, at most
 * MAX_NAME_LENGTH code points. Returns `null` when nothing printable is left.
 */
export function sanitiseDisplayName(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  const cleaned = raw
    .normalize('NFKC')
    .replace(UNSHOWABLE, '')
    .replace(INVISIBLE, '')
    .replace(MARK_PILES, '$1')
    .replace(/\s+/gu, ' ')
    .trim();
  if (cleaned === '') return null;
  return Array.from(cleaned).slice(0, MAX_NAME_LENGTH).join('').trim();
}

// What the widget appends to names itself ("Ada (you)"), and the server's own "(2)" suffix: a
// name a person chose must not end in something that looks like either.
const MARKER_WORDS = new Set(['you', 'me', 'host', 'moderator', 'mod', 'admin', 'owner', 'server', 'system']);
const TRAILING_GROUP = /\s*[([{]\s*([^()[\]{}]*?)\s*[)\]}]\s*$/u;

/**
 * A name the client chose (`?name=`): sanitised, and stripped of trailing groups that imitate the
 * widget's markers or the server's numbering ("Ada (you)", "Ada [host]", "Ada (2)").
 */
export function sanitiseClientName(raw: unknown): string | null {
  let name = sanitiseDisplayName(raw);
  for (;;) {
    const match = name === null ? null : TRAILING_GROUP.exec(name);
    if (!match || name === null) return name;
    const inside = nameSkeleton(match[1] ?? '');
    if (!MARKER_WORDS.has(inside) && !/^\d*$/.test(inside)) return name;
    name = name.slice(0, match.index).trim() || null;
  }
}

// Letters from other scripts (and digits) that look like Latin ones, as names are shown in the UI.
const LOOKALIKES: Record<string, string> = {
  А: 'a',
  В: 'b',
  С: 'c',
  Е: 'e',
  Н: 'h',
  І: 'l',
  Ј: 'j',
  К: 'k',
  М: 'm',
  О: 'o',
  Р: 'p',
  Ѕ: 's',
  Т: 't',
  Х: 'x',
  У: 'y',
  а: 'a',
  с: 'c',
  е: 'e',
  і: 'i',
  ј: 'j',
  о: 'o',
  р: 'p',
  ѕ: 's',
  х: 'x',
  у: 'y',
  ԁ: 'd',
  һ: 'h',
  ԛ: 'q',
  ԝ: 'w',
  ӏ: 'l',
  ɡ: 'g',
  Α: 'a',
  Β: 'b',
  Ε: 'e',
  Ζ: 'z',
  Η: 'h',
  Ι: 'l',
  Κ: 'k',
  Μ: 'm',
  Ν: 'n',
  Ο: 'o',
  Ρ: 'p',
  Τ: 't',
  Υ: 'y',
  Χ: 'x',
  ο: 'o',
  ν: 'v',
  ι: 'i',
  κ: 'k',
  ρ: 'p',
  α: 'a',
  '0': 'o',
};

/**
 * What a name looks like, for telling whether two names could be mistaken for each other: no
 * accents, case, spaces or punctuation, and look-alike letters folded together ("Аlice" with a
 * Cyrillic А, "alice", "A l i c e" and "Alice" share one skeleton).
 */
export function nameSkeleton(name: string): string {
  return (
    Array.from(name.normalize('NFKD').replace(/\p{M}/gu, ''))
      .map((char) => LOOKALIKES[char] ?? char)
      .join('')
      .toLowerCase()
      // Capital I, small l, digit 1 and the bar are one stroke in many fonts; so is a dotless small i.
      .replace(/[il1|]/g, 'l')
      .replace(/[^\p{L}\p{N}]/gu, '')
      .replace(/rn/g, 'm')
      .replace(/vv/g, 'w')
  );
}

/**
 * `name`, or `name (2)`, `name (3)`, … : the first that cannot be mistaken for any of `taken`.
 * Clients cannot end a name in "(n)" themselves (see sanitiseClientName), so the suffix is the
 * server's word that this is someone else.
 */
export function distinctName(name: string, taken: readonly string[]): string {
  const skeletons = new Set(taken.map(nameSkeleton));
  if (!skeletons.has(nameSkeleton(name))) return name;
  for (let n = 2; ; n++) {
    const candidate = `${name} (${n})`;
    if (!skeletons.has(nameSkeleton(candidate))) return candidate;
  }
}
