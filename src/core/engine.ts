/**
 * The detection engine: webRequest events and the extension's own checks in, verdicts out.
 * Pure and deterministic: no browser API, no clock; time comes only from events and tick(now).
 */
import type { DetectionEngine, RequestDetails, TraceEvent } from './api';
import { platformOfHost, shownHostOfUrl } from './catalogue';
import { nextCheckAt, planChecks } from './checks';
import { classifyError, classifyStatus } from './classify';
import { RecentIds } from './dedup';
import { buildEvidence } from './evidence';
import { hostOf } from './host';
import { isMetaAddress } from './meta-addresses';
import { attributeRequest } from './provenance';
import { type Candidate, CLASS_OF_CAUSE, controlPending, decide, failing, RULES, SHAREABLE } from './rules';
import { restoreState } from './serialise';
import { clearFail, clearOk, type EngineState, newEngineState, type PlatformState, STATE_VERSION } from './state';
import {
  type Cause,
  type CheckRequest,
  type ErrorClass,
  PLATFORMS,
  type PlatformId,
  type PlatformReport,
  type Verdict,
  type VerdictChange,
} from './types';
import { applyVantage, summariseVantage } from './vantage';
import {
  addToWindow,
  CLASS_INDEX,
  clearFailures,
  dominantClass,
  IGNORE,
  newWindow,
  OK,
  SHORT_BUCKET_MS,
  SHORT_BUCKETS,
} from './window';

export { STATE_VERSION };

const MAX_HOSTS = 8;
/** What almost every event returns: one shared, frozen empty list instead of a new one each time. */
const NO_CHANGES: readonly VerdictChange[] = Object.freeze([]);

/** How much one request says. Page loads, API calls and chat sockets matter; one CDN image little. */
const TYPE_WEIGHT: Record<string, [number, boolean]> = {
  main_frame: [4, true],
  sub_frame: [2, true],
  xmlhttprequest: [2, true],
  fetch: [2, true],
  websocket: [3, true],
  webtransport: [3, true],
  script: [1, false],
  stylesheet: [1, false],
  image: [0.5, false],
  imageset: [0.5, false],
  media: [0.5, false],
  font: [0.5, false],
  object: [0.5, false],
  object_subrequest: [0.5, false],
  other: [0.5, false],
  ping: [0.25, false],
  beacon: [0.25, false],
  csp_report: [0.25, false],
  speculative: [0.25, false],
};
/** TYPE_WEIGHT as a Map: one lookup per request, and no inherited keys to guard against. */
const WEIGHT_OF_TYPE: ReadonlyMap<string, [number, boolean]> = new Map(Object.entries(TYPE_WEIGHT));
const CHECK_WEIGHT = 4;
/**
 * A successful probe of the platform made while it was failing holds the verdict at `degraded`
 * this long: two of the worker's re-checks (every 30 s while failing), so a fresh one renews it
 * and a failed one ends it.
 */
export const OK_CHECK_HOLDS_MS = 60_000;
const DEFAULT_WEIGHT: [number, boolean] = [0.5, false];

export class Engine implements DetectionEngine {
  private s: EngineState;
  private ids: RecentIds;
  /** The platforms' states in PLATFORMS order: the verdict passes go by index, not by name. */
  private readonly byIndex: readonly PlatformState[];
  /** This pass's candidate verdicts, in PLATFORMS order; reused, as evaluate() runs on every failure. */
  private readonly cands: Candidate[];

  constructor(state?: EngineState) {
    this.s = state ?? newEngineState();
    this.ids = new RecentIds(this.s.dedup);
    const platforms = this.s.platforms;
    this.byIndex = PLATFORMS.map((id) => platforms[id]);
    this.cands = [];
  }

  /** Rebuilds an engine from `toJSON()` output; anything unusable gives a fresh engine and a warning. */
  static restore(raw: unknown): { engine: Engine; warning: string | null } {
    const r = restoreState(raw);
    return r.ok ? { engine: new Engine(r.state), warning: null } : { engine: new Engine(), warning: r.reason };
  }

