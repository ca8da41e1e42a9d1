/**
 * "दूसरे नेटवर्क से जांचें": the action, its one-time consent, the run with partial results, and
 * the answer (meaning.ts → words.ts). Loaded after the page's first render (Slot.tsx); the
 * Globalping client is loaded on the click (client.ts). The answer goes to the background as the
 * engine's `vantage` evidence. Text only through JSX: nothing from Globalping is ever markup.
 */
import { Component } from 'preact';
import type { PlatformId } from '../core/types';
import { decodeReport } from '../shared/protocol/report';
import { meaningOf } from '../ui/meaning';
import { msg, say } from '../ui/msg';
import { othersMeaningOf, shortName } from './meaning';
import type { OtherNetworksProps } from './props';
import { hostFor } from './request';
import { type RunState, runOtherNetworks, vantageEvents } from './run';
import { othersWordsOf } from './words';

export const API_ORIGIN = 'https://api.globalping.io/*';
/** Shared by the popup, the details page and the error page (one extension origin). */
const RETRY_KEY = 'nazar.otherNetworks.retryAt';
const AUTO_KEY = 'nazar.otherNetworks.autoAt';
/** An automatic check runs at most once in this long (an outage is one episode, not one per page). */
const AUTO_EVERY_MS = 5 * 60_000;

type Ext = {
  runtime: { getManifest(): { optional_host_permissions?: string[] } };
  permissions: {
    request(p: { origins: string[] }): Promise<boolean>;
    contains(p: { origins: string[] }): Promise<boolean>;
  };
};
const ext = (): Ext | undefined => {
  const g = globalThis as unknown as { browser?: Ext; chrome?: Ext };
  return g.browser ?? g.chrome;
};
/** Firefox declares the API as an optional host permission; Chromium needs none (the API answers CORS). */
const needsPermission = () => (ext()?.runtime.getManifest().optional_host_permissions ?? []).includes(API_ORIGIN);

/** Must run synchronously inside the click (Firefox honours a request only during the gesture). */
function askPermission(): Promise<boolean> {
  const e = ext();
  if (!e || !needsPermission()) return Promise.resolve(true);
  try {
    return e.permissions.request({ origins: [API_ORIGIN] }).catch(() => false);
  } catch {
    return Promise.resolve(false);
  }
}

const stored = (key: string): number => {
  try {
    return Number(localStorage.getItem(key)) || 0;
  } catch {
    return 0;
  }
};
const store = (key: string, v: number) => {
  try {
    localStorage.setItem(key, String(v));
  } catch {
    // Private storage unavailable: the check still works, only not remembered across pages.
  }
};

type Stage = 'idle' | 'consent' | 'declined' | 'denied' | 'run';
interface State {
  stage: Stage;
  run?: RunState;
  auto: boolean;
}

const mark = (name: string) => {
  try {
    performance.mark(name);
  } catch {
    // No performance timeline: only the tests read these marks.
  }
};

export class OtherNetworks extends Component<OtherNetworksProps, State> {
  override state: State = { stage: 'idle', auto: false };
  #alive = true;

  override componentDidMount() {
    this.#maybeAuto();
  }
  override componentDidUpdate() {
    this.#maybeAuto();
  }
  override componentWillUnmount() {
    this.#alive = false;
  }

