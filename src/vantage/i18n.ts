/**
 * The words of "check from other networks" live with it (locales/hi.json, locales/en.json), so
 * neither the worker nor a page's first render carries them; the page's own translator answers
 * every other key (platform names, list joining, times). Same message format as _locales.
 */
import { createTranslator, type Lang, type Messages, type Translator } from '../shared/i18n';
import en from './locales/en.json' with { type: 'json' };
import hi from './locales/hi.json' with { type: 'json' };

export const OWN_MESSAGES: Record<Lang, Messages> = { hi: hi as Messages, en: en as Messages };

export function withOwnWords(tr: Translator): Translator {
  const messages = OWN_MESSAGES[tr.lang];
  const own = createTranslator(messages, tr.lang);
  const has = (k: string) => Object.hasOwn(messages, k) || Object.hasOwn(messages, `${k}_other`);
  return {
    lang: tr.lang,
    num: tr.num,
    t: (k, ...subs) => (has(k) ? own.t(k, ...subs) : tr.t(k, ...subs)),
    plural: (b, c, ...more) => (has(b) ? own.plural(b, c, ...more) : tr.plural(b, c, ...more)),
  };
}