  ingest(event: TraceEvent): readonly VerdictChange[] {
    const t = 'details' in event ? event.details.timeStamp : event.timeStamp;
    if (typeof t !== 'number' || !Number.isFinite(t)) return NO_CHANGES;
    // Events slightly out of order are counted at the latest time seen: time never runs backwards.
    const now = Math.max(this.s.global.now, t);
    this.s.global.now = now;
    switch (event.event) {
      case 'onCompleted':
        this.request(event.details, classifyStatus(event.details.statusCode), now, true);
        break;
      case 'onHeadersReceived':
        // Only a 5xx matters here (Firefox reports a failing image this way alone); a success
        // will be reported again by onCompleted.
        if (classifyStatus(event.details.statusCode) === 'server') this.request(event.details, 'server', now, true);
        break;
      case 'onErrorOccurred':
        this.request(event.details, classifyError(event.details.error), now, false);
        break;
      case 'connectivity':
        this.s.global.offlineSignal = !event.online;
        if (!event.online) this.s.global.offlineAt = t;
        break;
      case 'probe':
        this.probe(event, now);
        break;
      case 'dns':
        this.dns(event, now);
        break;
      case 'vantage':
        // A second opinion from other networks (vantage.ts): weighed in evaluate(), never a request.
        this.s.platforms[event.target].vantage = summariseVantage(event, now);
        break;
      default:
        return NO_CHANGES;
    }
    if (this.calm) {
      this.calm = false;
      return NO_CHANGES;
    }
    return this.evaluate(now);
  }

  /** Set by intake when the event cannot change any verdict (a success on a healthy platform). */
  private calm = false;

  private globalCalm(): boolean {
    const g = this.s.global;
    return !g.offlineSignal && (g.control === null || g.control.ok) && g.otherFail === null;
  }

  tick(now: number): readonly VerdictChange[] {
    if (!Number.isFinite(now) || now < this.s.global.now) return NO_CHANGES;
    this.s.global.now = now;
    return this.evaluate(now);
  }

  verdict(platform: PlatformId): Verdict {
    const p = this.s.platforms[platform];
    return { platform, status: p.status, cause: p.cause, scope: p.scope, since: p.since, updatedAt: p.updatedAt };
  }

  report(platform: PlatformId, now?: number): PlatformReport {
    const p = this.s.platforms[platform];
    return { verdict: this.verdict(platform), evidence: buildEvidence(p, this.s.global, now ?? this.s.global.now) };
  }

  checksDue(now: number): CheckRequest[] {
    return planChecks(this.s, now);
  }

  nextDeadline(): number | null {
    const now = this.s.global.now;
    let best: number | null = nextCheckAt(this.s, now);
    const consider = (t: number) => {
      if (t > now && (best === null || t < best)) best = t;
    };
    for (const id of PLATFORMS) {
      const p = this.s.platforms[id];
      // Recoveries that wait for time to pass (a clean spell) need a tick when it is over.
      if (p.ok.n === 0) continue;
      if ((p.status === 'down' || p.status === 'degraded') && p.unstable) consider(p.ok.start + RULES.flapUpSpanMs);
      else if (p.status === 'degraded') consider(p.ok.start + RULES.degradedUpSpanMs);
    }
    return best;
  }

  toJSON(): unknown {
    this.s.dedup = this.ids.toJSON();
    return JSON.parse(JSON.stringify(this.s)) as unknown;
  }

  // --- evidence intake -----------------------------------------------------------------------

  private request(d: RequestDetails, cls: ErrorClass, now: number, completed: boolean): void {
    // Whatever carries no evidence leaves every verdict as it is.
    this.calm = true;
    if (d.fromCache === true && cls === 'ok') return; // a cached copy says nothing about the network
    if (completed && d.statusCode === 0) return; // no real response (service worker, opaque)
    const rid = d.requestId;
    if (rid !== undefined && rid !== null) {
      const key = typeof rid === 'string' ? rid : String(rid);
      if (!this.ids.add(key)) return;
    }
    if (cls === 'ignore') return;
    this.calm = false;
    const who = attributeRequest(d);
    if (who.platform === null) {
      if (who.other) this.otherHost(cls, now, d.timeStamp);
      else this.calm = true;
      return;
    }
    const weight = WEIGHT_OF_TYPE.get(d.type) ?? DEFAULT_WEIGHT;
    const p = this.s.platforms[who.platform];
    this.record(p, CLASS_INDEX[cls], weight[0] * who.weightFactor, weight[1], false, d.url, now);
    // Failures seen on the platform's own open page: what may notify when the checks are off.
    if (cls !== 'ok' && who.source === 'page') p.pageFailureAt = now;
    if (cls === 'ok') {
      this.answered(now, d.timeStamp);
      // The common case by far: one more success on a healthy platform. Nothing can change.
      if (p.status === 'up' && p.fail.n === 0 && this.globalCalm()) {
        p.updatedAt = now;
        this.calm = true;
      }
    }
  }

