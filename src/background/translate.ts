/** The background's translator: the same _locales files, picked by the user's language setting. */
import en from '../../public/_locales/en/messages.json';
import hi from '../../public/_locales/hi/messages.json';
import { createTranslator, type Messages, resolveLang, type Translator } from '../shared/i18n';
import type { LanguageSetting } from '../shared/protocol/settings';

export function translatorFor(setting: LanguageSetting): Translator {
  const lang = resolveLang(setting);
  return createTranslator((lang === 'en' ? en : hi) as Messages, lang);
}
