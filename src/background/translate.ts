/** The background's translator: the same _locales files, picked by the user's language setting. */
import en from '../../public/_locales/en/messages.json';
import hi from '../../public/_locales/hi/messages.json';
import { createTranslator, type Messages, resolveLang, type Translator } from '../shared/i18n';
import type { LanguageSetting } from '../shared/settings';

export function translatorFor(setting: LanguageSetting, uiLanguage: string | undefined): Translator {
  const lang = resolveLang(setting, uiLanguage);
  return createTranslator((lang === 'en' ? en : hi) as Messages, lang);
}

/** "WhatsApp, Facebook और Instagram" — a list of platform names in the UI language. */
export function platformList(t: Translator, platforms: readonly string[]): string {
  const names = platforms.map((p) => t.t(`platform_${p}`));
  if (names.length <= 1) return names.join('');
  return t.t('notif_list_and', names.slice(0, -1).join(', '), names[names.length - 1]!);
}
