/**
 * Restoring persisted engine state. Storage can hold anything (an older version, a half-written
 * value, someone's experiment), so every field is checked; anything off means a clean start.
 */
import { shownHost } from './catalogue';
import { DEDUP_CAPACITY } from './dedup';
import { type EngineState, type PlatformState, STATE_VERSION } from './state';
import { CAUSES, PLATFORMS, SCOPES, STATUSES } from './types';
import { BUCKETS, NCLASS, SHORT_BUCKETS } from './window';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const num = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const numOrNull = (v: unknown) => v === null || num(v);
const nums = (v: unknown, len: number) => Array.isArray(v) && v.length === len && v.every(num);

function checkResult(v: unknown): boolean {
  return v === null || (isObj(v) && num(v.at) && (typeof v.ok === 'boolean' || num(v.status)));
}

function vantageOk(v: unknown): boolean {
  return (
    isObj(v) &&
    (v.kind === 'http' || v.kind === 'dns') &&
    [v.at, v.answered, v.ok, v.failed, v.server].every(num) &&
    (v.ok as number) + (v.failed as number) === v.answered
  );
}

const windowOk = (win: unknown, buckets: number) =>
  isObj(win) && nums(win.ids, buckets) && nums(win.n, buckets * NCLASS) && nums(win.w, buckets * NCLASS);

function platformOk(v: unknown): v is PlatformState {
  if (!isObj(v)) return false;
  const f = v.fail;
  const ok = v.ok;
  return (
    windowOk(v.win, BUCKETS) &&
    (v.short === undefined || windowOk(v.short, SHORT_BUCKETS)) &&
    isObj(f) &&
    [f.n, f.w, f.strong, f.checks, f.start, f.last].every(num) &&
    nums(f.cls, NCLASS) &&
    isObj(ok) &&
    [ok.n, ok.w, ok.start].every(num) &&
    typeof ok.probe === 'boolean' &&
    (STATUSES as readonly unknown[]).includes(v.status) &&
    (CAUSES as readonly unknown[]).includes(v.cause) &&
    (SCOPES as readonly unknown[]).includes(v.scope) &&
    [v.since, v.updatedAt, v.lastSuccessAt, v.lastFailureAt, v.firstFailureAt, v.recoveredAt].every(numOrNull) &&
    [v.okCheckAt, v.failedCheckAt, v.pageFailureAt].every((x) => x === undefined || numOrNull(x)) &&
    num(v.cleanSince) &&
    typeof v.inUse === 'boolean' &&
    typeof v.unstable === 'boolean' &&
    Array.isArray(v.hosts) &&
    v.hosts.length <= 8 &&
    v.hosts.every((h) => Array.isArray(h) && h.length === 3 && typeof h[0] === 'string' && num(h[1]) && num(h[2])) &&
    checkResult(v.probe) &&
    checkResult(v.dns) &&
    (v.vantage === undefined || v.vantage === null || vantageOk(v.vantage))
  );
}

export type RestoreResult = { ok: true; state: EngineState } | { ok: false; reason: string };

export function restoreState(raw: unknown): RestoreResult {
  if (raw === undefined || raw === null) return { ok: false, reason: 'no saved state' };
  if (!isObj(raw)) return { ok: false, reason: 'saved state is not an object' };
  if (raw.version !== STATE_VERSION)
    return { ok: false, reason: `saved state version ${String(raw.version)} is not ${STATE_VERSION}` };
  const g = raw.global;
  if (
    !isObj(g) ||
    !num(g.now) ||
    typeof g.offlineSignal !== 'boolean' ||
    !(g.offlineAt === undefined || num(g.offlineAt)) ||
    !checkResult(g.control) ||
    !numOrNull(g.otherOkAt) ||
    !numOrNull(g.anyOkAt) ||
    !(
      g.otherFail === null ||
      (isObj(g.otherFail) && [g.otherFail.cls, g.otherFail.n, g.otherFail.start, g.otherFail.last].every(num))
    ) ||
    !isObj(g.asked) ||
    !Object.values(g.asked).every(num)
  ) {
    return { ok: false, reason: 'saved state has a malformed global part' };
  }
  if (!isObj(raw.platforms)) return { ok: false, reason: 'saved state has no platforms' };
  for (const id of PLATFORMS) {
    if (!platformOk(raw.platforms[id])) return { ok: false, reason: `saved state for ${id} is malformed` };
  }
  const d = raw.dedup;
  if (
    !isObj(d) ||
    !Array.isArray(d.ring) ||
    d.ring.length > DEDUP_CAPACITY ||
    !d.ring.every((x) => typeof x === 'string') ||
    !num(d.next)
  ) {
    return { ok: false, reason: 'saved state has a malformed request-id list' };
  }
  // A deep copy, so the caller's object can't alias the engine's state.
  const state = JSON.parse(JSON.stringify(raw)) as EngineState;
  // A state saved by an older version may hold host names a page chose: keep known names only.
  for (const id of PLATFORMS) {
    const p = state.platforms[id];
    const kept: [string, number, number][] = [];
    for (const [host, n, at] of p.hosts) {
      const name = shownHost(host);
      const row = kept.find((r) => r[0] === name);
      if (row) {
        row[1] += n;
        row[2] = Math.max(row[2], at);
      } else if (name) kept.push([name, n, at]);
    }
    p.hosts = kept;
  }
  return { ok: true, state };
}
