/**
 * When the banner shows, hides, says "fixed", or stays closed. Pure state machine, fed one
 * status per report; the DOM layer only renders what it returns.
 *
 * Episode: from the first degraded/down report to the next `up`. A close lasts for the rest of
 * that episode (degraded → down inside it does not bring the banner back); memory only, never
 * the page's storage, so a reload of the page shows it again.
 */
import type { Status } from '../core/types';
import { isFailing as isProblem } from '../ui/meaning';

export type BannerMode = 'hidden' | 'problem' | 'recovered';

export interface BannerState {
  /** Feeds the latest status; returns what to show now. */
  update(status: Status | undefined): BannerMode;
  /** The user closed the banner. */
  dismiss(): BannerMode;
  /** The "fixed" note has been shown long enough. */
  recoveredShown(): BannerMode;
  readonly mode: BannerMode;
}

export function createBannerState(): BannerState {
  let mode: BannerMode = 'hidden';
  let inEpisode = false;
  let dismissed = false;

  return {
    get mode() {
      return mode;
    },
    update(status) {
      if (isProblem(status)) {
        inEpisode = true;
        mode = dismissed ? 'hidden' : 'problem';
      } else if (status === 'up') {
        // The "fixed" note only follows a banner the user was actually looking at.
        const wasShowing = mode === 'problem';
        inEpisode = false;
        dismissed = false;
        mode = wasShowing || mode === 'recovered' ? 'recovered' : 'hidden';
      } else if (mode === 'problem') {
        // 'unknown' (or garbage): no claim either way. Keep the episode and its dismissal, hide the claim.
        mode = 'hidden';
      }
      return mode;
    },
    dismiss() {
      if (inEpisode) dismissed = true;
      mode = 'hidden';
      return mode;
    },
    recoveredShown() {
      if (mode === 'recovered') mode = 'hidden';
      return mode;
    },
  };
}
