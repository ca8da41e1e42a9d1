/**
 * What the error page shows, as data (message keys + substitutions): pure, unit-tested.
 * The explanation itself comes from the popup's shared view model (src/ui/explain.ts), so the
 * error page and the popup always give the same answer.
 */
import type { PlatformId, Status } from '../core/types';
import { REDIRECTED_CLASSES } from '../shared/protocol/error-page';
import type { StatusReport } from '../shared/protocol/messages';
import { type Explanation, explainGroup } from '../ui/explain';
import { type Msg, msg } from '../ui/msg';
import type { ErrorPageParams } from './params';

export interface ErrorPageModel {
  docTitle: Msg;
  heading: Msg;
  /** What happened to this load ("your browser could not find the address of …"). */
  lead: Msg | null;
  explanation: Explanation | null;
  glossary: Msg[];
  /** Status of the wait: checking, no verdict yet, will return automatically, returning now. */
  note: Msg | null;
  canRetry: boolean;
}

/** Each error class the background redirects here has a lead line of its own. */
const LEAD_CLASSES: readonly string[] = REDIRECTED_CLASSES;

export function errorPageModel(
  params: ErrorPageParams,
  report: StatusReport | null,
  now: number,
  returning: boolean,
): ErrorPageModel {
  const { platform, host, errorClass } = params;
  const name = platform ? msg(`platform_${platform}`) : null;
  const lead =
    platform && host
      ? msg(`errorpage_failed_${errorClass && LEAD_CLASSES.includes(errorClass) ? errorClass : 'other'}`, host)
      : null;
  const status: Status | undefined = platform ? report?.platforms[platform]?.verdict.status : undefined;
  const problem = status === 'down' || status === 'degraded';
  const explanation = platform && report && problem ? explainGroup(report, [platform], now) : null;
  let note: Msg | null = null;
  if (platform && name) {
    if (returning) note = msg('errorpage_returning', name);
    else if (!report) note = msg('errorpage_checking');
    else if (!problem) note = msg('errorpage_no_verdict', name);
    else note = msg('errorpage_auto_return', name);
  }
  return {
    docTitle: name ? msg('errorpage_doc_title', name) : msg('errorpage_heading_generic'),
    heading: name ? msg('errorpage_heading', name) : msg('errorpage_heading_generic'),
    lead: lead ?? msg('errorpage_no_url'),
    explanation,
    glossary: (explanation?.terms ?? []).map((t) => msg(`explain_gloss_${t}`)),
    note,
    canRetry: platform !== null,
  };
}

/**
 * Automatic return: only after this page has itself seen the platform not working and then
 * `up` again. A verdict that was `up` all along (the engine had not yet judged one failed load)
 * does not bounce the user straight back into the failure.
 */
export function createReturnWatch(platform: PlatformId | null) {
  let sawProblem = false;
  let fired = false;
  return {
    /** True exactly once: the moment to go back to the site. */
    update(report: StatusReport | null): boolean {
      if (!platform || !report || fired) return false;
      const s = report.platforms[platform]?.verdict.status;
      if (s === 'down' || s === 'degraded' || s === 'unknown') sawProblem = true;
      else if (s === 'up' && sawProblem) {
        fired = true;
        return true;
      }
      return false;
    },
  };
}
