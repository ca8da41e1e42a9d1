/**
 * The background's brain: owns the engine, restores and persists state, queues events that arrive
 * before the restore finishes, and turns verdict changes into badge, notifications, history and
 * live updates. index.ts only registers the browser's listeners and forwards them here.
 */
import type { DetectionEngine, TraceEvent, VantageEvent } from '../core/api';
import { shownHost } from '../core/catalogue';
import { type ErrorClass, PLATFORMS, type PlatformId, type PlatformReport } from '../core/types';
import { validateVantage } from '../core/vantage';
import type { Episode } from '../shared/history';
import type { LiveUpdate, NavigationPurpose, StatusReport } from '../shared/messages';
import { applySettingsPatch, DEFAULT_SETTINGS, type Settings, type SettingsPatch } from '../shared/settings';
import { STORAGE } from '../shared/storage-keys';
import { badgeLook, createBadgeWriter } from './badge';
import { createCheckRunner } from './check-runner';
import { allChecks, selectChecks } from './checks';
import type { WorkerDeps } from './deps';
import { type EpisodeState, emptyEpisodeState, episodeDeadline, stepEpisodes, withSent } from './episodes';
import { capHistory, upsertEpisode } from './history';
import { createLivePorts } from './live';
import { pageUpdate } from './messages';
import { createNavigationErrorHandler } from './navigation-errors';
import { backText, notificationId, outageText, sendNotification } from './notifications';
import { restoreState, SESSION_KEYS } from './restore';
import { throttle } from './throttle';
import { translatorFor } from './translate';
import { createWriteChain } from './write-chain';

export const TICK_ALARM = 'nazar-tick';
/** Chrome clamps alarms to ≥ 30 s; shorter deadlines are met by an in-memory timer while awake. */
const ALARM_MIN_MS = 30_000;
/** Evidence-only updates (no verdict change) reach open pages at most this often. */
const LIVE_EVIDENCE_MS = 1_000;
/** Minimum time between storage writes, from the end of one to the start of the next. */
export const WRITE_INTERVAL_MS = 2_250;
/** Events queued before the restore finishes; beyond this the oldest are dropped (bounded memory). */
export const QUEUE_MAX = 20_000;

const isControl = (e: TraceEvent) => e.event === 'probe' && e.target === 'control';
const OFFLINE_CLASSES: ReadonlySet<ErrorClass> = new Set(['offline', 'dns', 'unreachable']);

/**
 * One round of checks says the user's connection is down only when the neutral check failed the
 * way a dead connection fails (the browser's own error: offline, DNS, unreachable) and nothing else
 * in the round got an answer (no DoH reply, no HTTP status). A CORS or type error is not "offline".
 */
export function roundSaysOffline(events: readonly TraceEvent[], classify: (error: string) => ErrorClass): boolean {
  const control = events.find(isControl);
  if (control?.event !== 'probe' || control.ok || control.statusCode !== undefined) return false;
  if (control.error === undefined || !OFFLINE_CLASSES.has(classify(control.error))) return false;
  return !events.some((e) => e.event === 'dns' || (e.event === 'probe' && (e.ok || e.statusCode !== undefined)));
}

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

  const chain = createWriteChain({
    // At most one write per 2 s as storage sees it. Under load the browser reports a write tens of
    // milliseconds late or early (measured: 1,961 ms between two 2,000 ms-spaced writes in a storm),
    // so the chain keeps a quarter second of margin.
    minIntervalMs: deps.writeIntervalMs ?? WRITE_INTERVAL_MS,
    now: deps.now,
    async write(batch) {
      const session: Record<string, unknown> = {};
      const local: Record<string, unknown> = {};
      for (const [k, v] of batch) (SESSION_KEYS.includes(k) ? session : local)[k] = v;
      await Promise.all([
        Object.keys(session).length ? deps.storage.session.set(session) : null,
        Object.keys(local).length ? deps.storage.local.set(local) : null,
      ]);
    },
  });

  const nav = createNavigationErrorHandler({
    redirect: (tabId, url) => deps.tabs.update(tabId, { url }).catch((e) => console.warn('nazar: redirect failed', e)),
    // No earlier entry (the site was opened in a new tab): the browser's own page stays.
    goBack: (tabId) => deps.tabs.goBack(tabId).catch(() => undefined),
    classify: deps.core.classify,
    platformOfHost: deps.core.platformOfHost,
    verdictOf: (p) => engine?.verdict(p) ?? { status: 'unknown', cause: 'unknown' },
    errorPageUrl: deps.getURL('src/errorpage/index.html'),
    shownHost,
    ...(deps.tabs.get ? { tabState: deps.tabs.get } : {}),
    now: deps.now,
  });

  const checks = createCheckRunner({
    fetch: deps.fetch,
    now: deps.now,
    onResults(events) {
      // A platform probe that failed while the connection itself was down says nothing about the
      // platform (a VPN switch, a dead uplink): the neutral result goes in, that failure does not.
      const offline = roundSaysOffline(events, deps.core.classify);
      // One round answers at one moment: its events carry the round's time, the neutral check
      // last, so the engine sees whatever else answered (the DoH lookup) as answering with it.
      const at = deps.now();
      const round = events.map((ev) => ('timeStamp' in ev ? { ...ev, timeStamp: at } : ev));
      round.sort((a, b) => Number(isControl(a)) - Number(isControl(b)));
      for (const ev of round) {
        if (offline && ev.event === 'probe' && ev.target !== 'control' && !ev.ok) continue;
        feed(ev);
      }
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
    if (s.historyChanged) chain.mark(STORAGE.history, () => history);
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
    chain.mark(STORAGE.engine, () => engine!.toJSON());
    return changed;
  }

  /** Everything that follows a change of verdicts (or of what is shown about them). */
  function afterChange(verdictsChanged: boolean): void {
    if (!engine) return;
    if (!verdictsChanged) {
      // Evidence only: the stored report and open pages catch up lazily (cheap in a storm).
      chain.mark(STORAGE.report, buildReport);
      scheduleLive();
      return;
    }
    const report = buildReport();
    // Stored as it is when written (fresher evidence, and its generatedAt is the write's time).
    chain.mark(STORAGE.report, buildReport);
    void writeBadge(badgeLook(report, tr()));
    live.push({ type: 'status', report });
    const step = stepEpisodes(episodes, report.platforms, report.generatedAt, { probeOff: !settings.checks.platform });
    if (step.state !== episodes) {
      episodes = step.state;
      chain.mark(STORAGE.episodes, () => episodes);
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
      chain.mark(STORAGE.history, () => history);
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
      chain.mark(STORAGE.episodes, () => episodes);
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
    chain.mark(STORAGE.engine, () => engine!.toJSON());
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
      chain.mark(STORAGE.history, () => history);
      await chain.flush();
    },
    async getSettings(): Promise<Settings> {
      await ready;
      return settings;
    },
    async setSettings(patch: SettingsPatch): Promise<Settings> {
      await ready;
      settings = applySettingsPatch(settings, patch);
      chain.mark(STORAGE.settings, () => settings);
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
    /** A live port; a content script's (`platform` given) gets only that platform's verdict. */
    async connect(port: Parameters<typeof live.add>[0], platform?: PlatformId): Promise<void> {
      const view = platform ? (u: LiveUpdate) => pageUpdate(u, platform) : undefined;
      live.add(port, view);
      await ready;
      try {
        const update: LiveUpdate = { type: 'status', report: buildReport() };
        port.postMessage(view ? view(update) : update);
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
