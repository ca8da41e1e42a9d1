/**
 * History and settings, folded below the answer. Loaded as a separate chunk right after the
 * first render, so the answer itself paints from a smaller bundle.
 */
import type { Translator } from '../shared/i18n';
import type { Settings as S, SettingsPatch } from '../shared/settings';
import { History } from './History';
import { normalizeHistory } from './history-data';
import { Settings } from './Settings';

export interface FoldsProps {
  tr: Translator;
  open: boolean;
  history: unknown;
  settings: S;
  now: number;
  onClear: () => void;
  onChange: (p: SettingsPatch) => void;
}

export function Folds({ tr, open, history, settings, now, onClear, onChange }: FoldsProps) {
  const episodes = normalizeHistory(history);
  return (
    <>
      <details class="fold" open={open}>
        <summary>{tr.t('history_title')}</summary>
        <History tr={tr} history={episodes} now={now} onClear={onClear} />
      </details>
      <details class="fold" open={open}>
        <summary>{tr.t('settings_title')}</summary>
        <Settings tr={tr} settings={settings} onChange={onChange} />
      </details>
    </>
  );
}
