// The languages that ship with the elements, each in its own file and loaded only when a page uses
// it: a bundler (and the script-tag build) turns every import() below into a separate chunk, so the
// English-only bundle carries this table and nothing of the other languages.
import type { Translation } from '../internal/i18n.js';

type Loader = () => Promise<{ default: Translation }>;

/** Shipped languages by lowercase BCP 47 code (English is built in and not listed). */
export const shippedLanguages: ReadonlyMap<string, Loader> = new Map<string, Loader>([
  ['es', () => import('./es.js')],
  ['fr', () => import('./fr.js')],
  ['de', () => import('./de.js')],
  ['it', () => import('./it.js')],
  ['pt-br', () => import('./pt-BR.js')],
  ['pt-pt', () => import('./pt-PT.js')],
  ['nl', () => import('./nl.js')],
  ['pl', () => import('./pl.js')],
  ['sv', () => import('./sv.js')],
  ['tr', () => import('./tr.js')],
  ['ru', () => import('./ru.js')],
  ['uk', () => import('./uk.js')],
  ['ar', () => import('./ar.js')],
  ['he', () => import('./he.js')],
  ['hi', () => import('./hi.js')],
  ['ja', () => import('./ja.js')],
  ['ko', () => import('./ko.js')],
  ['zh-cn', () => import('./zh-CN.js')],
  ['zh-tw', () => import('./zh-TW.js')],
]);

/** Codes a page may use for a shipped language under another name (`zh` means Simplified, …). */
export const languageAliases: ReadonlyMap<string, string> = new Map([
  ['zh', 'zh-cn'],
  ['zh-hans', 'zh-cn'],
  ['zh-sg', 'zh-cn'],
  ['zh-hant', 'zh-tw'],
  ['zh-hk', 'zh-tw'],
  ['zh-mo', 'zh-tw'],
  ['pt', 'pt-br'],
  ['iw', 'he'],
]);

/** Languages written right to left (by base code). */
export const rightToLeft: ReadonlySet<string> = new Set([
  'ar',
  'he',
  'iw',
  'fa',
  'ur',
  'yi',
  'ps',
  'ckb',
  'dv',
  'sd',
  'ug',
]);
