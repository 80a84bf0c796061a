// Reading every piece of text a person (or a screen reader) gets from the elements, through shadow
// roots, and listing what of it is English a translation should have replaced.
import { english, type Translation } from '../../../src/internal/i18n.js';

const spokenAttributes = ['aria-label', 'title', 'placeholder', 'alt', 'aria-valuetext', 'aria-description'];

/** Text nodes and spoken attributes under `root`, descending into every shadow root. */
export function allText(root: Node): string[] {
  const texts: string[] = [];
  const visit = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) {
      const text = node.textContent?.trim();
      if (text && !(node.parentElement instanceof HTMLStyleElement)) texts.push(text);
      return;
    }
    if (node instanceof Element) {
      for (const name of spokenAttributes) {
        const value = node.getAttribute(name)?.trim();
        if (value) texts.push(value);
      }
      if (node.shadowRoot) visit(node.shadowRoot);
    }
    for (const child of node.childNodes) visit(child);
  };
  visit(root);
  return texts;
}

/** Every string a translation produces, function keys called with a marker in place of their arguments. */
function outputs(translation: Translation, marker: string, count: number): string[] {
  const values: unknown[] = [
    ...Object.values(translation),
    ...Object.values(translation.errors),
    ...Object.values(translation.quality),
  ];
  return values.flatMap((value) => {
    if (typeof value === 'string') return [value];
    if (typeof value !== 'function') return [];
    const fn = value as (...args: unknown[]) => string;
    return [fn(marker, marker), fn(count)];
  });
}

/**
 * The English pieces (`"Join"`, `" (you)"`, `" participants"`) `language` does not share: any of
 * them in the page means some text stayed English.
 */
export function englishLeftIn(texts: string[], language: Translation): string[] {
  const marker = '\u0001';
  const own = outputs(language, marker, 7).join('\n');
  const pieces = outputs(english, marker, 7)
    .flatMap((text) => text.split(marker))
    .flatMap((text) => text.split('7'))
    .map((piece) => piece.trim())
    .filter((piece) => /[A-Za-z]{3}/.test(piece) && !own.includes(piece));
  return texts.filter((text) => pieces.some((piece) => text.includes(piece)));
}

/** Latin words in a page whose language has another script, besides the people's and room's names. */
export function latinWordsIn(texts: string[], allowed: string[]): string[] {
  const words = texts.flatMap((text) => text.match(/[A-Za-z]{3,}/g) ?? []);
  return words.filter((word) => !allowed.some((name) => name.includes(word)));
}
