/**
 * Wires the live connection, the state reducer, the words and the DOM together: it turns messages,
 * clicks and one timer into events for `bannerReducer`, and renders the state it returns.
 */
import type { PlatformId } from '../core/types';
import type { Lang } from '../shared/i18n';
import { ask, connectLive, type RuntimeLike } from '../shared/protocol/client';
import { decodePageReport, type PageReport } from '../shared/protocol/report';
import type { LanguageSetting } from '../shared/protocol/settings';
import { type Meaning, meaningOf, outageGroupOf } from '../ui/meaning';
import { createBannerDom } from './banner-dom';
import { type BannerEvent, bannerReducer, INITIAL_BANNER, nextDeadline } from './banner-state';
import { bannerText, recoveredText } from './banner-view';
import { bannerTranslator } from './locales';

export interface BannerDeps {
  doc: Document;
  platform: PlatformId;
  runtime: RuntimeLike;
  langOf(setting: LanguageSetting): Lang;
  now?: () => number;
}

const severityOf = (r: PageReport) => (r.verdict.status === 'degraded' ? 'degraded' : 'down');

export function startBanner(deps: BannerDeps): { stop(): void } {
  const { doc, platform, runtime } = deps;
  const now = deps.now ?? Date.now;
  let state = INITIAL_BANNER;
  let lang: Lang = deps.langOf('auto');
  let report: PageReport | null = null;
  let meaning: Meaning | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const dom = createBannerDom(doc, {
    onDetails() {
      // Context gone: the live connection notices and cleans up.
      ask(runtime, { type: 'open-details', platform }).catch(() => {});
    },
    onClose: () => dispatch({ type: 'close', now: now() }),
    onUnfold: () => dispatch({ type: 'unfold', now: now() }),
  });

  /**
   * The reader is at the banner: pointing at it, or with focus in it. A touch screen cannot point:
   * a tap leaves what it touched in :hover until the next touch elsewhere (Firefox for Android), so
   * there only focus counts (the banner hangs off <html>, so focus in it makes its host the active
   * element there).
   */
  function engaged(): boolean {
    if (!dom.engaged) return false;
    if (doc.defaultView?.matchMedia?.('(hover: hover)').matches !== false) return true;
    const active = doc.activeElement;
    return !!active && active !== doc.body && active.parentNode === doc.documentElement;
  }

  /** Feeds one event in, renders the new state, and sets the one timer to its next deadline. */
  function dispatch(event: BannerEvent) {
    state = bannerReducer(state, event);
    render();
    clearTimeout(timer);
    const at = nextDeadline(state);
    // A timer that fires a little early leaves the state as it was and is simply set again.
    if (at !== null) timer = setTimeout(() => dispatch({ type: 'tick', now: now(), engaged: engaged() }), at - now());
  }

  /** Shows the state in the current language; reads it, never changes it. */
  function render() {
    if (state.gone) return dom.destroy();
    const tr = bannerTranslator(lang);
    if (state.news && report && meaning) {
      const text = bannerText(tr, platform, meaning, now());
      if (text) return dom.show({ kind: 'problem', severity: severityOf(report), lang, ...text }, state.folded);
    }
    if (state.mode !== 'recovered') return dom.hide();
    dom.show({
      kind: 'recovered',
      line: recoveredText(tr, platform),
      close: tr.t('banner_close'),
      region: tr.t('banner_region', tr.t(`platform_${platform}`)),
      lang,
    });
  }

  /** What the whole banner would say about this report, in any language; '' when it has no words for it. */
  function newsOf(r: PageReport, m: Meaning): string {
    if (m.each[platform].side === null) return '';
    return `${severityOf(r)}/${r.verdict.cause}/${r.verdict.scope}/${outageGroupOf(m, platform)}`;
  }

  const live = connectLive(runtime, {
    decode: (raw) => decodePageReport(raw, platform),
    onReport(r) {
      report = r;
      // Only this platform's verdict reaches a content script, so the banner speaks of it alone.
      meaning = meaningOf({ platforms: { [platform]: r } });
      dispatch({ type: 'report', status: r.verdict.status, news: newsOf(r, meaning), now: now() });
    },
    onSettings(settings) {
      lang = deps.langOf(settings.language);
      render();
    },
    onGone: () => dispatch({ type: 'gone', now: now() }),
  });

  return {
    stop() {
      live.stop();
      dispatch({ type: 'gone', now: now() });
    },
  };
}
