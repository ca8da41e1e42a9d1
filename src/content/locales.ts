/**
 * Content scripts cannot fetch the extension's `_locales` files without making them
 * web-accessible (which would let any page fingerprint the extension), so both languages are
 * bundled in. Only the keys the banner uses are kept, to keep the script small (the build drops
 * the others before bundling; this filter keeps tests and the built script alike).
 */
import en from '../../public/_locales/en/messages.json' with { type: 'json' };
import hi from '../../public/_locales/hi/messages.json' with { type: 'json' };
import { createTranslator, type Lang, type Messages, type Translator } from '../shared/i18n';
import { isBannerKey } from './banner-keys';

export function bannerMessages(all: Messages): Messages {
  const out: Messages = {};
  for (const [k, v] of Object.entries(all)) if (isBannerKey(k)) out[k] = v;
  return out;
}

const BY_LANG: Record<Lang, Messages> = {
  hi: bannerMessages(hi as Messages),
  en: bannerMessages(en as Messages),
};

export function bannerTranslator(lang: Lang): Translator {
  return createTranslator(BY_LANG[lang], lang);
}
