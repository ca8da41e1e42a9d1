/**
 * Every sentence about the state of the platforms, built from the one meaning (meaning.ts) with
 * the platforms that fail filled in: the popup's headline, sub line and rows, the badge's title,
 * the banner and its chip, the notifications. Pure: messages as data (msg.ts), translated by each
 * surface in the language the user picked.
 */
import type { Cause, PlatformId, Status } from '../core/types';
import { keyPart } from '../shared/i18n';
import {
  isFailing,
  isUserSide,
  type Meaning,
  outageGroupOf,
  type PlatformMeaning,
  type Severity,
  severityOf,
} from './meaning';
import { type Arg, counted, type Msg, msg } from './msg';

/** Colour of a line: `you` is the user's own side, neutral grey, never the red of an outage. */
export type Tone = 'ok' | 'warn' | 'bad' | 'unknown' | 'you';

const TONE: Record<Status, Tone> = { up: 'ok', degraded: 'warn', down: 'bad', unknown: 'unknown' };

export const platformNames = (ps: readonly PlatformId[]): Arg => ({ list: ps.map((p) => msg(`platform_${p}`)) });

/** A headline-style phrase as a sentence in running text (adds "।" / "."). */
const sentence = (m: Msg) => msg('state_sentence', m);

/** How the named platforms fail: "WhatsApp और Instagram काम नहीं कर रहे हैं", "Meta की सभी सेवाएं ठप हैं". */
export function failingPhrase(ps: readonly PlatformId[], severity: Severity, metaWide: boolean): Msg {
  if (metaWide && ps.length === 3) return msg(severity === 'down' ? 'state_meta_all_down' : 'state_meta_all_trouble');
  if (severity === 'mixed') return msg('state_trouble', platformNames(ps));
  return counted(`state_${severity}`, ps.length, platformNames(ps));
}

/** The user's own side, in a few words: "आपका इंटरनेट नहीं चल रहा", "गड़बड़ी आपकी इंटरनेट कंपनी में लगती है". */
export function userSidePhrase(side: 'you' | 'network', cause: Cause): Msg {
  if (side === 'you') return msg(cause === 'offline' ? 'state_offline' : 'state_you');
  return msg(cause === 'local-dns' || cause === 'tls' ? `state_network_${keyPart(cause)}` : 'state_network');
}

/** "वजह: सर्वर में गड़बड़ी।" — with "Meta की तरफ़ से" for a Meta-wide group; an unknown cause says so. */
export function causeLine(cause: Cause, metaSide: boolean): Msg {
  if (cause === 'none' || cause === 'unknown') return msg('state_cause_unknown');
  return msg(metaSide ? 'state_cause_meta' : 'state_cause', msg(`cause_${keyPart(cause)}`));
}

export interface Headline {
  headline: Msg;
  /** Short sentences under the headline (who else is fine, whose side it is). */
  sub: Msg[];
  tone: Tone;
}

export function headlineOf(m: Meaning): Headline {
  switch (m.situation) {
    case 'no-permission':
      return { headline: msg('state_no_permission'), sub: [], tone: 'warn' };
    case 'nothing-seen':
      return { headline: msg('state_nothing_seen'), sub: [msg('state_nothing_seen_sub')], tone: 'unknown' };
    case 'fine':
      return {
        headline: counted('state_fine', m.named.length, platformNames(m.named)),
        sub: m.unseen.length ? [counted('state_unseen', m.unseen.length, platformNames(m.unseen))] : [],
        tone: 'ok',
      };
    case 'you':
    case 'network':
      return {
        headline: userSidePhrase(m.situation, m.cause),
        sub: [counted('state_not_theirs', m.named.length, platformNames(m.named))],
        tone: 'you',
      };
    case 'outage': {
      const severity = m.severity ?? 'mixed';
      const sub: Msg[] = [];
      if (m.metaWide && !m.allThree) sub.push(msg('state_meta_side'));
      if (m.up.length) sub.push(sentence(counted('state_fine', m.up.length, platformNames(m.up))));
      return {
        headline: failingPhrase(m.named, severity, m.metaWide),
        sub,
        tone: severity === 'degraded' ? 'warn' : 'bad',
      };
    }
  }
}

