/**
 * Carries out the effects `react` plans (state.ts), in their order: stored values through the one
 * throttled write chain, the badge, live updates to open pages, the next tick, and the checks the
 * engine finds due. Two wait: the effects after a `flush` run once it is written, and
 * notifications go out once their bookkeeping is stored. The background (background.ts) hands in
 * what it owns.
 */
import type { StatusReport } from '../shared/protocol/messages';
import { STORED } from '../shared/protocol/storage';
import { badgeLook, createBadgeWriter } from './badge';
import type { BackgroundDeps } from './deps';
import { createLivePorts } from './live';
import { backText, notificationId, outageText, sendNotification } from './notifications';
import type { BackgroundState, Effect } from './state';
import { throttle } from './throttle';
import { translatorFor } from './translate';
import { createStorageChain } from './wiring';

export const TICK_ALARM = 'nazar-tick';
/** Chrome clamps alarms to ≥ 30 s; shorter deadlines are met by an in-memory timer while awake. */
const ALARM_MIN_MS = 30_000;
/** Evidence-only updates (no verdict change) reach open pages at most this often. */
const LIVE_EVIDENCE_MS = 1_000;
/** Asking the engine for due checks, in a storm of evidence: at most this often. */
const CHECK_ASK_MS = 1_000;

type Notice = Extract<Effect, { kind: 'notify' }>;

export interface EffectContext {
  deps: BackgroundDeps;
  /** The current state, read when an effect runs and when a stored value is produced. */
  state(): BackgroundState;
  /** The engine's serialised state. */
  engineJson(): unknown;
  /** The report of this moment. */
  report(): StatusReport;
  /** A notification was shown. */
  notified(id: string): void;
  /** The wake-up time has come. */
  tick(): void;
  /** Runs the checks the engine finds due. */
  checkDue(): Promise<void>;
}

export function createEffects(ctx: EffectContext) {
  const { deps } = ctx;
  const chain = createStorageChain(deps);
  const live = createLivePorts();
  const writeBadge = createBadgeWriter(deps.action);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let liveTimer: ReturnType<typeof setTimeout> | null = null;
  const askForChecks = throttle(() => void ctx.checkDue(), CHECK_ASK_MS, deps.now);

  /** What each stored key holds, produced when the chain writes it (a storm costs one snapshot a write). */
  const produce: Record<Extract<Effect, { kind: 'store' }>['key'], () => unknown> = {
    engine: ctx.engineJson,
    report: ctx.report,
    episodes: () => ctx.state().episodes,
    history: () => ctx.state().history,
    settings: () => ctx.state().settings,
  };

  const translator = () => translatorFor(ctx.state().settings.language);

  function perform(e: Exclude<Effect, { kind: 'flush' | 'notify' }>): void {
    switch (e.kind) {
      case 'store':
        chain.mark(STORED[e.key].key, produce[e.key]);
        break;
      case 'badge':
        void writeBadge(badgeLook(e.report, translator()));
        break;
      case 'push':
        live.push(e.update);
        break;
      case 'push-soon':
        if (liveTimer || live.size === 0) break;
        liveTimer = setTimeout(() => {
          liveTimer = null;
          live.push({ type: 'status', report: ctx.report() });
        }, LIVE_EVIDENCE_MS);
        break;
      case 'wake-at':
        wakeAt(e.when);
        break;
      case 'check-due':
        if (e.pace === 'held') askForChecks();
        else if (e.pace === 'now-and-hold') askForChecks.now();
        else void ctx.checkDue();
    }
  }

  /** Keeps the engine's clock moving: an in-memory timer while awake, an alarm to wake us up. */
  function wakeAt(when: number | null): void {
    clearTimeout(timer);
    if (when === null) {
      void Promise.resolve(deps.alarms.clear(TICK_ALARM)).catch(() => {});
      return;
    }
    const now = deps.now();
    // Never faster than 4 ticks a second, even if the engine's deadline is already past.
    timer = setTimeout(ctx.tick, Math.max(250, when - now + 5));
    void Promise.resolve(deps.alarms.create(TICK_ALARM, { when: Math.max(when, now + ALARM_MIN_MS) })).catch(() => {});
  }

  async function notify({ notice, episode, lastedMs }: Notice): Promise<void> {
    // Read now, not when the notice was planned: the user may have switched them off meanwhile.
    if (!ctx.state().settings.notifications) return;
    const t = translator();
    const text = notice === 'outage' ? outageText(episode, t) : backText(episode, t, lastedMs);
    const id = notificationId(notice, episode);
    if (await sendNotification(deps.notifications, id, text, deps.getURL('icons/icon-128.png'))) ctx.notified(id);
  }

  /** The "already notified" marks are stored before the notifications go out. */
  function notifyOnceStored(notices: Notice[]): void {
    if (notices.length === 0) return;
    void chain
      .flush({ throttled: true })
      .then(() => Promise.all(notices.map(notify)))
      .catch((e) => console.warn('nazar: notification failed', e));
  }

  /**
   * Synchronous up to a `flush` (a storm's events cost no promise each); the effects after it run
   * once it is written, and the promise returned resolves then.
   */
  function carryOut(effects: readonly Effect[]): Promise<void> | undefined {
    const notices: Notice[] = [];
    for (let i = 0; i < effects.length; i++) {
      const e = effects[i] as Effect;
      if (e.kind === 'flush') {
        notifyOnceStored(notices);
        return chain.flush().then(() => carryOut(effects.slice(i + 1)));
      }
      if (e.kind === 'notify') notices.push(e);
      else perform(e);
    }
    notifyOnceStored(notices);
    return undefined;
  }

  return { chain, live, carryOut };
}
