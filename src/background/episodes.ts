/**
 * Outage episodes, as pure logic: which platforms are having an outage, when it began and ended,
 * and which notifications are owed. One "outage" and one "back" notification per episode, not per
 * flap: an episode closes (and "back" is sent) only after every platform in it has stayed fine for
 * GRACE_MS; a relapse inside the grace period continues the same episode silently. The state is plain JSON so that it
 * can live in storage.session and survive a worker restart without notifying twice.
 */
import { CAUSES, type PlatformId, type PlatformReport, SCOPES } from '../core/types';
import { decodeEpisode, type Episode } from '../shared/protocol/episode';
import { TIMINGS } from '../shared/timings';

export const GRACE_MS = TIMINGS.backGraceMs;

export interface OpenEpisode extends Episode {
  notifiedOutage: boolean;
  notifiedBack: boolean;
  /** When every platform of the episode was last seen fine again (null while still bad). */
  recoveredAt: number | null;
}

export interface EpisodeState {
  version: 1;
  current: OpenEpisode | null;
  /** Last id handed out, so ids stay unique across restarts. */
  seq: number;
  /** Ids of the notifications sent lately (newest last, at most SENT_MAX): proof of "not twice". */
  sent: string[];
}

export const SENT_MAX = 20;

export type EpisodeAction =
  | { kind: 'notify-outage'; episode: Episode }
  | { kind: 'notify-back'; episode: Episode }
  | { kind: 'save'; episode: Episode };

export const emptyEpisodeState = (): EpisodeState => ({ version: 1, current: null, seq: 0, sent: [] });

/** A platform counts as in an outage when it fails and the reason is not the user's own connection. */
export function isOutage(r: PlatformReport): boolean {
  const v = r.verdict;
  return (v.status === 'down' || v.status === 'degraded') && v.cause !== 'offline' && v.scope !== 'you';
}

const SCOPE_RANK: Record<string, number> = { none: 0, you: 1, network: 2, platform: 3, meta: 4 };

export function toEpisode(e: OpenEpisode): Episode {
  return {
    id: e.id,
    platforms: [...e.platforms],
    start: e.start,
    end: e.end,
    cause: e.cause,
    scope: e.scope,
    worst: e.worst,
    peak: { ...e.peak, byClass: { ...e.peak.byClass }, hosts: [...e.peak.hosts] },
  };
}

/** How long before an episode's start a failed check still counts as its confirmation (the checks follow the first failures). */
export const CONFIRM_LEAD_MS = 30_000;

/**
 * Nazar's own checks have the last word: an outage is worth a notification only once one of them
 * (the platform probe, or the DNS-over-HTTPS lookup) failed too, since `since`. With the platform
 * probe switched off in the settings, failures seen on the platform's own open page may stand in
 * for it; a load the user typed, or any other page's traffic, never does.
 */
export function confirmedByOwnChecks(r: PlatformReport, since: number, probeOff: boolean): boolean {
  const { platform, dns } = r.evidence.checks;
  if (platform && !platform.ok && platform.at >= since) return true;
  if (dns && (dns.status !== 0 || dns.answers <= 0) && dns.at >= since) return true;
  const page = r.evidence.pageFailureAt;
  return probeOff && page != null && page >= since;
}

export interface EpisodeOptions {
  graceMs?: number;
  /** The platform probe is switched off in the settings (see confirmedByOwnChecks). */
  probeOff?: boolean;
}

