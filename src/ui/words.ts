/**
 * The sentences about the state of the platforms, built from the one meaning (meaning.ts) with
 * the platforms that fail filled in: the phrases every surface shares, the popup's headline, sub
 * line and rows. The badge's title (background/badge.ts), the notifications
 * (background/notifications.ts) and the banner (content/banner-view.ts) are built from these same
 * phrases next to their surface, so each bundle carries only its own. Pure: messages as data
 * (msg.ts), translated by each surface in the language the user picked.
 */
import type { Cause, PlatformId, Status } from '../core/types';
import { keyPart } from '../shared/i18n';
import { isUserSide, type Meaning, type PlatformMeaning, type Severity } from './meaning';
import { type Arg, counted, type Msg, msg } from './msg';

/** Colour of a line: `you` is the user's own side, neutral grey, never the red of an outage. */
export type Tone = 'ok' | 'warn' | 'bad' | 'unknown' | 'you';

export const TONE: Record<Status, Tone> = { up: 'ok', degraded: 'warn', down: 'bad', unknown: 'unknown' };

export const platformNames = (ps: readonly PlatformId[]): Arg => ({ list: ps.map((p) => msg(`platform_${p}`)) });

/** A headline-style phrase as a sentence in running text (adds "।" / "."). */
export const sentence = (m: Msg) => msg('state_sentence', m);

/** A counted message about platforms: the count picks the form, the names fill it. */
export const aboutPlatforms = (key: string, ps: readonly PlatformId[]): Msg =>
  counted(key, ps.length, platformNames(ps));

/** How the named platforms fail: "WhatsApp और Instagram काम नहीं कर रहे हैं", "Meta की सभी सेवाएं ठप हैं". */
export function failingPhrase(ps: readonly PlatformId[], severity: Severity, metaWide: boolean): Msg {
  if (metaWide && ps.length === 3) return msg(severity === 'down' ? 'state_meta_all_down' : 'state_meta_all_trouble');
  return severity === 'mixed' ? msg('state_trouble', platformNames(ps)) : aboutPlatforms(`state_${severity}`, ps);
}

/** The user's own side, in a few words: "आपका इंटरनेट नहीं चल रहा", "गड़बड़ी आपकी इंटरनेट कंपनी में लगती है". */
export const userSidePhrase = (side: 'you' | 'network', cause: Cause): Msg =>
  msg(
    side === 'you'
      ? cause === 'offline'
        ? 'state_offline'
        : 'state_you'
      : cause === 'local-dns' || cause === 'tls'
        ? `state_network_${keyPart(cause)}`
        : 'state_network',
  );

export interface Headline {
  headline: Msg;
  /** Short sentences under the headline (who else is fine, whose side it is). */
  sub: Msg[];
  tone: Tone;
}

const headline = (h: Msg, tone: Tone, ...sub: Msg[]): Headline => ({ headline: h, sub, tone });

export function headlineOf(m: Meaning): Headline {
  const { situation: s, named, up, unseen } = m;
  if (s === 'no-permission') return headline(msg('state_no_permission'), 'warn');
  if (s === 'nothing-seen') return headline(msg('state_nothing_seen'), 'unknown', msg('state_nothing_seen_sub'));
  if (s === 'fine')
    return headline(
      aboutPlatforms('state_fine', named),
      'ok',
      ...(unseen.length ? [aboutPlatforms('state_unseen', unseen)] : []),
    );
  if (s !== 'outage') return headline(userSidePhrase(s, m.cause), 'you', aboutPlatforms('state_not_theirs', named));
  return headline(
    failingPhrase(named, m.severity, m.metaWide),
    m.severity === 'degraded' ? 'warn' : 'bad',
    ...(m.metaWide && named.length < 3 ? [msg('state_meta_side')] : []),
    ...(up.length ? [sentence(aboutPlatforms('state_fine', up))] : []),
  );
}

export interface PlatformRow {
  platform: PlatformId;
  status: Status;
  tone: Tone;
  label: Msg;
  /** The cause in a few words, when the platform fails. */
  detail: Msg | null;
}

/** A platform's row: a failure on the user's side reads "नहीं खुल रहा" in grey, never "काम नहीं कर रहा है" in red. */
export function rowOf({ platform, status, side, cause }: PlatformMeaning): PlatformRow {
  const mine = isUserSide(side);
  return {
    platform,
    status,
    tone: mine ? 'you' : TONE[status],
    label: msg(mine ? 'status_not_opening' : `status_${status}`),
    detail: side ? msg(`cause_${keyPart(cause)}`) : null,
  };
}
