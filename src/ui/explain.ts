/**
 * The explanation view model, shared by the popup and the error page. Pure: a StatusReport in,
 * message keys and substitutions out (see msg.ts); no browser, no translation here.
 */
import { PLATFORMS, type PlatformId, type Scope, type Verdict } from '../core/types';
import { keyPart } from '../shared/i18n';
import type { StatusReport } from '../shared/protocol/messages';
import { decodeReport } from '../shared/protocol/report';
import { adviceFor } from './advice';
import { type Certainty, certaintyOf, reasons } from './certainty';
import { isFailing, isUserSide, meaningOf, sideOf } from './meaning';
import { type Msg, msg } from './msg';
import { aboutPlatforms, headlineOf, type PlatformRow, platformNames, rowOf, TONE, type Tone } from './words';

export type { PlatformRow, Tone };
export type Term = 'dns' | 'server';

export interface Explanation {
  platforms: PlatformId[];
  verdict: Pick<Verdict, 'status' | 'cause' | 'scope'>;
  tone: Tone;
  userSide: boolean;
  title: Msg;
  meaning: Msg[];
  certainty: Certainty;
  certaintyText: Msg;
  reasons: Msg[];
  advice: Msg[];
  timing: Msg[];
  /** "क्या हैक हुआ?" — only for platform and Meta-wide outages. */
  hack: { question: Msg; answer: Msg[] } | null;
  /** Technical words this explanation uses; the screen explains each once. */
  terms: Term[];
}

export interface Screen {
  tone: Tone;
  headline: Msg;
  sub: Msg[];
  permissionMissing: boolean;
  rows: PlatformRow[];
  explanations: Explanation[];
  glossary: Msg[];
  lastChecked: Msg | null;
}

/** Within 10 s "अभी-अभी", else the clock (a clock avoids Hindi's oblique "1 घंटे पहले"). */
function checkedAt(at: number, now: number): Msg {
  return now - at < 10_000 ? msg('explain_checked_just_now') : msg('explain_checked_at', { clock: at });
}

function sameDay(a: number, b: number): boolean {
  return new Date(a).toDateString() === new Date(b).toDateString();
}

function timing(since: number | null, now: number): Msg[] {
  if (since === null || since > now) return [];
  const start = sameDay(since, now)
    ? msg('explain_since', { clock: since })
    : msg('explain_since_date', { date: since }, { clock: since });
  return [start, msg('explain_duration', { span: now - since })];
}

function hackAnswer(cause: Verdict['cause'], scope: Scope): Msg[] {
  const shown = ['dns', 'unreachable', 'server', 'tls'].includes(cause) ? keyPart(cause) : 'unknown';
  const out = [msg('hack_no_evidence'), msg(`hack_shows_${shown}`)];
  if (cause === 'dns' || scope === 'meta') out.push(msg('hack_2021'));
  out.push(msg('hack_limits'));
  return out;
}

