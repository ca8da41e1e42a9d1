/**
 * The background (Chrome: service worker; Firefox: event page). It owns the engine and the one
 * `BackgroundState`, restores both from storage, queues the events that arrive before the restore
 * ends, and turns what happens into changes: `react` (state.ts) plans what follows, effects.ts
 * carries it out. index.ts registers the browser's listeners and forwards them here.
 */
import type { DetectionEngine, TraceEvent, VantageEvent } from '../core/api';
import { checkRoundEvents } from '../core/checks';
import { PLATFORMS, type PlatformId, type PlatformReport } from '../core/types';
import { validateVantage } from '../core/vantage';
import type { Episode } from '../shared/protocol/episode';
import type { LiveUpdate, NavigationPurpose, StatusReport } from '../shared/protocol/messages';
import type { Settings, SettingsPatch } from '../shared/protocol/settings';
import { allChecks, selectChecks } from './checks/probes';
import { createCheckRunner } from './checks/runner';
import type { BackgroundDeps } from './deps';
import { createEffects, TICK_ALARM } from './effects';
import { capHistory } from './history';
import { pageUpdate } from './messages';
import { restoreState } from './restore';
import { type BackgroundState, type Change, type EngineView, initialState, react, statusReport } from './state';
import type { MainFrameLoad } from './trace-events';
import { navigationErrors } from './wiring';

export { TICK_ALARM } from './effects';
/** Events queued before the restore finishes; beyond this the oldest are dropped (bounded memory). */
export const QUEUE_MAX = 20_000;

