/** The popup and the details page (same content; the details page is wider and focused). */
import { Component } from 'preact';
import type { PlatformId } from '../core/types';
import { LANGS } from '../shared/i18n';
import { ExplainView, Glossary } from '../ui/ExplainView';
import { explainReport } from '../ui/explain';
import { Answer } from './Answer';
import { initialState, PopupController, type PopupState } from './controller';
import { Folds } from './Folds';
import type { PopupHost } from './host';
import { Permission } from './Permission';

const LANG_NAMES = { hi: 'हिंदी', en: 'English' } as const;

interface Props {
  host: PopupHost;
  view: 'popup' | 'details';
  focus?: PlatformId;
}

export class App extends Component<Props, PopupState> {
  override state: PopupState = initialState();
  ctl = new PopupController(
    this.props.host,
    () => this.state,
    (p) => this.setState(p),
  );

  override componentDidMount() {
    void this.ctl.start();
  }

  override componentDidUpdate() {
    // Marks the first paint with real content, so tests can measure it (budget: 100 ms).
    if (this.state.tr && !performance.getEntriesByName('nazar-first-render').length)
      performance.mark('nazar-first-render');
  }

  override componentWillUnmount() {
    this.ctl.stop();
  }

  override render({ host, view, focus }: Props, state: PopupState) {
    const { tr, report, now } = state;
    const { checkNow, changeSettings, clearHistory, requestPermission } = this.ctl;
    if (!tr) return null; // messages load in a few ms; rendering keys instead would flash
    const screen = explainReport(report, now, focus);
    const details = view === 'details';
    return (
      <main class={`app view-${view}`}>
        <header>
          <div class="header-top">
            <p class="tagline">{tr.t('popup_tagline')}</p>
            {/* हिंदी | English: one tap, remembered, applied at once everywhere. Each name in its own language. */}
            <fieldset class="lang-switch" aria-label={tr.t('lang_switch_label')}>
              {LANGS.map((l) => (
                <button
                  key={l}
                  type="button"
                  lang={l}
                  aria-pressed={tr.lang === l}
                  onClick={() => changeSettings({ language: l })}
                >
                  {LANG_NAMES[l]}
                </button>
              ))}
            </fieldset>
          </div>
          <h1>{tr.t('popup_question')}</h1>
        </header>
        <Answer tr={tr} screen={screen} checking={state.checking} onCheck={checkNow}>
          {screen.permissionMissing && <Permission tr={tr} onRequest={requestPermission} />}
        </Answer>
        <p class="notice" role="status">
          {state.notice ? tr.t(state.notice) : ''}
        </p>
        <div id="on" />
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
        <Folds
          tr={tr}
          open={details}
          history={state.history}
          settings={state.settings}
          now={now}
          onClear={clearHistory}
          onChange={changeSettings}
        />
      </main>
    );
  }
}
