/**
 * The background's brain: owns the engine, restores and persists state, queues events that arrive
 * before the restore finishes, and turns verdict changes into badge, notifications, history and
 * live updates. index.ts only registers the browser's listeners and forwards them here.
 */
import type { DetectionEngine, TraceEvent, VantageEvent } from '../core/api';
import { checkRoundEvents } from '../core/checks';
import { PLATFORMS, type PlatformId, type PlatformReport } from '../core/types';
import { validateVantage } from '../core/vantage';
import type { Episode } from '../shared/protocol/episode';
import type { LiveUpdate, NavigationPurpose, StatusReport } from '../shared/protocol/messages';
import { applySettingsPatch, DEFAULT_SETTINGS, type Settings, type SettingsPatch } from '../shared/protocol/settings';
import { STORED } from '../shared/protocol/storage';
import { badgeLook, createBadgeWriter } from './badge';
import { allChecks, selectChecks } from './checks/probes';
import { createCheckRunner } from './checks/runner';
import type { WorkerDeps } from './deps';
import { type EpisodeState, emptyEpisodeState, episodeDeadline, stepEpisodes, withSent } from './episodes';
import { capHistory, upsertEpisode } from './history';
import { createLivePorts } from './live';
import { pageUpdate } from './messages';
import { backText, notificationId, outageText, sendNotification } from './notifications';
import { restoreState } from './restore';
import { throttle } from './throttle';
import { translatorFor } from './translate';
import { createStorageChain, navigationErrors } from './wiring';

export const TICK_ALARM = 'nazar-tick';
/** Chrome clamps alarms to ≥ 30 s; shorter deadlines are met by an in-memory timer while awake. */
const ALARM_MIN_MS = 30_000;
/** Evidence-only updates (no verdict change) reach open pages at most this often. */
const LIVE_EVIDENCE_MS = 1_000;

export { WRITE_INTERVAL_MS } from './wiring';
/** Events queued before the restore finishes; beyond this the oldest are dropped (bounded memory). */
export const QUEUE_MAX = 20_000;

