/**
 * The popup's state machine, without hooks (a plain class keeps preact/hooks, 3.6 KB, out of the
 * popup bundle). First from storage (fast, works while the worker sleeps), then the live port, on
 * which the background pushes the status and settings. A report reaches the popup by four routes
 * (storage, its changes, the port, the "check now" reply): only the newest by generatedAt is shown.
 * Every failure to reach the worker is caught.
 */
import { createTranslator, type MessageSource, resolveLang, type Translator } from '../shared/i18n';
import { newestOnly } from '../shared/protocol/client';
import type { StatusReport } from '../shared/protocol/messages';
import { decodeReport } from '../shared/protocol/report';
import {
  applySettingsPatch,
  DEFAULT_SETTINGS,
  decodeSettings,
  type Settings,
  type SettingsPatch,
} from '../shared/protocol/settings';
import { withTimeout } from './data';
import type { PopupHost } from './host';

export const STATUS_TIMEOUT_MS = 1500;
export const CHECK_TIMEOUT_MS = 20_000;

export type Notice =
  | 'popup_worker_silent'
  | 'popup_check_done'
  | 'popup_check_failed'
  | 'settings_saved'
  | 'settings_save_failed'
  | 'history_cleared'
  | 'perm_denied'
  | 'perm_granted'
  | null;

export interface PopupState {
  tr: Translator | null;
  report: StatusReport | null;
  settings: Settings;
  /** Raw from storage; the history view validates it when it renders. */
  history: unknown;
  checking: boolean;
  notice: Notice;
  now: number;
}

export const initialState = (): PopupState => ({
  tr: null,
  report: null,
  settings: DEFAULT_SETTINGS,
  history: [],
  checking: false,
  notice: null,
  now: Date.now(),
});

/**
 * Private state and helpers are `#` members: the minifier shortens those names, never public or
 * TypeScript-`private` ones (worth ~0.5 KB of the popup's 35 KB budget).
 */
export class PopupController {
  #lang = '';
  #stops: (() => void)[] = [];
  #alive = true;
  #host: PopupHost;
  #get: () => PopupState;
  #set: (p: Partial<PopupState>) => void;

  constructor(host: PopupHost, get: () => PopupState, set: (p: Partial<PopupState>) => void) {
    this.#host = host;
    this.#get = get;
    this.#set = set;
  }

  #patch(p: Partial<PopupState>) {
    if (this.#alive) this.#set(p);
  }

  /** Hindi's messages, fetched before the settings are read (Hindi unless English was picked). */
  #early: Promise<MessageSource> | null = null;

  async #applyLanguage(settings: Settings) {
    const lang = resolveLang(settings.language);
    if (lang === this.#lang) return;
    this.#lang = lang;
    const messages = await ((lang === 'hi' && this.#early) || this.#host.loadMessages(lang)).catch(() => ({}));
    document.documentElement.lang = lang;
    document.documentElement.dir = 'ltr'; // Hindi and English are both written left to right
    this.#patch({ tr: createTranslator(messages, lang) });
  }

  /** Every report, whatever its route, passes here: an older one never replaces a newer one. */
  #keep = newestOnly<StatusReport>((report) => this.#patch({ report, checking: report.checking, now: Date.now() }));

  #applyReport(raw: unknown) {
    return this.#keep(decodeReport(raw));
  }

  #applySettings(settings: Settings) {
    this.#patch({ settings });
    void this.#applyLanguage(settings);
  }

  async start() {
    const host = this.#host;
    this.#stops.push(
      host.onStored((c) => {
        if ('report' in c) this.#applyReport(c.report);
        if ('history' in c) this.#patch({ history: c.history });
        if ('settings' in c) this.#applySettings(decodeSettings(c.settings));
      }),
    );
    const tick = setInterval(() => this.#patch({ now: Date.now() }), 30_000);
    this.#stops.push(() => clearInterval(tick));
    // Storage and the locale file load in parallel: the first render waits for the slower one only.
    this.#early = host.loadMessages('hi').catch((): MessageSource => ({}));
    const stored = await host
      .readStored()
      .catch(() => ({ report: undefined, settings: undefined, history: undefined }));
    const settings = decodeSettings(stored.settings);
    this.#patch({ settings, history: stored.history });
    this.#applyReport(stored.report);
    await this.#applyLanguage(settings);
    // Only now wake the worker: starting it competes with the first render for the CPU. It pushes
    // the status and the settings on connect; no answer in time means it is not running.
    const silent = setTimeout(() => this.#patch({ notice: 'popup_worker_silent' }), STATUS_TIMEOUT_MS);
    this.#stops.push(
      () => clearTimeout(silent),
      host.connect({
        decode: decodeReport,
        onReport: (report) => {
          clearTimeout(silent);
          this.#keep(report);
        },
        onSettings: (s) => this.#applySettings(s),
      }),
    );
  }

  stop() {
    this.#alive = false;
    for (const s of this.#stops) s();
  }

  checkNow = async () => {
    this.#patch({ checking: true, notice: null });
    const report = decodeReport(await withTimeout(this.#host.send({ type: 'check-now' }), CHECK_TIMEOUT_MS));
    if (report) this.#keep({ ...report, checking: false });
    this.#patch({ checking: false, notice: report ? 'popup_check_done' : 'popup_check_failed' });
  };

  changeSettings = async (p: SettingsPatch) => {
    // Applied at once on screen; the background's answer is the truth.
    const settings = applySettingsPatch(this.#get().settings, p);
    this.#patch({ settings, notice: null });
    // A new language shows at once here; the background then tells every other page and the badge.
    if (p.language) void this.#applyLanguage(settings);
    const res = await withTimeout(this.#host.send({ type: 'set-settings', patch: p }), STATUS_TIMEOUT_MS * 2);
    if (res && typeof res === 'object') {
      this.#applySettings(decodeSettings(res));
      this.#patch({ notice: 'settings_saved' });
    } else this.#patch({ notice: 'settings_save_failed' });
  };

  clearHistory = async () => {
    const res = await withTimeout(this.#host.send({ type: 'clear-history' }), STATUS_TIMEOUT_MS * 2);
    this.#patch(res ? { history: [], notice: 'history_cleared' } : { notice: 'popup_check_failed' });
  };

  /** Called straight from the click handler: the permission request must not follow an await. */
  requestPermission = () => {
    this.#host.requestHostPermissions().then(
      async (granted) => {
        this.#patch({ notice: granted ? 'perm_granted' : 'perm_denied' });
        if (granted) await withTimeout(this.#host.send({ type: 'permissions-changed' }), STATUS_TIMEOUT_MS);
      },
      () => this.#patch({ notice: 'perm_denied' }),
    );
  };
}