  /**
   * Something answered over the network: the user is online, whatever the browser said last. Its
   * "online" event may have fired while the background slept (an event page or a stopped worker
   * misses it), and a saved offline flag must not outlive the offline spell. Only an answer that
   * happened after the browser said offline counts (`at`, the event's own time): a request that
   * completed just before may be reported just after.
   */
  private answered(now: number, at: number): void {
    const g = this.s.global;
    g.anyOkAt = now;
    if (g.offlineSignal && at > (g.offlineAt ?? Number.NEGATIVE_INFINITY)) g.offlineSignal = false;
  }

  /** The one "online" fact: false while the browser says offline and nothing has answered since. */
  online(): boolean {
    return !this.s.global.offlineSignal;
  }

  private otherHost(cls: ErrorClass, now: number, at: number): void {
    const g = this.s.global;
    if (cls === 'ignore') return;
    if (cls === 'ok') {
      g.otherOkAt = now;
      this.answered(now, at);
      g.otherFail = null;
      this.calm =
        this.globalCalm() &&
        PLATFORMS.every((id) => this.s.platforms[id].status !== 'down' || this.s.platforms[id].cause !== 'offline');
      return;
    }
    const c = CLASS_INDEX[cls];
    if (g.otherFail && g.otherFail.cls === c) {
      g.otherFail.n++;
      g.otherFail.last = now;
    } else g.otherFail = { cls: c, n: 1, start: now, last: now };
  }

  private record(
    p: PlatformState,
    cls: number,
    w: number,
    strong: boolean,
    check: boolean,
    host: string,
    now: number,
  ): void {
    if (cls === IGNORE) return;
    p.inUse = true;
    addToWindow(p.win, now, cls, w);
    // (A state saved before the short window existed gets one here.)
    p.short ??= newWindow(SHORT_BUCKETS);
    addToWindow(p.short, now, cls, w, SHORT_BUCKET_MS);
    if (cls === OK) {
      if (p.fail.n > 0) clearFail(p.fail);
      if (p.ok.n === 0) p.ok.start = now;
      p.ok.n++;
      p.ok.w += w;
      if (strong) p.ok.strong = (p.ok.strong ?? 0) + 1;
      if (check) p.ok.probe = true;
      p.lastSuccessAt = now;
      return;
    }
    if (p.ok.n > 0) clearOk(p.ok);
    const f = p.fail;
    if (f.n === 0) f.start = now;
    f.n++;
    f.w += w;
    f.cls[cls]! += w;
    f.last = now;
    if (strong) f.strong++;
    if (check) f.checks++;
    p.lastFailureAt = now;
    if (p.firstFailureAt === null) p.firstFailureAt = now;
    if (host) this.noteHost(p, host, now);
  }

  private noteHost(p: PlatformState, url: string, now: number): void {
    // Only known names, or else the catalogue domain: never a label a page chose.
    const h = shownHostOfUrl(url);
    if (!h) return;
    const row = p.hosts.find((r) => r[0] === h);
    if (row) {
      row[1]++;
      row[2] = now;
      return;
    }
    if (p.hosts.length >= MAX_HOSTS) {
      let oldest = 0;
      for (let i = 1; i < p.hosts.length; i++) if (p.hosts[i]![2] < p.hosts[oldest]![2]) oldest = i;
      p.hosts.splice(oldest, 1);
    }
    p.hosts.push([h, 1, now]);
  }

