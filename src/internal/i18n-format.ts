// Counting and number helpers for translations: which plural form a count takes, and how the number
// itself is written, both come from Intl for the translation's own language (Arabic has six forms
// and its own digits, Polish three forms, Japanese one), so no language hand-codes its rules.

const pluralRules = new Map<string, Intl.PluralRules>();
const numberFormats = new Map<string, Intl.NumberFormat>();

// A page's first Intl number format and plural rules cost about 20 ms (the browser loads its number
// data). Made while the page is idle, that is not paid by the first render that counts people,
// which is usually the one that shows the meeting when someone joins.
globalThis.requestIdleCallback?.(() => plural('en', 0, { other: '#' }));

/** `count` written the way `locale` writes numbers ("1,234", "1 234", "١٬٢٣٤"). */
export function formatNumber(locale: string, count: number): string {
  let format = numberFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale);
    numberFormats.set(locale, format);
  }
  return format.format(count);
}

/**
 * The form of `forms` that `count` takes in `locale`, with `#` replaced by the formatted number:
 * `plural('pl', 5, { one: '# osoba', few: '# osoby', other: '# osób' })` is "5 osób". `other` is
 * the form every language has; a form the language does not use is never picked.
 */
export function plural(
  locale: string,
  count: number,
  forms: Partial<Record<Intl.LDMLPluralRule, string>> & { other: string },
  type: Intl.PluralRuleType = 'cardinal',
): string {
  const key = `${locale}|${type}`;
  let rules = pluralRules.get(key);
  if (!rules) {
    rules = new Intl.PluralRules(locale, { type });
    pluralRules.set(key, rules);
  }
  const form = forms[rules.select(count)] ?? forms.other;
  return form.replaceAll('#', formatNumber(locale, count));
}