/** One explanation for a group of platforms that share a verdict (e.g. all of Meta). */
export function explainGroup(report: StatusReport, platforms: PlatformId[], now: number): Explanation {
  const first = platforms[0] ?? 'whatsapp';
  const { verdict, evidence } = report.platforms[first];
  const { cause, scope, status } = verdict;
  const side = sideOf(cause, scope);
  const userSide = isUserSide(side);
  const { level } = certaintyOf(cause, scope, evidence, report.online);
  const starts = platforms
    .map((p) => report.platforms[p].evidence.firstFailureAt ?? report.platforms[p].verdict.since)
    .filter((t): t is number => t !== null);
  const since = starts.length ? Math.min(...starts) : null;
  const plats = platformNames(platforms);
  const causeName = msg(`cause_${keyPart(cause)}`);
  const terms: Term[] =
    cause === 'dns' || cause === 'local-dns'
      ? ['dns']
      : cause === 'server' || cause === 'unreachable'
        ? ['server']
        : [];
  const unknownCause = cause === 'unknown' || cause === 'none';
  return {
    platforms,
    verdict: { status, cause, scope },
    tone: userSide ? 'you' : TONE[status],
    userSide,
    // A fault on the user's side is the cause alone ("आपका इंटरनेट नहीं चल रहा"), not "WhatsApp: …".
    title: userSide ? causeName : msg('explain_title', plats, causeName),
    meaning: [
      msg(`explain_cause_${keyPart(cause)}`, plats),
      // Meta-wide words depend on how many platforms are in it (one left, or several at once).
      scope === 'meta' ? aboutPlatforms('explain_scope_meta', platforms) : msg(`explain_scope_${scope}`, plats),
    ],
    certainty: level,
    // "यही वजह" needs a cause to point at: with none known, the line says what was seen instead.
    certaintyText: msg(unknownCause && level !== 'unsure' ? 'explain_certainty_seen' : `explain_certainty_${level}`),
    reasons: reasons(first, evidence, report.online),
    advice: adviceFor(cause, scope).map((k) => msg(k)),
    timing: timing(since, now),
    hack:
      side === 'theirs' && isFailing(status)
        ? {
            question: aboutPlatforms('hack_question', platforms),
            answer: hackAnswer(cause, scope),
          }
        : null,
    terms,
  };
}

/** Groups key for platforms that can share one explanation. */
const groupKey = (v: Verdict) =>
  // Meta-wide, and the user's own network (local DNS, interception): one fact for all it touches.
  v.scope === 'meta' || v.scope === 'network' ? `${v.scope}|${v.cause}` : `${v.cause}|${v.scope}|${v.platform}`;

/**
 * The whole screen. `report` null means nothing is known yet. `focus` (details page) puts that
 * platform's explanation first unless the fault is on the user's side, which always leads.
 */
export function explainReport(report: StatusReport | null, now: number, focus?: PlatformId): Screen {
  // Nothing known yet reads exactly like a report where every platform is unknown.
  report ??= decodeReport({ platforms: {} }) as StatusReport;
  // Without host permissions nothing is being watched: old verdicts would only mislead.
  if (!report.hostPermissions)
    report = { ...(decodeReport({ platforms: {} }) as StatusReport), hostPermissions: false, lastCheckAt: null };
  const groups = new Map<string, PlatformId[]>();
  for (const p of PLATFORMS) {
    const v = report.platforms[p].verdict;
    if (!isFailing(v.status)) continue;
    // Offline is one fact about the user, not three platform problems.
    const key = sideOf(v.cause, v.scope) === 'you' ? `you|${v.cause}` : groupKey(v);
    groups.set(key, [...(groups.get(key) ?? []), p]);
  }
  const rank = (e: Explanation) =>
    (e.userSide ? 0 : 4) + (e.verdict.scope === 'network' ? 1 : 2) + (focus && e.platforms.includes(focus) ? -1 : 0);
  const explanations = [...groups.values()]
    .map((ps) => explainGroup(report, ps, now))
    .sort(
      (a, b) => rank(a) - rank(b) || (a.verdict.status === 'down' ? -1 : 1) - (b.verdict.status === 'down' ? -1 : 1),
    );
  const terms = new Set(explanations.flatMap((e) => e.terms));
  const updated = PLATFORMS.map((p) => report.platforms[p].verdict.updatedAt).filter((t): t is number => t !== null);
  const last = report.lastCheckAt ?? (updated.length ? Math.max(...updated) : null);
  const meaning = meaningOf(report);
  return {
    ...headlineOf(meaning),
    permissionMissing: !report.hostPermissions,
    rows: PLATFORMS.map((p) => rowOf(meaning.each[p])),
    explanations,
    glossary: [...terms].map((t) => msg(`explain_gloss_${t}`)),
    lastChecked: last === null ? null : checkedAt(last, now),
  };
}
