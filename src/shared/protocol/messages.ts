/**
 * The typed message protocol between the extension's own pages/content scripts and the background.
 * The background sends meaning (enums, numbers, times), never display text: the UIs translate.
 * Every incoming message is checked at run time with `isRequest` and its sender with
 * `senderRole` (guards.ts: kept apart so the pages do not bundle the background's guards). Pages
 * and the content script read what they receive with the decoders beside this file (report.ts,
 * settings.ts, episode.ts) and talk to the background only through client.ts.
 */
import type { VantageEvent } from '../../core/api';
import type { PlatformId, PlatformReport } from '../../core/types';
import type { Episode } from './episode';
import type { Settings, SettingsPatch } from './settings';

export interface StatusReport {
  /** Wall-clock ms when the background built this report. */
  generatedAt: number;
  /** The browser's own online/offline signal as last seen (null = not known). */
  online: boolean | null;
  platforms: Record<PlatformId, PlatformReport>;
  /** Are the host permissions for the watched sites granted? (Firefox users can revoke them.) */
  hostPermissions: boolean;
  /** Wall-clock ms of the last completed active check round, if any. */
  lastCheckAt: number | null;
  /** True while a "check now" round is running. */
  checking: boolean;
}

export type Request =
  | { type: 'get-status' }
  | { type: 'check-now' }
  | { type: 'get-history' }
  | { type: 'clear-history' }
  | { type: 'get-settings' }
  | { type: 'set-settings'; patch: SettingsPatch }
  /** Sent by a page after permissions.request was granted, so monitoring starts without a restart. */
  | { type: 'permissions-changed' }
  /** Banner's "details" link: the background opens the details page in a new tab. */
  | { type: 'open-details'; platform?: PlatformId }
  /**
   * From the error page: the background lets the tab's next failing load of the URL it kept under
   * `token` through (no second redirect to the error page), and answers with that URL
   * (`RetryReply`). `retry` (the default): the user's "try again", let through unless the verdict
   * has changed. `back`: held while the page is open, for the Back button; that failing load is the
   * browser's own failed entry, so the background steps back once more. Kept in memory only.
   */
  | { type: 'retry-navigation'; token: string; purpose?: NavigationPurpose }
  /** From an extension page: other networks' answer (issue 18), evidence for the engine. */
  | { type: 'other-networks'; event: VantageEvent };

/** The answer to `retry-navigation`: the failed URL, when the token is this tab's and still known. */
export interface RetryReply {
  ok: true;
  url?: string;
}

/**
 * All a content script (the banner) gets, by message or over its live port: its own platform's
 * verdict. No evidence (hosts, DNS answers, check results), no other platform, no other settings.
 */
export interface PageStatus {
  /** The report's generatedAt, so the newest of two verdicts wins. */
  generatedAt: number;
  platforms: Partial<Record<PlatformId, Pick<PlatformReport, 'verdict'>>>;
}
export interface PageSettings {
  language: Settings['language'];
}

export type NavigationPurpose = 'retry' | 'back';

export type ResponseFor<R extends Request> = R extends { type: 'get-status' | 'check-now' | 'other-networks' }
  ? StatusReport
  : R extends { type: 'get-history' }
    ? Episode[]
    : R extends { type: 'get-settings' | 'set-settings' }
      ? Settings
      : R extends { type: 'retry-navigation' }
        ? RetryReply
        : { ok: true };

/**
 * Pushed from the background over a `runtime.connect` port named LIVE_PORT: on connect the status
 * and the settings, then each change.
 */
export type LiveUpdate = { type: 'status'; report: StatusReport } | { type: 'settings'; settings: Settings };

/** A live update as a content script receives it (its own platform's verdict, the language). */
export type PageUpdate = { type: 'status'; report: PageStatus } | { type: 'settings'; settings: PageSettings };

export const LIVE_PORT = 'nazar-live';