  private probe(e: Extract<TraceEvent, { event: 'probe' }>, now: number): void {
    const cls: ErrorClass = e.ok
      ? 'ok'
      : e.error !== undefined
        ? classifyError(e.error)
        : e.statusCode !== undefined && classifyStatus(e.statusCode) === 'server'
          ? 'server'
          : 'unknown';
    const result = {
      at: now,
      ok: e.ok,
      ...(e.statusCode !== undefined ? { statusCode: e.statusCode } : {}),
      ...(e.ok ? {} : { errorClass: cls }),
    };
    const g = this.s.global;
    g.asked[`probe:${e.target}`] = now;
    // A status code is an answer from the network, whatever it says (a portal's 200, a 503).
    if (e.ok || e.statusCode !== undefined) this.answered(now, e.timeStamp);
    if (e.target === 'control') {
      g.control = result;
      return;
    }
    const p = this.s.platforms[e.target];
    p.probe = result;
    // A success made while the platform was failing: Nazar's own check outranks the requests.
    if (e.ok) p.okCheckAt = p.lastFailureAt !== null && now - p.lastFailureAt <= RULES.recentMs ? now : null;
    else if (cls !== 'ignore') {
      p.okCheckAt = null;
      p.failedCheckAt = now;
    }
    if (e.ok) g.anyOkAt = now;
    // A failed probe with an ad blocker's or a cancelled status says nothing either way.
    if (cls !== 'ignore') this.record(p, CLASS_INDEX[cls], CHECK_WEIGHT, true, true, hostOf(e.url), now);
  }

  private dns(e: Extract<TraceEvent, { event: 'dns' }>, now: number): void {
    const platform = platformOfHost(e.name);
    if (!platform) return;
    const p = this.s.platforms[platform];
    this.s.global.asked[`dns:${platform}`] = now;
    // The independent resolver answered (even SERVFAIL): the user's connection works.
    this.answered(now, e.timeStamp);
    const addrs = e.addresses ?? [];
    const inMetaSpace = addrs.length > 0 ? addrs.some((a) => isMetaAddress(a)) : undefined;
    p.dns = { at: now, status: e.status, answers: e.answers, ...(inMetaSpace !== undefined ? { inMetaSpace } : {}) };
    // A name that resolves nowhere is evidence of its own (SERVFAIL/NXDOMAIN, as on 4 October 2021);
    // a name that resolves is no evidence that the platform works.
    if (e.status !== 0 || e.answers <= 0) this.record(p, CLASS_INDEX.dns, CHECK_WEIGHT, true, true, '', now);
  }

  // --- verdicts -----------------------------------------------------------------------------

  private evaluate(now: number): readonly VerdictChange[] {
    const g = this.s.global;
    const cands = this.cands;
    const platforms = this.byIndex;
    for (let i = 0; i < PLATFORMS.length; i++) {
      const p = platforms[i]!;
      cands[i] = decide(p, g, now);
      const back = g.anyOkAt;
      if (
        p.cause === 'offline' &&
        cands[i]!.cause !== 'offline' &&
        back !== null &&
        (p.fail.n === 0 || p.fail.start <= back)
      ) {
        // The user's connection is back: what failed until then was their connection, not the
        // platform. Its evidence starts afresh (the whole window: its 5 s buckets cannot be split);
        // failures after the connection returned start a new streak and count as usual.
        clearFail(p.fail);
        clearFailures(p.win);
        if (p.short) clearFailures(p.short);
        p.cleanSince = now;
        cands[i] = decide(p, g, now);
      }
    }
    this.metaPass(cands, now);
    for (let i = 0; i < PLATFORMS.length; i++) {
      // Nazar's own check of the platform worked after the failures began: at most `degraded`,
      // unless its own check also failed within the last few minutes (a platform that flaps, not a
      // page forging failures: the real platform's check never fails for those).
      // Capped soon after a recovery, or while held, it is a relapse: held `degraded` (see RULES.relapseMs).
      const p = platforms[i]!;
      const c = cands[i]!;
      const okAt = p.okCheckAt;
      const corroborated = p.failedCheckAt != null && now - p.failedCheckAt <= RULES.relapseMs;
      if (c.status === 'down' && okAt != null && now - okAt <= OK_CHECK_HOLDS_MS && !corroborated) {
        const relapse = p.unstable || (p.recoveredAt !== null && now - p.recoveredAt < RULES.relapseMs);
        cands[i] = { ...c, status: 'degraded', unstable: c.unstable || relapse };
      }
    }
    applyVantage(platforms, cands);
    let changes: VerdictChange[] | null = null;
    for (let i = 0; i < PLATFORMS.length; i++) {
      const id = PLATFORMS[i]!;
      const p = platforms[i]!;
      const c = cands[i]!;
      p.unstable = c.unstable;
      if (p.inUse) p.updatedAt = now;
      if (c.status === p.status && c.cause === p.cause && c.scope === p.scope) continue;
      this.transition(p, c, now);
      const change: VerdictChange = { timeStamp: now, platform: id, status: c.status, cause: c.cause, scope: c.scope };
      if (changes) changes.push(change);
      else changes = [change];
    }
    return changes ?? NO_CHANGES;
  }

