/** Wires the live connection, the state machine, the words and the DOM together. */
import type { PlatformId } from '../core/types';
import type { Lang } from '../shared/i18n';
import { ask, connectLive, type RuntimeLike } from '../shared/protocol/client';
import { decodePageReport, type PageReport } from '../shared/protocol/report';
import type { LanguageSetting } from '../shared/protocol/settings';
import { TIMINGS } from '../shared/timings';
import { type Meaning, meaningOf, outageGroupOf } from '../ui/meaning';
import { createBannerDom } from './banner-dom';
import { createBannerState } from './banner-state';
import { bannerText, recoveredText } from './banner-view';
import { bannerTranslator } from './locales';

/** How long the "fixed" note stays. */
export const RECOVERED_NOTE_MS = 6000;
/**
 * How long a problem banner stays whole before it folds into a small chip at the top centre, so
 * it never covers the site's own controls for long. A new severity or cause unfolds it; so does
 * a click or tap on the chip. It waits while the reader points at it or has focus in it.
 */
export const FOLD_AFTER_MS = TIMINGS.bannerFoldMs;
const FOLD_RETRY_MS = 3_000;

export interface BannerDeps {
  doc: Document;
  platform: PlatformId;
  runtime: RuntimeLike;
  langOf(setting: LanguageSetting): Lang;
  now?: () => number;
}

export function startBanner(deps: BannerDeps): { stop(): void } {
  const { doc, platform, runtime } = deps;
  const now = deps.now ?? Date.now;
  const state = createBannerState();
  let lang: Lang = deps.langOf('auto');
  let report: PageReport | null = null;
  let meaning: Meaning | null = null;
  let noteTimer: ReturnType<typeof setTimeout> | undefined;
  let folded = false;
  let foldTimer: ReturnType<typeof setTimeout> | undefined;
  /** What the whole banner last said (severity, cause, scope): news unfolds it. */
  let shownKey = '';

  const dom = createBannerDom(doc, {
    onDetails() {
      // Context gone: the live connection notices and cleans up.
      ask(runtime, { type: 'open-details', platform }).catch(() => {});
    },
    onClose() {
      state.dismiss();
      render();
    },
    onUnfold() {
      unfold();
      render();
    },
  });

  function unfold() {
    folded = false;
    if (foldTimer) clearTimeout(foldTimer);
    foldTimer = undefined;
  }

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

  function fold() {
    foldTimer = undefined;
    if (state.mode !== 'problem') return;
    if (engaged()) {
      foldTimer = setTimeout(fold, FOLD_RETRY_MS);
      return;
    }
    folded = true;
    render();
  }

  function render() {
    const tr = bannerTranslator(lang);
    const region = tr.t('banner_region', tr.t(`platform_${platform}`));
    if (state.mode === 'problem' && report && meaning) {
      const text = bannerText(tr, platform, meaning, now());
      const severity = report.verdict.status === 'degraded' ? 'degraded' : 'down';
      if (text) {
        // What the whole banner says, in any language: news (severity, cause, who fails with it) unfolds it.
        const key = `${severity}/${report.verdict.cause}/${report.verdict.scope}/${outageGroupOf(meaning, platform)}`;
        if (key !== shownKey) {
          shownKey = key;
          unfold();
        }
        if (!folded && !foldTimer) foldTimer = setTimeout(fold, FOLD_AFTER_MS);
        return dom.show({ kind: 'problem', severity, lang, ...text }, folded);
      }
    }
    shownKey = '';
    unfold();
    if (state.mode === 'recovered') {
      if (!noteTimer) {
        noteTimer = setTimeout(() => {
          noteTimer = undefined;
          state.recoveredShown();
          render();
        }, RECOVERED_NOTE_MS);
      }
      return dom.show({
        kind: 'recovered',
        line: recoveredText(tr, platform),
        close: tr.t('banner_close'),
        region,
        lang,
      });
    }
    if (noteTimer) {
      clearTimeout(noteTimer);
      noteTimer = undefined;
    }
    dom.hide();
  }

  const live = connectLive(runtime, {
    decode: (raw) => decodePageReport(raw, platform),
    onReport(r) {
      report = r;
      // Only this platform's verdict reaches a content script, so the banner speaks of it alone.
      meaning = meaningOf({ platforms: { [platform]: r } });
      state.update(r.verdict.status);
      render();
    },
    onSettings(settings) {
      lang = deps.langOf(settings.language);
      render();
    },
    onGone() {
      if (noteTimer) clearTimeout(noteTimer);
      unfold();
      dom.destroy();
    },
  });

  return {
    stop() {
      live.stop();
      if (noteTimer) clearTimeout(noteTimer);
      unfold();
      dom.destroy();
    },
  };
}
