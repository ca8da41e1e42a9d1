/**
 * What the banner says on a platform's own site: pure, so every verdict × language is unit-tested.
 * The words come from the one meaning of all three reports (src/ui/words.ts), so the banner names
 * the same failing platforms as the popup, and a fault on the user's side never reads as the
 * platform's. One line of at most two sentences (what is wrong since when, then why).
 */
import type { PlatformId } from '../core/types';
import type { Translator } from '../shared/i18n';
import type { Meaning } from '../ui/meaning';
import { say } from '../ui/msg';
import { bannerOf, recoveredNote } from '../ui/words';

export interface BannerText {
  /** The one line: "रात 9:09 बजे से Instagram काम नहीं कर रहा है। वजह: सर्वर में गड़बड़ी।" */
  line: string;
  /** The folded banner's label: "Instagram में गड़बड़ी है — पूरा संदेश देखें". */
  chip: string;
  details: string;
  close: string;
  region: string;
}

export function bannerText(
  tr: Translator,
  platform: PlatformId,
  meaning: Meaning,
  now: number,
  timeZone?: string,
): BannerText | null {
  const words = bannerOf(meaning, platform, now);
  if (!words) return null;
  return {
    line: words.line.map((m) => say(tr, m, timeZone)).join(' '),
    chip: say(tr, words.chip, timeZone),
    details: tr.t('banner_details'),
    close: tr.t('banner_close'),
    region: tr.t('banner_region', tr.t(`platform_${platform}`)),
  };
}

export function recoveredText(tr: Translator, platform: PlatformId): string {
  return say(tr, recoveredNote(platform));
}
