/**
 * What the banner says on a platform's own site: pure, so every verdict × language is unit-tested.
 * The words come from the one meaning of all three reports (src/ui/meaning.ts) and the shared
 * phrases (src/ui/words.ts), so the banner names the same failing platforms as the popup, and a
 * fault on the user's side never reads as the platform's. One line of at most two sentences (what
 * is wrong since when, then why).
 */
import type { PlatformId } from '../core/types';
import type { Translator } from '../shared/i18n';
import { causeLine } from '../ui/cause-line';
import { isUserSide, type Meaning, outageGroupOf, severityOf } from '../ui/meaning';
import { type Arg, counted, type Msg, msg, say } from '../ui/msg';
import { failingPhrase, platformNames, sentence, userSidePhrase } from '../ui/words';

export interface BannerText {
  /** The one line: "रात 9:09 बजे से Instagram काम नहीं कर रहा है। वजह: सर्वर में गड़बड़ी।" */
  line: string;
  /** The folded banner's label: "Instagram में गड़बड़ी है — पूरा संदेश देखें". */
  chip: string;
  details: string;
  close: string;
  region: string;
}

/** A start older than this also shows its date, so "9:09 बजे से" never means yesterday silently. */
const SHOW_DATE_AFTER_MS = 20 * 60 * 60_000;

const sinceArg = (since: number, now: number): Arg =>
  now - since > SHOW_DATE_AFTER_MS ? msg('banner_since_dated', { date: since }, { clock: since }) : { clock: since };

/** The banner's words as messages; null when `platform` is not failing. */
export function bannerWords(m: Meaning, platform: PlatformId, now: number): { line: Msg[]; chip: Msg } | null {
  const p = m.each[platform];
  if (p.side === null) return null;
  const name = platformNames([platform]);
  let what: Msg;
  let why: Msg;
  let chip: Msg;
  if (isUserSide(p.side)) {
    what = msg('state_not_opening_yours', name);
    why = causeLine(p.cause, false);
    chip = userSidePhrase(p.side, p.cause);
  } else {
    // A Meta-wide group names every platform failing in it, and only those.
    const group = outageGroupOf(m, platform);
    what = failingPhrase(group, severityOf(group.map((g) => m.each[g].status)), group.length > 1);
    why = causeLine(p.cause, p.scope === 'meta' && group.length < 3);
    chip = msg('state_trouble', name);
  }
  const since = p.since && p.since <= now ? msg('banner_since', sinceArg(p.since, now), what) : sentence(what);
  return { line: [since, why], chip: msg('banner_chip', chip) };
}

export function bannerText(
  tr: Translator,
  platform: PlatformId,
  meaning: Meaning,
  now: number,
  timeZone?: string,
): BannerText | null {
  const words = bannerWords(meaning, platform, now);
  if (!words) return null;
  return {
    line: words.line.map((m) => say(tr, m, timeZone)).join(' '),
    chip: say(tr, words.chip, timeZone),
    details: tr.t('banner_details'),
    close: tr.t('banner_close'),
    region: tr.t('banner_region', tr.t(`platform_${platform}`)),
  };
}

/** The "fixed" note: "Instagram फिर से काम कर रहा है।" */
export function recoveredText(tr: Translator, platform: PlatformId): string {
  return say(tr, sentence(counted('state_back', 1, platformNames([platform]))));
}
