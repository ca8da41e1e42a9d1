/**
 * History and settings, folded below the answer. Bundled with the rest of the popup, not lazy:
 * a dynamic import brings Vite's preload helper (~1.7 KB), more than these 5 KB cost to parse
 * at first render (well under a millisecond), and the popup's 35 KB budget counts both.
 */
import type { Translator } from '../shared/i18n';
import { decodeHistory } from '../shared/protocol/history';
import type { Settings as S, SettingsPatch } from '../shared/protocol/settings';
import { History } from './History';
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
  const episodes = decodeHistory(history);
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
