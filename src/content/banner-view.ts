/**
 * What the banner says for a platform's report: pure, so every verdict × language is unit-tested.
 * Only `degraded` and `down` produce a banner; the text is one line of at most two sentences
 * (what is wrong + since when, then the cause), per hindi-style.md.
 */
import type { PlatformId, PlatformReport, Status } from '../core/types';
import { formatClock, formatDate } from '../shared/format';
import { keyPart, type Translator } from '../shared/i18n';

export interface BannerText {
  /** The one line: "रात 9:09 बजे से Instagram काम नहीं कर रहा है। वजह: सर्वर में गड़बड़ी।" */
  line: string;
  /** The folded banner's label: "Instagram में गड़बड़ी — पूरा संदेश देखें". */
  chip: string;
  details: string;
  close: string;
  region: string;
}

/** Statuses that put a banner on the page. */
export const isProblem = (s: Status | undefined): s is 'degraded' | 'down' => s === 'degraded' || s === 'down';

/** A start time older than this also shows its date, so "9:09 बजे से" never means yesterday silently. */
const SHOW_DATE_AFTER_MS = 20 * 60 * 60_000;

export function formatSince(tr: Translator, since: number, now: number, timeZone?: string): string {
  const clock = formatClock(tr, since, timeZone);
  return now - since > SHOW_DATE_AFTER_MS ? tr.t('banner_since_dated', formatDate(tr, since, timeZone), clock) : clock;
}

export function bannerText(
  tr: Translator,
  platform: PlatformId,
  report: Pick<PlatformReport, 'verdict'>,
  now: number,
  timeZone?: string,
): BannerText | null {
  const { status, cause, scope, since } = report.verdict;
  if (!isProblem(status)) return null;
  const name = tr.t(`platform_${platform}`);
  const sinceText = typeof since === 'number' && Number.isFinite(since) ? formatSince(tr, since, now, timeZone) : null;
  let first: string;
  if (scope === 'meta' && status === 'down') {
    first = sinceText ? tr.t('banner_meta_down', sinceText) : tr.t('banner_meta_down_nosince');
  } else {
    first = sinceText ? tr.t(`banner_${status}`, sinceText, name) : tr.t(`banner_${status}_nosince`, name);
  }
  // 'none' next to a problem status would read "No problem": say the cause is not certain instead.
  const causeKey = `cause_${keyPart(cause)}`;
  const known = cause !== 'none' && cause !== 'unknown' && tr.has(causeKey);
  return {
    line: `${first} ${known ? tr.t('banner_cause', tr.t(causeKey)) : tr.t('banner_cause_unknown')}`,
    chip: tr.t('banner_chip', name),
    details: tr.t('banner_details'),
    close: tr.t('banner_close'),
    region: tr.t('banner_region', name),
  };
}

export function recoveredText(tr: Translator, platform: PlatformId): string {
  return tr.t('banner_recovered', tr.t(`platform_${platform}`));
}