export function createBackground(deps: BackgroundDeps) {
  let engine: DetectionEngine | null = null;
  let state: BackgroundState = initialState();
  const queue: TraceEvent[] = [];
  let dropped = 0;
  const checks = createCheckRunner({
    fetch: deps.fetch,
    now: deps.now,
    onResults(events) {
      // The engine's rule for a round (core/checks.ts): one moment, a failed probe while offline left out.
      for (const ev of checkRoundEvents(events, deps.now())) feed(ev);
      apply({ kind: 'checked', view: view() });
    },
    onIdle: () => apply({ kind: 'checks-idle', nextDeadline: engine!.nextDeadline() }),
  });
  const effects = createEffects({
    deps,
    state: () => state,
    engineJson: () => engine!.toJSON(),
    report: () => report(),
    notified: (id) => apply({ kind: 'notified', id }),
    tick,
    checkDue,
  });
  const { chain, live } = effects;

  const nav = navigationErrors(deps, (p) => engine?.verdict(p) ?? { status: 'unknown', cause: 'unknown' });
  /** A failed top-level load may go to the error page; any other cancels a pending one. */
  const onMainFrame = (m: MainFrameLoad) =>
    m.error === undefined ? nav.onMainFrame(m.tabId, m.requestId) : nav.onMainFrameError({ ...m, error: m.error });

  function view(): EngineView {
    const now = deps.now();
    const platforms = {} as Record<PlatformId, PlatformReport>;
    for (const p of PLATFORMS) platforms[p] = engine!.report(p, now);
    return { now, online: engine!.online(), platforms, nextDeadline: engine!.nextDeadline(), checking: checks.running };
  }
  const report = () => statusReport(state, view());

  /**
   * One change in: the next state, and its effects carried out. Returns a promise only when an
   * effect waits for a write (a flush), resolved once the effects after it ran too.
   */
  function apply(change: Change): Promise<void> | undefined {
    const r = react(state, change);
    state = r.state;
    try {
      return effects.carryOut(r.effects)?.catch((e) => console.warn('nazar: an effect failed', e));
    } catch (e) {
      console.warn('nazar: an effect failed', e);
      return undefined;
    }
  }

  /** Feeds one event to the engine (only after restore). Returns true when a verdict changed. */
  function feed(ev: TraceEvent): boolean {
    try {
      return engine!.ingest(ev).length > 0;
    } catch (e) {
      console.warn('nazar: engine rejected an event', e);
      return false;
    }
  }

  function tick(): void {
    try {
      engine!.tick(deps.now());
    } catch (e) {
      console.warn('nazar: engine tick failed', e);
    }
    apply({ kind: 'tick', view: view() });
  }

  async function checkDue(): Promise<void> {
    if (!state.hostPermissions) return;
    const now = deps.now();
    await checks.run(selectChecks(engine!.checksDue(now), state.settings.checks, checks.lastRun, now));
  }

  /** Whether the user leaves Nazar its access to the watched sites; null when the browser cannot say. */
  async function permissionsNow(): Promise<boolean | null> {
    try {
      return await deps.permissions.contains({ origins: deps.hostOrigins });
    } catch (e) {
      console.warn('nazar: permissions.contains failed', e);
      return null;
    }
  }

  async function refreshPermissions(): Promise<void> {
    const granted = await permissionsNow();
    // Not known: what was known stays (another refresh may have learnt it meanwhile).
    if (granted !== null && granted !== state.hostPermissions) apply({ kind: 'permissions', granted, view: view() });
  }

  // Permissions are asked alongside the restore: known before the first checks are planned, which
  // without access to the sites would blame the platforms.
  const ready = Promise.all([restoreState(deps), permissionsNow()]).then(([restored, granted]) => {
    engine = restored.engine;
    const { settings, history, episodes } = restored;
    state = { ...state, settings, history, episodes, hostPermissions: granted ?? state.hostPermissions };
    if (dropped) console.warn(`nazar: ${dropped} early events dropped (queue full)`);
    // Queued before access was known: the sites' events count only with it (see `event`).
    const queued = queue.splice(0).filter((ev) => ev.event === 'connectivity' || state.hostPermissions);
    for (const ev of queued) feed(ev);
    apply({ kind: 'started', fedQueued: queued.length > 0, historyChanged: restored.historyChanged, view: view() });
  });

  return {
    ready,
    /**
     * A webRequest/connectivity event: queued until the restore is done, then fed in order. A
     * top-level load of a watched site (`mainFrame`) may also go to the error page.
     */
    event(ev: TraceEvent | null, mainFrame?: MainFrameLoad): void {
      if (!ev) return;
      // The user withdrew access to the sites (Firefox still delivers their events): record nothing.
      if (ev.event !== 'connectivity' && !state.hostPermissions) return;
      if (!engine) {
        if (queue.length >= QUEUE_MAX) {
          queue.shift();
          dropped++;
        }
        queue.push(ev);
        if (mainFrame) void ready.then(() => onMainFrame(mainFrame));
        return;
      }
      const changed = feed(ev);
      if (mainFrame) onMainFrame(mainFrame);
      apply(changed ? { kind: 'verdicts', view: view() } : { kind: 'evidence' });
    },
    async onAlarm(name: string): Promise<void> {
      if (name !== TICK_ALARM) return;
      await ready;
      tick();
    },
    async status(): Promise<StatusReport> {
      await ready;
      return report();
    },
    async checkNow(): Promise<StatusReport> {
      await ready;
      // Without the host permissions the checks would fail and blame the platforms: ask first.
      await refreshPermissions();
      // The user's own ask: every check the settings allow, not only those the engine finds due
      // (a command, not a reaction; its results come back as a 'checked' change).
      if (state.hostPermissions) await checks.run(allChecks(state.settings.checks));
      return report();
    },
    async getHistory(): Promise<Episode[]> {
      await ready;
      return capHistory(state.history, deps.now());
    },
    async clearHistory(): Promise<void> {
      await ready;
      await apply({ kind: 'history-cleared' });
    },
    async getSettings(): Promise<Settings> {
      await ready;
      return state.settings;
    },
    async setSettings(patch: SettingsPatch): Promise<Settings> {
      await ready;
      await apply({ kind: 'settings', patch, view: view() });
      return state.settings;
    },
    async permissionsChanged(): Promise<void> {
      await ready;
      await refreshPermissions();
      // Access given back: what the engine waited for while it had none.
      void checkDue();
    },
    async openDetails(platform?: string): Promise<void> {
      const q = platform ? `&platform=${encodeURIComponent(platform)}` : '';
      await deps.tabs.create({ url: deps.getURL(`src/popup/index.html?view=details${q}`) });
    },
    /**
     * Other networks' answer (issue 18), from one of the extension's pages. Validated again as a
     * trace line, and timed by the background's clock, not the page's.
     */
    async otherNetworks(event: VantageEvent): Promise<StatusReport> {
      await ready;
      const r = validateVantage({ ...event, timeStamp: deps.now() });
      if (r.ok && r.event.event === 'vantage') {
        feed(r.event);
        apply({ kind: 'second-opinion', view: view() });
      }
      return report();
    },
    retryNavigation(tabId: number | undefined, token: string, purpose: NavigationPurpose): string | null {
      return tabId === undefined ? null : nav.allowRetry(tabId, token, purpose);
    },
    /** A live port; a content script's (`platform` given) gets only that platform's verdict and the language. */
    async connect(port: Parameters<typeof live.add>[0], platform?: PlatformId): Promise<void> {
      const look = platform ? (u: LiveUpdate) => pageUpdate(u, platform) : undefined;
      live.add(port, look);
      await ready;
      // The current status and settings at once: the page asks for neither.
      const updates: LiveUpdate[] = [
        { type: 'status', report: report() },
        { type: 'settings', settings: state.settings },
      ];
      try {
        for (const update of updates) port.postMessage(look ? look(update) : update);
      } catch {
        // Disconnected already.
      }
    },
    /** Test hook and shutdown: write everything pending now. */
    flush: () => chain.flush(),
    get queued() {
      return queue.length;
    },
  };
}

export type Background = ReturnType<typeof createBackground>;
