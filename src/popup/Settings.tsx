/** Settings, applied at once: notifications, each active check (with the hosts it contacts). The language is in the header. */
import type { Translator } from '../shared/i18n';
import type { Settings as S, SettingsPatch } from '../shared/protocol/settings';

interface Props {
  tr: Translator;
  settings: S;
  onChange: (p: SettingsPatch) => void;
}

const CHECKS = ['platform', 'control', 'dns'] as const;

export function Settings({ tr, settings, onChange }: Props) {
  return (
    <section class="settings" aria-labelledby="settings-title">
      <h2 id="settings-title">{tr.t('settings_title')}</h2>
      <label class="toggle">
        <input
          type="checkbox"
          checked={settings.notifications}
          onChange={(e) => onChange({ notifications: (e.currentTarget as HTMLInputElement).checked })}
        />
        <span>{tr.t('settings_notifications')}</span>
      </label>
      <fieldset>
        <legend>{tr.t('settings_checks_title')}</legend>
        <p class="hint">{tr.t('settings_checks_hint')}</p>
        {CHECKS.map((c) => (
          <label class="toggle" key={c}>
            <input
              type="checkbox"
              checked={settings.checks[c]}
              onChange={(e) => onChange({ checks: { [c]: (e.currentTarget as HTMLInputElement).checked } })}
            />
            <span>
              {tr.t(`settings_check_${c}`)}
              <br />
              <small class="host" lang="en">
                {tr.t(`settings_check_${c}_hosts`)}
              </small>
            </span>
          </label>
        ))}
      </fieldset>
    </section>
  );
}
