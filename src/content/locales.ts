/**
 * Content scripts cannot fetch the extension's `_locales` files without making them
 * web-accessible (which would let any page fingerprint the extension), so both languages are
 * bundled in. Only the keys the banner uses are kept, to keep the script small.
 */
import en from '../../public/_locales/en/messages.json' with { type: 'json' };
import hi from '../../public/_locales/hi/messages.json' with { type: 'json' };
import { createTranslator, type Lang, type Messages, type Translator } from '../shared/i18n';

const BANNER_PREFIXES = ['banner_', 'platform_', 'cause_', 'time_clock'];

export function bannerMessages(all: Messages): Messages {
  const out: Messages = {};
  for (const [k, v] of Object.entries(all)) if (BANNER_PREFIXES.some((p) => k.startsWith(p))) out[k] = v;
  return out;
}

const BY_LANG: Record<Lang, Messages> = {
  hi: bannerMessages(hi as Messages),
  en: bannerMessages(en as Messages),
};

export function bannerTranslator(lang: Lang): Translator {
  return createTranslator(BY_LANG[lang], lang);
}
