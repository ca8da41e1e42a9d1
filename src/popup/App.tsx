/** The popup and the details page (same content; the details page is wider and focused). */
import type { FunctionComponent } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { PlatformId } from '../core/types';
import { ExplainView, Glossary } from '../ui/ExplainView';
import { explainReport } from '../ui/explain';
import { Answer } from './Answer';
import type { FoldsProps } from './Folds';
import type { PopupHost } from './host';
import { Permission } from './Permission';
import { usePopup } from './usePopup';

interface Props {
  host: PopupHost;
  view: 'popup' | 'details';
  focus?: PlatformId;
}

export function App({ host, view, focus }: Props) {
  const { state, checkNow, changeSettings, clearHistory, requestPermission } = usePopup(host);
  const { tr, report, now } = state;
  const screen = useMemo(() => explainReport(report, now, focus), [report, now, focus]);
  const [Folds, setFolds] = useState<FunctionComponent<FoldsProps> | null>(null);
  useEffect(() => {
    import('./Folds').then((m) => setFolds(() => m.Folds)).catch(() => {});
  }, []);
  if (!tr) return null; // messages load in a few ms; rendering keys instead would flash
  const details = view === 'details';
  return (
    <main class={`app view-${view}`} data-ready={state.firstRenderMs === null ? 'stored' : 'live'}>
      <header>
        <p class="tagline">{tr.t('popup_tagline')}</p>
        <h1>{tr.t('popup_question')}</h1>
      </header>
      <Answer tr={tr} screen={screen} checking={state.checking} onCheck={checkNow}>
        {screen.permissionMissing && <Permission tr={tr} onRequest={requestPermission} />}
      </Answer>
      <p class="notice" role="status">
        {state.notice ? tr.t(state.notice) : ''}
      </p>
      {screen.explanations.map((ex) => (
        <ExplainView key={ex.platforms.join()} tr={tr} ex={ex} />
      ))}
      <Glossary tr={tr} items={screen.glossary} />
      {!details && screen.explanations.length > 0 && (
        <p>
          <button
            type="button"
            class="link"
            onClick={() => host.send({ type: 'open-details', ...(focus ? { platform: focus } : {}) }).catch(() => {})}
          >
            {tr.t('popup_details')}
          </button>
        </p>
      )}
      {Folds && (
        <Folds
          tr={tr}
          open={details}
          history={state.history}
          settings={state.settings}
          now={now}
          onClear={clearHistory}
          onChange={changeSettings}
        />
      )}
    </main>
  );
}