export function createWorker(deps: WorkerDeps) {
  let engine: DetectionEngine | null = null;
  let settings: Settings = DEFAULT_SETTINGS;
  let history: Episode[] = [];
  let episodes: EpisodeState = emptyEpisodeState();
  let hostPermissions = true;
  let lastCheckAt: number | null = null;
  const queue: TraceEvent[] = [];
  let dropped = 0;
  const live = createLivePorts();
  const writeBadge = createBadgeWriter(deps.action);
  let timer: ReturnType<typeof setTimeout> | null = null;
  let liveTimer: ReturnType<typeof setTimeout> | null = null;

  const chain = createStorageChain(deps);

  const nav = navigationErrors(deps, (p) => engine?.verdict(p) ?? { status: 'unknown', cause: 'unknown' });

  const checks = createCheckRunner({
    fetch: deps.fetch,
    now: deps.now,
    onResults(events) {
      // The engine's rule for a round (core/checks.ts): one moment, a failed probe while offline left out.
      for (const ev of checkRoundEvents(events, deps.now())) feed(ev);
      lastCheckAt = deps.now();
      // Even without a verdict change: a failed check may be what an outage notification waited for.
      afterChange(true);
    },
    // The engine's next re-check (while in doubt or an outage) is one of its deadlines.
    onIdle: () => schedule(),
  });

  const tr = () => translatorFor(settings.language);

  function buildReport(): StatusReport {
    const now = deps.now();
    const platforms = {} as Record<PlatformId, PlatformReport>;
    for (const p of PLATFORMS) platforms[p] = engine!.report(p, now);
    return {
      generatedAt: now,
      online: engine!.online(),
      platforms,
      hostPermissions,
      lastCheckAt,
      checking: checks.running,
    };
  }

  const ready = restoreState(deps).then((s) => {
    engine = s.engine;
    settings = s.settings;
    history = s.history;
    episodes = s.episodes;
    if (s.historyChanged) chain.mark(STORED.history.key, () => history);
    if (dropped) console.warn(`nazar: ${dropped} early events dropped (queue full)`);
    for (const ev of queue.splice(0)) feed(ev);
    void refreshPermissions();
    afterChange(true);
    void maybeCheck();
  });

  /** A top-level load event: a failure may go to the error page; any other cancels a pending one. */
  function onMainFrame(m: {
    url: string;
    type: string;
    tabId: number;
    frameId?: number;
    error?: string;
    requestId?: unknown;
  }) {
    if (m.error === undefined) nav.onMainFrame(m.tabId, m.requestId);
    else nav.onMainFrameError({ ...m, error: m.error });
  }

  /** Feeds one event to the engine (only after restore). Returns true when a verdict changed. */
  function feed(ev: TraceEvent): boolean {
    let changed = false;
    try {
      changed = engine!.ingest(ev).length > 0;
    } catch (e) {
      console.warn('nazar: engine rejected an event', e);
      return false;
    }
    chain.mark(STORED.engine.key, () => engine!.toJSON());
    return changed;
  }

  /** Everything that follows a change of verdicts (or of what is shown about them). */
  function afterChange(verdictsChanged: boolean): void {
    if (!engine) return;
    if (!verdictsChanged) {
      // Evidence only: the stored report and open pages catch up lazily (cheap in a storm).
      chain.mark(STORED.report.key, buildReport);
      scheduleLive();
      return;
    }
    const report = buildReport();
    // Stored as it is when written (fresher evidence, and its generatedAt is the write's time).
    chain.mark(STORED.report.key, buildReport);
    void writeBadge(badgeLook(report, tr()));
    live.push({ type: 'status', report });
    const step = stepEpisodes(episodes, report.platforms, report.generatedAt, { probeOff: !settings.checks.platform });
    if (step.state !== episodes) {
      episodes = step.state;
      chain.mark(STORED.episodes.key, () => episodes);
    }
    const notices = step.actions.filter((a) => a.kind !== 'save');
    for (const a of step.actions) if (a.kind === 'save') void act(a);
    // The "already notified" mark is stored before the notification goes out: a worker stopped in
    // between may miss one notification, but never sends the same one twice.
    if (notices.length) void chain.flush({ throttled: true }).then(() => Promise.all(notices.map(act)));
    schedule();
  }

  function scheduleLive(): void {
    if (liveTimer || live.size === 0) return;
    liveTimer = setTimeout(() => {
      liveTimer = null;
      if (engine) live.push({ type: 'status', report: buildReport() });
    }, LIVE_EVIDENCE_MS);
  }

  async function act(a: ReturnType<typeof stepEpisodes>['actions'][number]): Promise<void> {
    if (a.kind === 'save') {
      history = upsertEpisode(history, a.episode, deps.now());
      chain.mark(STORED.history.key, () => history);
      return;
    }
    if (!settings.notifications) return;
    const t = tr();
    const text =
      a.kind === 'notify-outage'
        ? outageText(a.episode, t)
        : backText(a.episode, t, (a.episode.end ?? deps.now()) - a.episode.start);
    const id = notificationId(a.kind === 'notify-outage' ? 'outage' : 'back', a.episode);
    if (await sendNotification(deps.notifications, id, text, deps.getURL('icons/icon-128.png'))) {
      episodes = withSent(episodes, id);
      chain.mark(STORED.episodes.key, () => episodes);
    }
  }

  /** Keeps the engine's clock moving: an in-memory timer while awake, an alarm to wake us up. */
  function schedule(): void {
    if (!engine) return;
    const deadlines = [engine.nextDeadline(), episodeDeadline(episodes)].filter((d): d is number => d !== null);
    if (timer) clearTimeout(timer);
    timer = null;
    if (deadlines.length === 0) {
      void Promise.resolve(deps.alarms.clear(TICK_ALARM)).catch(() => {});
      return;
    }
    const when = Math.min(...deadlines);
    const now = deps.now();
    // Never faster than 4 ticks a second, even if the engine's deadline is already past.
    timer = setTimeout(tick, Math.max(250, when - now + 5));
    void Promise.resolve(deps.alarms.create(TICK_ALARM, { when: Math.max(when, now + ALARM_MIN_MS) })).catch(() => {});
  }

  function tick(): void {
    if (!engine) return;
    try {
      engine.tick(deps.now());
    } catch (e) {
      console.warn('nazar: engine tick failed', e);
    }
    chain.mark(STORED.engine.key, () => engine!.toJSON());
    // Episodes also need the clock (their grace period), even without a verdict change.
    afterChange(true);
    void maybeCheck();
  }

  const askForChecks = throttle(() => void maybeCheck(), 1_000, deps.now);

  async function maybeCheck(): Promise<void> {
    if (!engine || !hostPermissions) return;
    await checks.run(selectChecks(engine.checksDue(deps.now()), settings.checks, checks.lastRun, deps.now()));
  }

  async function refreshPermissions(): Promise<void> {
    let granted = hostPermissions;
    try {
      granted = await deps.permissions.contains({ origins: deps.hostOrigins });
    } catch (e) {
      console.warn('nazar: permissions.contains failed', e);
    }
    if (granted !== hostPermissions) {
      hostPermissions = granted;
      afterChange(true);
    }
  }

  return {
    ready,
    chain,
    live,
    /** A webRequest/connectivity event: queued until the restore is done, then fed in order. */
    event(
      ev: TraceEvent | null,
      mainFrame?: { url: string; type: string; tabId: number; frameId?: number; error?: string; requestId?: unknown },
    ): void {
      if (!ev) return;
      // The user withdrew access to the sites (Firefox still delivers their events): record nothing.
      if (ev.event !== 'connectivity' && !hostPermissions) return;
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
      afterChange(changed);
      if (mainFrame) onMainFrame(mainFrame);
      // Ask the engine whether a check would settle a doubt; at most once a second in a storm.
      if (changed) askForChecks.now();
      else askForChecks();
    },
    async onAlarm(name: string): Promise<void> {
      if (name !== TICK_ALARM) return;
      await ready;
      tick();
    },
    async status(): Promise<StatusReport> {
      await ready;
      return buildReport();
    },
    async checkNow(): Promise<StatusReport> {
      await ready;
      // Without the host permissions the checks would fail and blame the platforms: ask first.
      await refreshPermissions();
      if (hostPermissions) await checks.run(allChecks(settings.checks));
      return buildReport();
    },
    async getHistory(): Promise<Episode[]> {
      await ready;
      return capHistory(history, deps.now());
    },
    async clearHistory(): Promise<void> {
      await ready;
      history = [];
      chain.mark(STORED.history.key, () => history);
      await chain.flush();
    },
    async getSettings(): Promise<Settings> {
      await ready;
      return settings;
    },
    async setSettings(patch: SettingsPatch): Promise<Settings> {
      await ready;
      settings = applySettingsPatch(settings, patch);
      chain.mark(STORED.settings.key, () => settings);
      await chain.flush();
      live.push({ type: 'settings', settings });
      afterChange(true);
      return settings;
    },
    async permissionsChanged(): Promise<void> {
      await ready;
      await refreshPermissions();
      void maybeCheck();
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
        // Even without a verdict change the report must carry the new evidence at once.
        afterChange(true);
      }
      return buildReport();
    },
    retryNavigation(tabId: number | undefined, token: string, purpose: NavigationPurpose): string | null {
      return tabId === undefined ? null : nav.allowRetry(tabId, token, purpose);
    },
    /** A live port; a content script's (`platform` given) gets only that platform's verdict and the language. */
    async connect(port: Parameters<typeof live.add>[0], platform?: PlatformId): Promise<void> {
      const view = platform ? (u: LiveUpdate) => pageUpdate(u, platform) : undefined;
      live.add(port, view);
      await ready;
      // The current status and settings at once: the page asks for neither.
      const updates: LiveUpdate[] = [
        { type: 'status', report: buildReport() },
        { type: 'settings', settings },
      ];
      try {
        for (const update of updates) port.postMessage(view ? view(update) : update);
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

export type Worker = ReturnType<typeof createWorker>;
