/**
 * Translation without the browser: the same `_locales/<lang>/messages.json` files that
 * `browser.i18n` reads, interpreted here so that the user's language setting (not only the
 * browser's UI language) applies, and so the replay tool can print the same words in Node.
 *
 * Message format is Chrome's: "$NAME$" refers to placeholders[name].content, which is "$1".."$9".
 * Plurals: Chrome's format has none, so a counted message has sibling keys `<base>_zero`,
 * `<base>_one`, `<base>_other`, picked by `plural()`. Hindi's plural rules put 0 in "one", so
 * "zero" is its own case, as in Chromium's ICU messages.
 */
import type { LanguageSetting } from './protocol/settings';

export type Lang = 'hi' | 'en';
export const LANGS: readonly Lang[] = ['hi', 'en'];

export interface MessageEntry {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}
export type Messages = Record<string, MessageEntry>;
export type Sub = string | number;
/**
 * Where messages come from: a parsed messages.json, or a lookup that renders them itself
 * (`browser.i18n.getMessage` when the browser already picked the locale we need); undefined
 * when the key is missing.
 */
export type MessageSource = Messages | ((key: string, subs: string[]) => string | undefined);

export interface Translator {
  readonly lang: Lang;
  /** The message with substitutions; a missing key returns the key itself (and is caught by tests). */
  t(key: string, ...subs: Sub[]): string;
  /** A counted message: picks `<base>_zero|_one|_other` by `count`; `count` is substitution $1. */
  plural(base: string, count: number, ...more: Sub[]): string;
  /** Numbers in the locale's grouping, Latin digits (Chromium and ICU use them for hi-IN too). */
  num(n: number): string;
}

const PLACEHOLDER = /\$([A-Za-z0-9_@]+)\$/g;
const POSITIONAL = /\$([1-9])/g;

function render(entry: MessageEntry, subs: Sub[]): string {
  const fill = (s: string) => s.replace(POSITIONAL, (_, d: string) => String(subs[Number(d) - 1] ?? ''));
  const byName = new Map<string, string>();
  for (const [name, ph] of Object.entries(entry.placeholders ?? {})) byName.set(name.toLowerCase(), fill(ph.content));
  return entry.message
    .replace(PLACEHOLDER, (whole, name: string) => byName.get(name.toLowerCase()) ?? whole)
    .replace(/\$\$/g, '$');
}

export function createTranslator(messages: MessageSource, lang: Lang): Translator {
  const numberFormat = new Intl.NumberFormat(lang === 'hi' ? 'hi-IN' : 'en-IN');
  const num = (n: number) => numberFormat.format(n);
  const fmt = (s: Sub) => (typeof s === 'number' ? num(s) : s);
  const lookup =
    typeof messages === 'function'
      ? messages
      : (key: string, subs: string[]) => {
          const entry = Object.hasOwn(messages, key) ? messages[key] : undefined;
          return entry ? render(entry, subs) : undefined;
        };
  const t = (key: string, ...subs: Sub[]) => lookup(key, subs.map(fmt)) ?? key;
  return {
    lang,
    t,
    num,
    plural(base, count, ...more) {
      const form = count === 0 ? 'zero' : count === 1 ? 'one' : 'other';
      // Rendered once: the form's own message if the locale has it, else `_other`.
      const subs = [count, ...more].map(fmt);
      return lookup(`${base}_${form}`, subs) ?? lookup(`${base}_other`, subs) ?? `${base}_other`;
    },
  };
}

/**
 * Hindi unless the user picked English. The browser's UI language is not asked: most readers
 * use an English browser and read Hindi first ('auto', nothing picked yet, is Hindi).
 */
export function resolveLang(setting: LanguageSetting): Lang {
  return setting === 'en' ? 'en' : 'hi';
}

/** Message keys may hold only [A-Za-z0-9_@]; enum values such as 'local-dns' map to 'local_dns'. */
export const keyPart = (value: string) => value.replace(/[^A-Za-z0-9_@]/g, '_');