  /** The platform to check: the page's own, else the first failing one, else the first seen. */
  #platform(): { platform: PlatformId; failing: boolean; dns: boolean } {
    const m = meaningOf(decodeReport(this.props.report) ?? { platforms: {} });
    const focus = this.props.focus;
    const failingOnes = m.situation === 'outage' || m.situation === 'network' ? m.named : [];
    const platform = focus ?? failingOnes[0] ?? m.up[0] ?? 'whatsapp';
    const each = m.each[platform];
    const failing = each.status === 'down' || each.status === 'degraded';
    return { platform, failing, dns: each.cause === 'dns' || each.cause === 'local-dns' };
  }

  #maybeAuto() {
    const s = this.props.settings;
    if (this.state.stage !== 'idle' || !s.enabled || !s.consented || !s.auto) return;
    const { failing } = this.#platform();
    const now = Date.now();
    if (!failing || now < stored(RETRY_KEY) || now - stored(AUTO_KEY) < AUTO_EVERY_MS) return;
    store(AUTO_KEY, now);
    // Automatic: no gesture, so only with a permission already granted (Firefox).
    const e = ext();
    const granted =
      e && needsPermission()
        ? e.permissions.contains({ origins: [API_ORIGIN] }).catch(() => false)
        : Promise.resolve(true);
    void granted.then((ok) => {
      if (ok) void this.#run();
    });
  }

  #onAction = () => {
    if (!this.props.settings.consented) {
      this.setState({ stage: 'consent' });
      return;
    }
    mark('nazar-others-click');
    const perm = askPermission();
    void perm.then((ok) => (ok ? this.#run() : this.setState({ stage: 'denied' })));
  };

  #onConsent = () => {
    mark('nazar-others-click');
    const perm = askPermission();
    const auto = this.state.auto;
    void perm.then((ok) => {
      if (!ok) return this.setState({ stage: 'denied' });
      void Promise.resolve(this.props.changeSettings({ consented: true, auto })).catch(() => {});
      return this.#run();
    });
  };

  #onDecline = () => {
    this.setState({ stage: 'declined' });
    void Promise.resolve(this.props.changeSettings({ enabled: false })).catch(() => {});
  };

  async #run() {
    const { platform, dns } = this.#platform();
    const started: RunState = { phase: 'running', platform, kinds: {}, startedAt: Date.now() };
    this.setState({ stage: 'run', run: started });
    let end: RunState;
    try {
      const { createClient } = await import('./client');
      let first = true;
      end = await runOtherNetworks({
        // Firefox: the run starts only with the API granted (asked in the click, or already held).
        client: createClient({ granted: needsPermission() }),
        platform,
        kinds: dns ? ['http', 'dns'] : ['http'],
        now: Date.now,
        sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
        onUpdate: (s) => {
          if (first && s.firstAt !== undefined) {
            first = false;
            mark('nazar-others-first');
          }
          if (this.#alive) this.setState({ run: s });
        },
      });
    } catch {
      end = { ...started, phase: 'unavailable', why: 'unreachable', endedAt: Date.now() };
    }
    mark('nazar-others-answer');
    if (end.phase === 'rate-limited') store(RETRY_KEY, end.retryAt ?? Date.now() + 10 * 60_000);
    if (this.#alive) this.setState({ run: end });
    for (const event of vantageEvents(end, Date.now()))
      await this.props.send({ type: 'other-networks', event }).catch(() => {});
  }

  #settings() {
    const { tr, settings, changeSettings } = this.props;
    const s = settings;
    return (
      <fieldset class="others-settings">
        <label>
          <input
            type="checkbox"
            checked={s.enabled}
            onChange={(e) => changeSettings({ enabled: (e.target as HTMLInputElement).checked })}
          />{' '}
          {tr.t('on_setting_enabled')}
        </label>
        {s.consented && (
          <label>
            <input
              type="checkbox"
              checked={s.auto}
              onChange={(e) => changeSettings({ auto: (e.target as HTMLInputElement).checked })}
            />{' '}
            {tr.t('on_consent_auto')}
          </label>
        )}
      </fieldset>
    );
  }

  override render({ tr, settings, view }: OtherNetworksProps, state: State) {
    const s = settings;
    const details = view === 'details';
    const { platform, failing } = this.#platform();
    if (!s.enabled) {
      if (state.stage === 'declined')
        return (
          <section class="others" data-stage="declined">
            <p role="status">{tr.t('on_declined')}</p>
          </section>
        );
      return details ? (
        <section class="others" data-stage="off">
          <p>
            {tr.t('on_off')}{' '}
            <button type="button" class="link" onClick={() => this.props.changeSettings({ enabled: true })}>
              {tr.t('on_turn_on')}
            </button>
          </p>
        </section>
      ) : null;
    }
    // In the popup only while something fails; on the details and error pages at any time.
    if (view === 'popup' && !failing && state.stage === 'idle') return null;
    const run = state.run;
    const m = run ? othersMeaningOf(run) : null;
    const w = m ? othersWordsOf(m) : null;
    const running = run?.phase === 'running';
    const retryAt = m?.retryAt ?? stored(RETRY_KEY);
    const limited = retryAt > Date.now();
    return (
      <section class="others" data-stage={state.stage} data-phase={run?.phase ?? ''} aria-labelledby="others-title">
        <h2 id="others-title">{tr.t('on_title')}</h2>
        {state.stage === 'consent' && (
          <div class="others-consent">
            <p>{say(tr, msg('on_consent_sent', hostFor(platform)))}</p>
            <p>{tr.t('on_consent_ip')}</p>
            <label>
              <input
                type="checkbox"
                checked={state.auto}
                onChange={(e) => this.setState({ auto: (e.target as HTMLInputElement).checked })}
              />{' '}
              {tr.t('on_consent_auto')}
            </label>
            <p class="others-buttons">
              <button type="button" class="primary others-yes" onClick={this.#onConsent}>
                {tr.t('on_consent_yes')}
              </button>{' '}
              <button type="button" class="others-no" onClick={this.#onDecline}>
                {tr.t('on_consent_no')}
              </button>
            </p>
          </div>
        )}
        {state.stage === 'denied' && <p role="status">{tr.t('on_perm_denied')}</p>}
        {w && (
          <div class={`others-answer tone-${w.tone}`} role="status" aria-live="polite">
            {w.lines.map((l) => (
              <p key={l.key}>{say(tr, l)}</p>
            ))}
          </div>
        )}
        {m && m.probes.length > 0 && (
          <ul class="others-list">
            {m.probes.map((p, i) => (
              <li key={i} class={p.ok ? 'ok' : 'bad'}>
                <span class="others-net">
                  {shortName(p)} · AS{p.asn}
                  {p.city ? ` · ${p.city}` : ''}
                  {p.country !== 'IN' ? ` (${p.country})` : ''}
                </span>{' '}
                <span class="others-res">{tr.t(p.ok ? 'on_row_ok' : 'on_row_fail')}</span>
              </li>
            ))}
          </ul>
        )}
        {w?.notes.map((n) => (
          <p class="others-note" key={n.key}>
            {say(tr, n)}
          </p>
        ))}
        {m?.at && !running && (m.phase === 'done' || m.phase === 'partial') && (
          <p class="others-note">{say(tr, msg('on_source', { clock: m.at }))}</p>
        )}
        {state.stage !== 'consent' && !running && (
          <p class="others-buttons">
            <button type="button" class="others-go" disabled={limited} onClick={this.#onAction}>
              {tr.t(run ? 'on_again' : 'on_action')}
            </button>
          </p>
        )}
        {details && this.#settings()}
      </section>
    );
  }
}
