/**
 * Runs the active checks one round at a time. The engine marks a check as asked when it hands it
 * out (checksDue), so a request arriving while a round is running is kept and run right after,
 * never dropped — otherwise that platform would wait for the engine's next re-check gap.
 */
import type { TraceEvent } from '../../core/api';
import type { CheckRequest } from '../../core/types';
import { runChecks } from './probes';

export interface CheckRunnerOptions {
  fetch: typeof fetch;
  now(): number;
  /** Each round's results, as trace events, in one batch. */
  onResults(events: TraceEvent[]): void;
  /** All rounds done. */
  onIdle(): void;
}

export function createCheckRunner(o: CheckRunnerOptions) {
  const pending = new Map<string, CheckRequest>();
  /** When each kind:target was last run (selectChecks holds back quick repeats with it). */
  const lastRun = new Map<string, number>();
  /** The rounds being run, until none is pending. */
  let rounds: Promise<void> | null = null;

  async function runRounds(): Promise<void> {
    try {
      while (pending.size > 0) {
        const round = [...pending.values()];
        pending.clear();
        const now = o.now();
        for (const c of round) lastRun.set(`${c.kind}:${c.target}`, now);
        o.onResults(await runChecks({ fetch: o.fetch, now: o.now }, round));
      }
    } finally {
      rounds = null;
      // Even after a round that threw: the next tick is planned here.
      o.onIdle();
    }
  }

  return {
    lastRun,
    get running() {
      return rounds !== null;
    },
    /** Resolves once these checks have run: a round already running picks them up before it ends. */
    run(requests: CheckRequest[]): Promise<void> {
      for (const c of requests) pending.set(`${c.kind}:${c.target}`, c);
      if (!rounds && pending.size > 0) rounds = runRounds();
      return rounds ?? Promise.resolve();
    },
  };
}
