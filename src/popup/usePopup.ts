/**
 * The popup's state: first from storage (fast, works while the worker sleeps), then from the
 * background's answer and the live port. Every failure to reach the worker is caught.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { createTranslator, resolveLang, type Translator } from '../shared/i18n';
import type { StatusReport } from '../shared/messages';
import {
  applySettingsPatch,
  DEFAULT_SETTINGS,
  normalizeSettings,
  type Settings,
  type SettingsPatch,
} from '../shared/settings';
import { normalizeReport } from '../ui/report';
import { readLiveUpdate, withTimeout } from './data';
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
  /** Raw from storage; the history view validates it (keeps that code out of the first bundle). */
  history: unknown;
  checking: boolean;
  notice: Notice;
  now: number;
  /** ms from script start to the first render with stored data (measured for the issue). */
  firstRenderMs: number | null;
}

export function usePopup(host: PopupHost) {
  const [s, setS] = useState<PopupState>({
    tr: null,
    report: null,
    settings: DEFAULT_SETTINGS,
    history: [],
    checking: false,
    notice: null,
    now: Date.now(),
    firstRenderMs: null,
  });
  const patch = useCallback((p: Partial<PopupState>) => setS((cur) => ({ ...cur, ...p })), []);
  const langRef = useRef<string>('');

  const applyLanguage = useCallback(
    async (settings: Settings) => {
      const lang = resolveLang(settings.language, host.uiLanguage());
      if (lang === langRef.current) return;
      langRef.current = lang;
      const messages = await host.loadMessages(lang).catch(() => ({}));
      document.documentElement.lang = lang;
      document.documentElement.dir = 'ltr'; // both Hindi and English are written left to right
      patch({ tr: createTranslator(messages, lang) });
    },
    [host, patch],
  );

  useEffect(() => {
    let alive = true;
    const applyReport = (raw: unknown) => {
      const report = normalizeReport(raw);
      if (report && alive) patch({ report, checking: report.checking, now: Date.now() });
    };
    (async () => {
      const stored = await host
        .readStored()
        .catch(() => ({ report: undefined, settings: undefined, history: undefined }));
      const settings = normalizeSettings(stored.settings);
      patch({ report: normalizeReport(stored.report), settings, history: stored.history });
      await applyLanguage(settings);
      patch({ firstRenderMs: Math.round(performance.now()) });
      const fresh = await withTimeout(host.send({ type: 'get-status' }), STATUS_TIMEOUT_MS);
      if (!alive) return;
      if (fresh === undefined) patch({ notice: 'popup_worker_silent' });
      else applyReport(fresh);
    })();
    const disconnect = host.connect(
      (raw) => {
        const u = readLiveUpdate(raw);
        if (!u) return;
        if ('report' in u) patch({ report: u.report, checking: u.report?.checking ?? false, now: Date.now() });
        else {
          patch({ settings: u.settings });
          void applyLanguage(u.settings);
        }
      },
      () => {},
    );
    const unwatch = host.onStored((c) => {
      if ('report' in c) applyReport(c.report);
      if ('history' in c) patch({ history: c.history });
      if ('settings' in c) {
        const settings = normalizeSettings(c.settings);
        patch({ settings });
        void applyLanguage(settings);
      }
    });
    const tick = setInterval(() => patch({ now: Date.now() }), 30_000);
    return () => {
      alive = false;
      disconnect();
      unwatch();
      clearInterval(tick);
    };
  }, [host, patch, applyLanguage]);

  const checkNow = useCallback(async () => {
    patch({ checking: true, notice: null });
    const res = await withTimeout(host.send({ type: 'check-now' }), CHECK_TIMEOUT_MS);
    const report = normalizeReport(res);
    if (report)
      patch({ report: { ...report, checking: false }, checking: false, notice: 'popup_check_done', now: Date.now() });
    else patch({ checking: false, notice: 'popup_check_failed' });
  }, [host, patch]);

  const changeSettings = useCallback(
    async (p: SettingsPatch) => {
      // Applied at once on screen; the background's answer is the truth.
      setS((cur) => ({ ...cur, settings: applySettingsPatch(cur.settings, p), notice: null }));
      const res = await withTimeout(host.send({ type: 'set-settings', patch: p }), STATUS_TIMEOUT_MS * 2);
      if (res && typeof res === 'object') {
        const settings = normalizeSettings(res);
        patch({ settings, notice: 'settings_saved' });
        await applyLanguage(settings);
      } else patch({ notice: 'settings_save_failed' });
    },
    [host, patch, applyLanguage],
  );

  const clearHistory = useCallback(async () => {
    const res = await withTimeout(host.send({ type: 'clear-history' }), STATUS_TIMEOUT_MS * 2);
    if (res) patch({ history: [], notice: 'history_cleared' });
    else patch({ notice: 'popup_check_failed' });
  }, [host, patch]);

  /** Called straight from the click handler: the permission request must not follow an await. */
  const requestPermission = useCallback(() => {
    host.requestHostPermissions().then(
      async (granted) => {
        if (!granted) return patch({ notice: 'perm_denied' });
        patch({ notice: 'perm_granted' });
        await withTimeout(host.send({ type: 'permissions-changed' }), STATUS_TIMEOUT_MS);
        const fresh = normalizeReport(await withTimeout(host.send({ type: 'get-status' }), STATUS_TIMEOUT_MS));
        if (fresh) patch({ report: fresh });
      },
      () => patch({ notice: 'perm_denied' }),
    );
  }, [host, patch]);

  return { state: s, checkNow, changeSettings, clearHistory, requestPermission };
}