  private transition(p: PlatformState, c: Candidate, now: number): void {
    const wasFailing = p.status === 'down' || p.status === 'degraded';
    const failing = c.status === 'down' || c.status === 'degraded';
    if (c.status !== p.status) p.since = now;
    if (failing && !wasFailing) {
      // Successes before the problem must not count towards recovering from it.
      clearOk(p.ok);
      if (p.firstFailureAt === null || (p.lastSuccessAt !== null && p.firstFailureAt < p.lastSuccessAt)) {
        p.firstFailureAt = p.fail.n > 0 ? p.fail.start : now;
      }
    }
    if (c.status === 'up') {
      if (wasFailing) {
        p.recoveredAt = now;
        p.cleanSince = now;
      }
      p.firstFailureAt = null;
      p.unstable = false;
      // Other networks' answer belonged to the episode that is over.
      p.vantage = null;
    }
    p.status = c.status;
    p.cause = c.cause;
    p.scope = c.scope;
  }

  private readonly recentFailClass: number[] = PLATFORMS.map(() => -1);

  /**
   * Can `cause` be Meta-wide in this pass: two platforms failing with it, or one that already is?
   * (A cheap test first: most evaluations have one platform failing, or none.)
   */
  private mayShare(cands: readonly Candidate[], cause: Cause, cls: number): boolean {
    let n = 0;
    for (let i = 0; i < PLATFORMS.length; i++) {
      const c = cands[i]!;
      const p = this.byIndex[i]!;
      if (p.scope === 'meta' && p.cause === cause) return true;
      if (((c.status === 'down' || c.status === 'degraded') && c.cause === cause) || this.recentFailClass[i] === cls)
        n++;
    }
    return n >= 2;
  }

