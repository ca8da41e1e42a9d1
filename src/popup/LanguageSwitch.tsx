/**
 * हिंदी | English, in the popup's header: one tap, remembered, applied at once to every page, the
 * banner, the badge's title and the notifications. Each name is written in its own language, so
 * either reader finds theirs whatever the page is in now.
 */
import type { Lang, Translator } from '../shared/i18n';

const NAMES: Record<Lang, string> = { hi: 'हिंदी', en: 'English' };

interface Props {
  tr: Translator;
  onPick(lang: Lang): void;
}

export function LanguageSwitch({ tr, onPick }: Props) {
  return (
    <fieldset class="lang-switch" aria-label={tr.t('lang_switch_label')}>
      {(Object.keys(NAMES) as Lang[]).map((l) => (
        <button
          key={l}
          type="button"
          class="lang"
          lang={l}
          data-lang={l}
          aria-pressed={tr.lang === l}
          onClick={() => tr.lang !== l && onPick(l)}
        >
          {NAMES[l]}
        </button>
      ))}
    </fieldset>
  );
}
