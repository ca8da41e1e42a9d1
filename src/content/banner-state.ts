/**
 * When the banner shows, folds, says "fixed", or stays closed: a pure reducer, `(state, event) →
 * state`, whose deadlines are times in the state. The controller feeds it events (reports, clicks,
 * one timer set to `nextDeadline`) and renders what it returns; rendering never changes it.
 *
 * Episode: from the first degraded/down report to the next `up`. A close lasts for the rest of
 * that episode (degraded → down inside it does not bring the banner back); memory only, never
 * the page's storage, so a reload of the page shows it again.
 */
import type { Status } from '../core/types';
import { TIMINGS } from '../shared/timings';
import { isFailing as isProblem } from '../ui/meaning';

/** How long the "fixed" note stays. */
export const RECOVERED_NOTE_MS = 6000;
/**
 * How long a problem banner stays whole before it folds into a small chip at the top centre, so
 * it never covers the site's own controls for long. News (a new severity or cause) unfolds it;
 * so does a click or tap on the chip. It waits while the reader points at it or has focus in it.
 */
export const FOLD_AFTER_MS = TIMINGS.bannerFoldMs;
/** A fold put off because the reader is at the banner is tried again this much later. */
export const FOLD_RETRY_MS = 3_000;

export type BannerMode = 'hidden' | 'problem' | 'recovered';

export interface BannerState {
  readonly mode: BannerMode;
  /** Between a degraded/down report and the next `up`. */
  readonly inEpisode: boolean;
  /** The user closed the banner in this episode. */
  readonly dismissed: boolean;
  /**
   * What the shown problem banner says (severity, cause, who fails with it), in any language; ''
   * when no problem banner shows. A different one is news and unfolds it.
   */
  readonly news: string;
  /** Only the chip shows. */
  readonly folded: boolean;
  /** When the whole problem banner folds; null unless it shows unfolded. */
  readonly foldAt: number | null;
  /** When the "fixed" note goes; null unless it shows. */
  readonly noteUntil: number | null;
  /** The extension context went away: the banner is removed for good. */
  readonly gone: boolean;
}

/** Every event says when it happened (`now`, in ms since the epoch). */
export type BannerEvent = {
  now: number;
} /** A report for this page's platform; `news` as in the state, '' when it has no words for it. */ & (
  | { type: 'report'; status: Status | undefined; news: string }
  /** The clock reached a deadline; `engaged`: the reader points at the banner or has focus in it. */
  | { type: 'tick'; engaged: boolean }
  | { type: 'close' }
  | { type: 'unfold' }
  | { type: 'gone' }
);

export const INITIAL_BANNER: BannerState = {
  mode: 'hidden',
  inEpisode: false,
  dismissed: false,
  news: '',
  folded: false,
  foldAt: null,
  noteUntil: null,
  gone: false,
};

export function bannerReducer(state: BannerState, e: BannerEvent): BannerState {
  if (state.gone) return state;
  // Pure: the steps below change a copy, never `state`.
  const s = { ...state };
  switch (e.type) {
    case 'report':
      s.news = e.news;
      if (isProblem(e.status)) {
        s.inEpisode = true;
        s.mode = s.dismissed ? 'hidden' : 'problem';
      } else if (e.status === 'up') {
        // The "fixed" note only follows a banner the user was actually looking at.
        if (s.mode === 'problem') s.mode = 'recovered';
        s.inEpisode = s.dismissed = false;
      } else if (s.mode === 'problem') {
        // 'unknown' (or garbage): no claim either way. Keep the episode and its dismissal, hide the claim.
        s.mode = 'hidden';
      }
      break;
    case 'tick':
      if (e.now >= (s.noteUntil ?? Infinity)) s.mode = 'hidden';
      if (e.now >= (s.foldAt ?? Infinity)) {
        if (e.engaged) s.foldAt = e.now + FOLD_RETRY_MS;
        else s.folded = true;
      }
      break;
    case 'close':
      s.mode = 'hidden';
      s.dismissed ||= s.inEpisode;
      break;
    case 'unfold':
      s.folded = false;
      break;
    case 'gone':
      s.mode = 'hidden';
      s.gone = true;
  }
  // The rest follows from the mode. Only a problem banner has news; new news shows it whole.
  if (s.mode !== 'problem') s.news = '';
  if (s.news !== state.news) {
    s.folded = false;
    s.foldAt = null;
  }
  // A problem banner shown whole folds at its deadline, set when it last unfolded.
  s.foldAt = s.news && !s.folded ? (s.foldAt ?? e.now + FOLD_AFTER_MS) : null;
  // The "fixed" note goes at its deadline, set when it appeared (a second `up` keeps it).
  s.noteUntil = s.mode === 'recovered' ? (s.noteUntil ?? e.now + RECOVERED_NOTE_MS) : null;
  return s;
}

/** When the state next changes by itself: the earliest of its deadlines; null when none is pending. */
export function nextDeadline(s: BannerState): number | null {
  const at = Math.min(s.foldAt ?? Infinity, s.noteUntil ?? Infinity);
  return at < Infinity ? at : null;
}
