/**
 * The one meaning of the three reports: which platforms fail and how, whose side the fault is on,
 * whether it is an outage, and so which words apply. Every surface (popup headline and rows,
 * explanation, banner and chip, error page, badge and its title, notifications) reads this instead
 * of deciding again; the sentences are built from it in words.ts.
 *
 * Pure and small (the content script bundles it): verdicts in, enums and platform lists out.
 */
import {
  CAUSES,
  type Cause,
  PLATFORMS,
  type PlatformId,
  SCOPES,
  type Scope,
  STATUSES,
  type Status,
  type Verdict,
} from '../core/types';

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
  since: number | null;
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
  severity: Severity | null;
  /** An outage the engine judged Meta-wide (scope `meta`) among the named platforms. */
  metaWide: boolean;
  /** All three platforms named (only then may the words say "सभी"/"all"). */
  allThree: boolean;
  up: PlatformId[];
  unseen: PlatformId[];
  failing: PlatformId[];
  each: Record<PlatformId, PlatformMeaning>;
}

/** What the meaning needs from a report: verdicts, the browser's online signal, permissions. */
export interface ReportLike {
  platforms: Partial<Record<PlatformId, { verdict: Pick<Verdict, 'status' | 'cause' | 'scope' | 'since'> }>>;
  online?: boolean | null;
  hostPermissions?: boolean;
}

const oneOf = <T extends string>(list: readonly T[], x: unknown, dflt: T): T =>
  (list as readonly unknown[]).includes(x) ? (x as T) : dflt;

function platformMeaning(platform: PlatformId, r: ReportLike): PlatformMeaning {
  const v = r.platforms[platform]?.verdict;
  // Reports can come from storage or a page's message: a value outside the vocabulary means nothing.
  const status = oneOf(STATUSES, v?.status, 'unknown');
  const cause = oneOf(CAUSES, v?.cause, 'unknown');
  const scope = oneOf(SCOPES, v?.scope, 'none');
  return {
    platform,
    status,
    cause,
    scope,
    side: isFailing(status) ? sideOf(cause, scope) : null,
    since: typeof v?.since === 'number' ? v.since : null,
  };
}

export function severityOf(statuses: Status[]): Severity {
  if (statuses.every((s) => s === 'down')) return 'down';
  if (statuses.every((s) => s === 'degraded')) return 'degraded';
  return 'mixed';
}

export function meaningOf(r: ReportLike): Meaning {
  const each = Object.fromEntries(PLATFORMS.map((p) => [p, platformMeaning(p, r)])) as Record<
    PlatformId,
    PlatformMeaning
  >;
  const all = PLATFORMS.map((p) => each[p]);
  const failing = all.filter((m) => m.side !== null);
  const ids = (ms: PlatformMeaning[]) => ms.map((m) => m.platform);
  const up = ids(all.filter((m) => m.status === 'up'));
  const unseen = ids(all.filter((m) => m.status === 'unknown'));
  const base = {
    up,
    unseen,
    failing: ids(failing),
    each,
    severity: null,
    metaWide: false,
    allThree: false,
    cause: 'none' as Cause,
  };
  const about = (situation: Situation, ms: PlatformMeaning[], cause: Cause = 'none'): Meaning => ({
    ...base,
    situation,
    named: ids(ms),
    cause,
    allThree: ms.length === PLATFORMS.length,
  });

  if (r.hostPermissions === false) return about('no-permission', []);
  const yours = failing.filter((m) => m.side === 'you');
  if (yours.length || r.online === false) {
    const offline = r.online === false || yours.some((m) => m.cause === 'offline');
    return about('you', yours, offline ? 'offline' : (yours[0]?.cause ?? 'unknown'));
  }
  const theirs = failing.filter((m) => m.side === 'theirs' || m.side === 'unclear');
  if (theirs.length) {
    return {
      ...about('outage', theirs),
      severity: severityOf(theirs.map((m) => m.status)),
      metaWide: theirs.some((m) => m.scope === 'meta'),
    };
  }
  const network = failing.filter((m) => m.side === 'network');
  if (network.length) return about('network', network, network[0]?.cause ?? 'unknown');
  if (up.length)
    return about(
      'fine',
      all.filter((m) => m.status === 'up'),
    );
  return about('nothing-seen', []);
}

/** The platforms failing on their own side in `platform`'s Meta-wide group, or only `platform`. */
export function outageGroupOf(m: Meaning, platform: PlatformId): PlatformId[] {
  const inMetaGroup = (p: PlatformId) => m.each[p].scope === 'meta' && m.each[p].side === 'theirs';
  return inMetaGroup(platform) ? PLATFORMS.filter(inMetaGroup) : [platform];
}
