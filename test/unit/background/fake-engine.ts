/**
 * A tiny stand-in for the real engine, for the worker's unit tests only: three failures of a
 * platform's host → down/dns (or server for 5xx), a success → up; the last probe and DNS lookup of
 * each platform are reported as its checks. Not the engine's logic.
 */
import type { DetectionEngine, TraceEvent } from '../../../src/core/api';
import {
  type CheckRequest,
  PLATFORMS,
  type PlatformId,
  type PlatformReport,
  type Verdict,
  type VerdictChange,
} from '../../../src/core/types';

const platformOf = (url: string): PlatformId | null => {
  const host = new URL(url).hostname;
  return PLATFORMS.find((p) => host.endsWith(`${p}.com`)) ?? null;
};

export class FakeEngine implements DetectionEngine {
  fails: Record<string, number> = {};
  verdicts: Record<string, Verdict> = {};
  ingested: TraceEvent[] = [];
  now = 0;
  due: CheckRequest[] = [];
  checks: Record<string, PlatformReport['evidence']['checks']> = {};

  static restore(raw: unknown): { engine: FakeEngine; warning: string | null } {
    const e = new FakeEngine();
    if (raw === undefined) return { engine: e, warning: null };
    const r = raw as { version?: unknown; verdicts?: unknown; fails?: unknown };
    if (typeof raw !== 'object' || raw === null || r.version !== 1 || typeof r.verdicts !== 'object') {
      return { engine: e, warning: 'unreadable state' };
    }
    e.verdicts = structuredClone(r.verdicts) as Record<string, Verdict>;
    e.fails = structuredClone(r.fails) as Record<string, number>;
    return { engine: e, warning: null };
  }

  private set(p: PlatformId, status: Verdict['status'], cause: Verdict['cause'], t: number): VerdictChange[] {
    const old = this.verdict(p);
    if (old.status === status && old.cause === cause) return [];
    const scope = status === 'up' ? 'none' : 'platform';
    this.verdicts[p] = { platform: p, status, cause, scope, since: t, updatedAt: t };
    return [{ timeStamp: t, platform: p, status, cause, scope }];
  }

  /** The browser's last connectivity signal (the real engine also clears it when anything answers). */
  browserOnline = true;

  online(): boolean {
    return this.browserOnline;
  }

  ingest(ev: TraceEvent): VerdictChange[] {
    this.ingested.push(ev);
    if (ev.event === 'connectivity') this.browserOnline = ev.online;
    if (ev.event === 'probe' && ev.target !== 'control')
      this.checks[ev.target] = { ...this.checks[ev.target], platform: { at: ev.timeStamp, ok: ev.ok } };
    if (ev.event === 'dns') {
      const p = platformOf(`https://${ev.name}/`);
      if (p) this.checks[p] = { ...this.checks[p], dns: { at: ev.timeStamp, status: ev.status, answers: ev.answers } };
    }
    if (!('details' in ev)) return [];
    this.now = ev.details.timeStamp;
    const p = platformOf(ev.details.url);
    if (!p) return [];
    if (ev.event === 'onErrorOccurred' || ev.details.statusCode! >= 500) {
      this.fails[p] = (this.fails[p] ?? 0) + 1;
      const cause = ev.event === 'onErrorOccurred' ? 'dns' : 'server';
      return this.fails[p]! >= 3 ? this.set(p, 'down', cause, this.now) : [];
    }
    this.fails[p] = 0;
    return this.set(p, 'up', 'none', this.now);
  }
  tick(now: number): VerdictChange[] {
    this.now = now;
    return [];
  }
  verdict(p: PlatformId): Verdict {
    return (
      this.verdicts[p] ?? { platform: p, status: 'unknown', cause: 'none', scope: 'none', since: null, updatedAt: null }
    );
  }
  report(p: PlatformId): PlatformReport {
    const failed = this.fails[p] ?? 0;
    return {
      verdict: this.verdict(p),
      evidence: {
        windowMs: 60_000,
        total: failed,
        failed,
        byClass: failed ? { dns: failed } : {},
        hosts: failed ? [`www.${p}.com`] : [],
        firstFailureAt: null,
        lastSuccessAt: null,
        lastFailureAt: null,
        checks: { ...this.checks[p] },
      },
    };
  }
  checksDue(): CheckRequest[] {
    return this.due;
  }
  nextDeadline(): number | null {
    return null;
  }
  toJSON(): unknown {
    return { version: 1, verdicts: this.verdicts, fails: this.fails };
  }
}