  /**
   * Two or more platforms failing the same way at the same time point at Meta's shared
   * infrastructure (4 October 2021). A platform whose independent DNS lookup or probe failed the
   * same way counts too, and is itself confirmed down by the pattern.
   */
  private metaPass(cands: Candidate[], now: number): void {
    const platforms = this.byIndex;
    let anyFailing = false;
    for (let i = 0; i < PLATFORMS.length; i++) {
      const status = cands[i]!.status;
      if (status === 'down' || status === 'degraded' || platforms[i]!.fail.n > 0) anyFailing = true;
    }
    if (!anyFailing) return;
    // Each platform's recent failure class, computed once for the three causes below.
    const dom = this.recentFailClass;
    for (let i = 0; i < PLATFORMS.length; i++) {
      const f = platforms[i]!.fail;
      dom[i] = f.n > 0 && now - f.last <= RULES.recentMs ? dominantClass(f.cls) : -1;
    }
    for (const cause of SHAREABLE) {
      const cls = CLASS_OF_CAUSE[cause]!;
      if (!this.mayShare(cands, cause, cls)) continue;
      // Platform indices (PLATFORMS order).
      const members: number[] = [];
      const confirmedByPattern: number[] = [];
      for (let i = 0; i < PLATFORMS.length; i++) {
        const c = cands[i]!;
        const p = platforms[i]!;
        // The user's own connection failing says nothing about Meta: never a member, never promoted.
        if (c.cause === 'offline' || c.scope === 'you') continue;
        if ((c.status === 'down' || c.status === 'degraded') && c.cause === cause) members.push(i);
        else if (dom[i] === cls) {
          members.push(i);
          if (p.fail.checks > 0) confirmedByPattern.push(i);
        }
      }
      if (members.length < 2) {
        // Once Meta-wide, an episode stays Meta-wide while it lasts: as the platforms recover one
        // by one, the last ones still failing are not suddenly "just that platform".
        for (const i of members) {
          const c = cands[i]!;
          const p = platforms[i]!;
          if (
            c.cause === cause &&
            p.scope === 'meta' &&
            p.cause === cause &&
            (c.status === 'down' || c.status === 'degraded')
          ) {
            c.scope = 'meta';
          }
        }
        continue;
      }
      // Promotions wait for the neutral check too (see controlPending).
      const promote = !controlPending(this.s.global, now);
      const anyDown = members.some((i) => cands[i]!.status === 'down');
      const shared = promote ? this.sharedFailure(cls, now) : null;
      for (const i of members) {
        const c = cands[i]!;
        if (promote && c.status !== 'down' && (shared?.includes(i) || (anyDown && confirmedByPattern.includes(i)))) {
          cands[i] = { status: 'down', cause, scope: 'meta', unstable: c.unstable };
        } else if ((c.status === 'down' || c.status === 'degraded') && c.cause === cause) c.scope = 'meta';
      }
    }
    // Certificate failures on several sites at once, the user's other sites included: the network
    // intercepts, whatever the traffic (a few failures each are enough).
    const tls = this.sharedFailure(CLASS_INDEX.tls, now);
    for (const i of tls ?? []) {
      const c = cands[i]!;
      if (c.status !== 'down') cands[i] = failing(platforms[i]!, this.s.global, CLASS_INDEX.tls, 'down', c.unstable);
    }
  }

  /**
   * The same failure on several sites at once, none of them succeeding since the first of it: an
   * outage those sites share, plain even when each saw only a failure or two (sparse traffic).
   * For dns/unreachable/server the sites are Meta's platforms (other sites may well work: it is
   * Meta's trouble), and one failure must be a page, API call or socket, over sparseSpanMs. For tls
   * any site counts, the user's other sites included, and nothing may have succeeded anywhere for
   * quickSpanMs at least.
   * Returns the platforms taking part (indices in PLATFORMS), or null. Uses recentFailClass (set by metaPass).
   */
  private sharedFailure(cls: number, now: number): number[] | null {
    // The common case (nothing of this class failing anywhere) allocates nothing.
    if (!this.recentFailClass.includes(cls)) return null;
    const g = this.s.global;
    const members: number[] = [];
    let sites = 0;
    let n = 0;
    let strong = 0;
    let start = Number.POSITIVE_INFINITY;
    for (let i = 0; i < PLATFORMS.length; i++) {
      if (this.recentFailClass[i] !== cls) continue;
      const f = this.byIndex[i]!.fail;
      members.push(i);
      sites++;
      n += f.n;
      strong += f.strong;
      start = Math.min(start, f.start);
    }
    if (members.length === 0) return null;
    const tls = cls === CLASS_INDEX.tls;
    const o = g.otherFail;
    if (tls && o !== null && o.cls === cls) {
      sites++;
      n += o.n;
      start = Math.min(start, o.start);
    }
    if (sites < 2 || n < RULES.sharedN) return null;
    // Nothing may have succeeded since the first of them, for a second at least.
    if (tls) return (g.anyOkAt !== null && g.anyOkAt >= start) || now - start < RULES.quickSpanMs ? null : members;
    if (strong < 1 || now - start < RULES.sparseSpanMs) return null;
    for (const p of this.byIndex) {
      const last = p.lastSuccessAt;
      if (last !== null && last >= start) return null;
    }
    // Nothing may say it is the user's connection instead (a failed check, other sites failing so).
    for (const i of members) if (failing(this.byIndex[i]!, g, cls, 'down', false).scope === 'you') return null;
    return members;
  }
}