export interface RowWords {
  tone: Tone;
  label: Msg;
  /** The cause in a few words, when the platform fails. */
  detail: Msg | null;
}

/** A platform's row: a failure on the user's side reads "नहीं खुल रहा" in grey, never "काम नहीं कर रहा है" in red. */
export function rowOf(p: PlatformMeaning): RowWords {
  const detail = isFailing(p.status) ? msg(`cause_${keyPart(p.cause)}`) : null;
  if (isUserSide(p.side)) return { tone: 'you', label: msg('status_not_opening'), detail };
  return { tone: TONE[p.status], label: msg(`status_${p.status}`), detail };
}

/** The toolbar tooltip: "नज़र", the headline, its sub line, and for an outage its cause when there is one. */
export function badgeTitleOf(m: Meaning): Msg[] {
  // Without permission the badge is the way in: it says to click it.
  if (m.situation === 'no-permission') return [msg('badge_title_name'), msg('badge_title_no_permission')];
  const h = headlineOf(m);
  const causes = new Set(m.named.map((p) => m.each[p].cause));
  const [cause] = causes;
  const why = m.situation === 'outage' && causes.size === 1 && cause ? [causeLine(cause, false)] : [];
  return [msg('badge_title_name'), h.headline, ...h.sub, ...why];
}

/** A time the banner names: the clock, with the date when it is not from the last 20 hours. */
const SHOW_DATE_AFTER_MS = 20 * 60 * 60_000;
export function sinceArg(since: number, now: number): Arg {
  return now - since > SHOW_DATE_AFTER_MS
    ? msg('banner_since_dated', { date: since }, { clock: since })
    : { clock: since };
}

export interface BannerWords {
  /** One or two sentences: what is wrong since when, then why. */
  line: Msg[];
  /** The folded banner's label. */
  chip: Msg;
}

/** What the banner on `platform`'s own site says; null when that platform is not failing. */
export function bannerOf(m: Meaning, platform: PlatformId, now: number): BannerWords | null {
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
    const group = outageGroupOf(m, platform);
    what = failingPhrase(group, severityOf(group.map((g) => m.each[g].status)), group.length > 1);
    why = causeLine(p.cause, p.scope === 'meta' && group.length < 3);
    chip = msg('state_trouble', name);
  }
  const since = p.since !== null && p.since <= now ? msg('banner_since', sinceArg(p.since, now), what) : sentence(what);
  return { line: [since, why], chip: msg('banner_chip', chip) };
}

/** What an outage episode is about, as the notifications see it (saved episodes carry no per-platform status). */
export interface EpisodeLike {
  platforms: PlatformId[];
  cause: Cause;
  scope: string;
}

export function outageNotice(e: EpisodeLike): { title: Msg; body: Msg } {
  const metaWide = e.scope === 'meta' && e.platforms.length > 1;
  return {
    // "में गड़बड़ी" holds for down and degraded alike: an episode does not keep each platform's status.
    title:
      metaWide && e.platforms.length === 3
        ? msg('state_meta_all_trouble')
        : msg('state_trouble', platformNames(e.platforms)),
    body: msg('notif_outage_body', causeLine(e.cause, metaWide && e.platforms.length < 3)),
  };
}

export function backNotice(e: EpisodeLike, lastedMs: number): { title: Msg; body: Msg } {
  return {
    title: counted('state_back', e.platforms.length, platformNames(e.platforms)),
    body: msg('notif_back_body', { span: lastedMs }),
  };
}

/** The "fixed" note on the platform's own site. */
export const recoveredNote = (platform: PlatformId): Msg =>
  sentence(counted('state_back', 1, platformNames([platform])));
