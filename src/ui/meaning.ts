/**
 * The one meaning of the three reports: which platforms fail and how, whose side the fault is on,
 * whether it is an outage, and so which words apply. Every surface (popup headline and rows,
 * explanation, banner and chip, error page, badge and its title, notifications) reads this instead
 * of deciding again; the sentences are built from it in words.ts.
 *
 * Pure and small (the content script bundles it): verdicts in, enums and platform lists out. The
 * verdicts must be in the engine's vocabulary: a report read from storage or a message is
 * normalised first (src/ui/report.ts).
 */
import { type Cause, PLATFORMS, type PlatformId, type Scope, type Status, type Verdict } from '../core/types';

/**
 * Whose side a failure is on.
 * - `you`: the user's device or connection (offline, or the engine's scope `you`).
 * - `network`: the user's internet company or network (local DNS, TLS interception, login pages).
 * - `theirs`: the platform's or Meta's own servers.
 * - `unclear`: failing, but the cause is not known yet.
 */
export type Side = 'you' | 'network' | 'theirs' | 'unclear';

/** `you` and `network` are the user's side: never shown as the platform's fault. */
export const isUserSide = (s: Side | null): s is 'you' | 'network' => s === 'you' || s === 'network';

export const isFailing = (s: Status | undefined): s is 'down' | 'degraded' => s === 'down' || s === 'degraded';

export function sideOf(cause: Cause, scope: Scope): Side {
  if (cause === 'offline' || scope === 'you') return 'you';
  if (scope === 'network' || cause === 'local-dns') return 'network';
  if (scope === 'platform' || scope === 'meta') return 'theirs';
  return 'unclear';
}

export interface PlatformMeaning {
  platform: PlatformId;
  status: Status;
  cause: Cause;
  scope: Scope;
  /** Whose side the failure is on; null when the platform is not failing. */
  side: Side | null;
  /** When the failure began, if known. */
  since?: number | null;
}

/**
 * What the whole picture is, most urgent first:
 * - `no-permission`: nothing can be watched;
 * - `you`: the user's device or connection (the browser offline counts too);
 * - `outage`: one or more platforms fail on their side (or for a reason not yet known);
 * - `network`: the user's internet company or network keeps platforms from opening;
 * - `fine`: at least one platform seen working and none failing;
 * - `nothing-seen`: no platform seen yet (a fresh install): never "all fine".
 */
export type Situation = 'no-permission' | 'you' | 'outage' | 'network' | 'fine' | 'nothing-seen';

/** How the named platforms fail: all down, all only partly working, or some of each. */
export type Severity = 'down' | 'degraded' | 'mixed';

export interface Meaning {
  situation: Situation;
  /** The platforms the situation is about, in the fixed order: the failing ones, or for `fine` the working ones. */
  named: PlatformId[];
  /** For `you` and `network`: the cause to name ('offline', 'local-dns', 'tls', …). */
  cause: Cause;
  /** For `outage`: how the named platforms fail. */
  severity: Severity;
  /** An outage the engine judged Meta-wide (scope `meta`) among the named platforms. */
  metaWide: boolean;
  up: PlatformId[];
  unseen: PlatformId[];
  each: Record<PlatformId, PlatformMeaning>;
}

/**
 * What the meaning needs from a report: verdicts, the browser's online signal, permissions. The
 * values must be the engine's vocabulary (a report from storage or a message is normalised first).
 */
export interface ReportLike {
  platforms: Partial<Record<PlatformId, { verdict: Pick<Verdict, 'status' | 'cause' | 'scope' | 'since'> }>>;
  online?: boolean | null;
  hostPermissions?: boolean;
}

export function severityOf(statuses: Status[]): Severity {
  const all = (x: Status) => statuses.every((s) => s === x);
  return all('down') ? 'down' : all('degraded') ? 'degraded' : 'mixed';
}

export function meaningOf(r: ReportLike): Meaning {
  const all = PLATFORMS.map((platform): PlatformMeaning => {
    const { status = 'unknown', cause = 'none', scope = 'none', since } = r.platforms[platform]?.verdict ?? {};
    return { platform, status, cause, scope, side: isFailing(status) ? sideOf(cause, scope) : null, since };
  });
  const ids = (f: (m: PlatformMeaning) => boolean) => all.filter(f).map((m) => m.platform);
  const failing = (...sides: Side[]) => all.filter((m) => m.side !== null && sides.includes(m.side));
  const about = (situation: Situation, ms: PlatformMeaning[], cause: Cause = 'none'): Meaning => ({
    situation,
    named: ms.map((m) => m.platform),
    cause,
    severity: severityOf(ms.map((m) => m.status)),
    metaWide: ms.some((m) => m.scope === 'meta'),
    up: ids((m) => m.status === 'up'),
    unseen: ids((m) => m.status === 'unknown'),
    each: Object.fromEntries(all.map((m) => [m.platform, m])) as Record<PlatformId, PlatformMeaning>,
  });

  if (r.hostPermissions === false) return about('no-permission', []);
  const yours = failing('you');
  const offline = r.online === false;
  if (yours.length || offline)
    return about('you', yours, offline || yours.some((m) => m.cause === 'offline') ? 'offline' : 'unknown');
  const theirs = failing('theirs', 'unclear');
  if (theirs.length) return about('outage', theirs);
  const network = failing('network');
  if (network.length) return about('network', network, network[0]?.cause);
  const up = all.filter((m) => m.status === 'up');
  return up.length ? about('fine', up) : about('nothing-seen', []);
}

/** The platforms failing on their own side in `platform`'s Meta-wide group, or only `platform`. */
export function outageGroupOf(m: Meaning, platform: PlatformId): PlatformId[] {
  const inMetaGroup = (p: PlatformId) => m.each[p].scope === 'meta' && m.each[p].side === 'theirs';
  return inMetaGroup(platform) ? PLATFORMS.filter(inMetaGroup) : [platform];
}
