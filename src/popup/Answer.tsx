/** The plain answer first: headline, per-platform status with colour and words, "check now". */
import type { ComponentChildren } from 'preact';
import type { Translator } from '../shared/i18n';
import type { Screen } from '../ui/explain';
import { say } from '../ui/msg';

interface Props {
  tr: Translator;
  screen: Screen;
  checking: boolean;
  onCheck: () => void;
  /** Shown right under the headline (the permission request). */
  children?: ComponentChildren;
}

export function Answer({ tr, screen, checking, onCheck, children }: Props) {
  return (
    <section class={`answer tone-${screen.tone}`} aria-labelledby="headline">
      {/* Announced when it changes (after a check or a live update). */}
      <div aria-live="polite" aria-atomic="true">
        <p id="headline" class="headline">
          {say(tr, screen.headline)}
        </p>
        {screen.sub.length > 0 && <p class="sub">{screen.sub.map((m) => say(tr, m)).join(' ')}</p>}
      </div>
      {children}
      <ul class="rows" aria-label={tr.t('popup_status_list')}>
        {screen.rows.map((r) => (
          <li key={r.platform} class={`row tone-${r.tone}`} data-platform={r.platform} data-status={r.status}>
            <span class="dot" aria-hidden="true" />
            <span class="name">{tr.t(`platform_${r.platform}`)}</span>
            <span class="state">
              {say(tr, r.label)}
              {r.detail && <small class="detail">{say(tr, r.detail)}</small>}
            </span>
          </li>
        ))}
      </ul>
      <div class="actions">
        <button type="button" class="primary" onClick={onCheck} disabled={checking} aria-busy={checking}>
          {checking ? tr.t('popup_checking') : tr.t('popup_check_now')}
        </button>
        {screen.lastChecked && <span class="checked">{say(tr, screen.lastChecked)}</span>}
      </div>
    </section>
  );
}