export function stepEpisodes(
  state: EpisodeState,
  reports: Record<PlatformId, PlatformReport>,
  now: number,
  { graceMs = GRACE_MS, probeOff = false }: EpisodeOptions = {},
): { state: EpisodeState; actions: EpisodeAction[] } {
  const actions: EpisodeAction[] = [];
  const bad = (Object.keys(reports) as PlatformId[]).filter((p) => isOutage(reports[p]));
  let { current, seq } = state;
  if (!current && bad.length === 0) return { state, actions };

  if (!current) {
    seq++;
    const since = bad.map((p) => reports[p].verdict.since ?? now);
    current = {
      id: `${Math.min(...since)}-${seq}`,
      platforms: [],
      start: Math.min(...since),
      end: null,
      cause: 'unknown',
      scope: 'none',
      worst: 'degraded',
      peak: { failed: 0, total: 0, byClass: {}, hosts: [] },
      notifiedOutage: false,
      notifiedBack: false,
      recoveredAt: null,
    };
  } else {
    current = { ...current, platforms: [...current.platforms], peak: { ...current.peak } };
  }
  const before = JSON.stringify(current);

  if (bad.length > 0) {
    current.recoveredAt = null;
    current.end = null;
    for (const p of bad) if (!current.platforms.includes(p)) current.platforms.push(p);
    const failed = bad.reduce((n, p) => n + reports[p].evidence.failed, 0);
    if (failed > current.peak.failed) {
      const byClass: Episode['peak']['byClass'] = {};
      const hosts: string[] = [];
      let total = 0;
      for (const p of bad) {
        const ev = reports[p].evidence;
        total += ev.total;
        for (const [k, n] of Object.entries(ev.byClass)) {
          const key = k as keyof typeof byClass;
          byClass[key] = (byClass[key] ?? 0) + (n ?? 0);
        }
        for (const h of ev.hosts) if (hosts.length < 8 && !hosts.includes(h)) hosts.push(h);
      }
      current.peak = { failed, total, byClass, hosts };
    }
    // The episode's cause and scope are those of its widest-reaching platform.
    const widest = bad
      .map((p) => reports[p].verdict)
      .sort((a, b) => (SCOPE_RANK[b.scope] ?? 0) - (SCOPE_RANK[a.scope] ?? 0))[0]!;
    if (CAUSES.includes(widest.cause)) current.cause = widest.cause;
    if (SCOPES.includes(widest.scope)) current.scope = widest.scope;
    if (bad.some((p) => reports[p].verdict.status === 'down')) current.worst = 'down';
    // Only a confirmed "down" is worth interrupting someone for; "degraded" stays in the badge.
    // And only a platform's or Meta's own outage: a network that intercepts or blocks is explained in
    // the popup and banner, never announced as "WhatsApp में गड़बड़ी".
    const since = current.start - CONFIRM_LEAD_MS;
    if (
      current.worst === 'down' &&
      !current.notifiedOutage &&
      (current.scope === 'platform' || current.scope === 'meta') &&
      bad.some((p) => reports[p].verdict.status === 'down' && confirmedByOwnChecks(reports[p], since, probeOff))
    ) {
      current.notifiedOutage = true;
      actions.push({ kind: 'notify-outage', episode: toEpisode(current) });
    }
  } else if (current.recoveredAt === null) {
    // Fine again: history shows the end at once; "back" waits until it has stayed fine.
    current.recoveredAt = now;
    current.end = now;
  } else if (now - current.recoveredAt >= graceMs) {
    // Stayed fine for the whole grace period: the episode is over, and only now is it "back".
    actions.push({ kind: 'save', episode: toEpisode(current) });
    if (current.notifiedOutage && !current.notifiedBack) {
      actions.push({ kind: 'notify-back', episode: toEpisode(current) });
    }
    return { state: { ...state, current: null, seq }, actions };
  }

  if (JSON.stringify(current) !== before) actions.unshift({ kind: 'save', episode: toEpisode(current) });
  return { state: { ...state, current, seq }, actions };
}

/** Records a sent notification in the bookkeeping. */
export function withSent(state: EpisodeState, id: string): EpisodeState {
  return { ...state, sent: [...state.sent, id].slice(-SENT_MAX) };
}

/** When stepEpisodes must run again even if nothing else happens (the grace period ends), or null. */
export function episodeDeadline(state: EpisodeState, graceMs = GRACE_MS): number | null {
  return state.current?.recoveredAt != null ? state.current.recoveredAt + graceMs : null;
}

/** Storage may hold anything: keep a well-formed state, otherwise start clean (and say so). */
export function normalizeEpisodeState(raw: unknown): EpisodeState {
  if (raw === undefined || raw === null) return emptyEpisodeState();
  const r = raw as Partial<EpisodeState>;
  const c = r.current as Partial<OpenEpisode> | null | undefined;
  // The episode itself is read as every episode is (protocol/episode.ts); the rest is this state's own.
  const okCurrent =
    c === null ||
    (decodeEpisode(c) !== null &&
      typeof c?.id === 'string' &&
      typeof c.notifiedOutage === 'boolean' &&
      typeof c.notifiedBack === 'boolean');
  if (typeof raw !== 'object' || r.version !== 1 || typeof r.seq !== 'number' || !okCurrent) {
    console.warn('nazar: stored episode bookkeeping unreadable; starting clean');
    return emptyEpisodeState();
  }
  const sent = Array.isArray(r.sent) ? r.sent.filter((x): x is string => typeof x === 'string').slice(-SENT_MAX) : [];
  return { version: 1, current: (c as OpenEpisode | null) ?? null, seq: r.seq, sent };
}
