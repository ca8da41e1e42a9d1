/** The popup's state machine against a fake PopupHost: storage first, then the worker, failures caught. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { initialState, PopupController, type PopupState, STATUS_TIMEOUT_MS } from '../../../src/popup/controller';
import type { PopupHost, Stored } from '../../../src/popup/host';
import { decodeLiveUpdate, type LiveHandlers } from '../../../src/shared/protocol/client';
import type { Request, StatusReport } from '../../../src/shared/protocol/messages';
import { DEFAULT_SETTINGS } from '../../../src/shared/protocol/settings';
import { STATES } from '../ui/fixtures';

const MESSAGES = { popup_check_now: { message: 'अभी जांचें' } };

/** `pushed`: what the background pushes on the live port at connect (nothing: it is not running). */
function fakeHost(o: {
  stored?: Partial<Stored>;
  answer?: (r: Request) => Promise<unknown>;
  grant?: boolean;
  pushed?: unknown[];
}) {
  const sent: Request[] = [];
  let live: LiveHandlers<StatusReport> | null = null;
  const push = (u: unknown) => {
    const d = live && decodeLiveUpdate(u, live.decode);
    if (d && 'report' in d) live?.onReport(d.report);
    else if (d) live?.onSettings(d.settings);
  };
  let storedListener: ((c: Partial<Stored>) => void) | null = null;
  let permissionCalls = 0;
  const host: PopupHost = {
    readStored: async () => ({ report: undefined, settings: undefined, history: undefined, ...o.stored }),
    send: (r) => {
      sent.push(r);
      return o.answer
        ? o.answer(r)
        : Promise.reject(new Error('Could not establish connection. Receiving end does not exist.'));
    },
    connect: (handlers) => {
      live = handlers;
      for (const u of o.pushed ?? []) push(u);
      return () => {
        live = null;
      };
    },
    loadMessages: async () => MESSAGES,
    requestHostPermissions: () => {
      permissionCalls++;
      return Promise.resolve(o.grant ?? false);
    },
    onStored: (l) => {
      storedListener = l;
      return () => {
        storedListener = null;
      };
    },
  };
  return {
    host,
    sent,
    push,
    store: (c: Partial<Stored>) => storedListener?.(c),
    permissionCalls: () => permissionCalls,
  };
}

function run(host: PopupHost) {
  let state: PopupState = initialState();
  const ctl = new PopupController(
    host,
    () => state,
    (p) => {
      state = { ...state, ...p };
    },
  );
  return { ctl, state: () => state };
}

beforeEach(() => {
  vi.stubGlobal('document', { documentElement: { lang: '', dir: '' } });
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('popup controller', () => {
  it('renders from storage, in the chosen language, before the worker answers', async () => {
    const f = fakeHost({
      stored: { report: STATES.meta2021, settings: { language: 'hi' } },
      answer: async () => ({ ok: true }),
    });
    vi.useFakeTimers();
    const { ctl, state } = run(f.host);
    const started = ctl.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(state().report?.platforms.facebook.verdict.cause).toBe('dns');
    expect(state().tr?.lang).toBe('hi');
    expect((globalThis.document as Document).documentElement.lang).toBe('hi');
    // The worker never answers: after the timeout the popup says it shows saved data.
    await vi.advanceTimersByTimeAsync(STATUS_TIMEOUT_MS);
    await started;
    expect(state().notice).toBe('popup_worker_silent');
    ctl.stop();
  });

  it('"Could not establish connection" and corrupt storage: no crash, nothing known, Hindi', async () => {
    const f = fakeHost({ stored: { report: 'garbage', settings: 42, history: { x: 1 } } });
    vi.useFakeTimers();
    const { ctl, state } = run(f.host);
    await ctl.start();
    await vi.advanceTimersByTimeAsync(STATUS_TIMEOUT_MS);
    expect(state().report).toBeNull();
    expect(state().tr?.lang).toBe('hi'); // Hindi whatever the browser's UI language
    expect(state().notice).toBe('popup_worker_silent');
    await ctl.checkNow();
    expect(state()).toMatchObject({ checking: false, notice: 'popup_check_failed' });
    ctl.stop();
  });

  it('takes what the worker pushes on connect, live updates, and ignores forged ones', async () => {
    const later = (r: StatusReport, ms: number) => ({ ...r, generatedAt: r.generatedAt + ms });
    const f = fakeHost({ pushed: [{ type: 'status', report: STATES.allFine }], answer: async () => ({ ok: true }) });
    const { ctl, state } = run(f.host);
    await ctl.start();
    expect(state().report?.platforms.instagram.verdict.status).toBe('up');
    f.push({ type: 'status', report: later(STATES.instagram5xx, 1) });
    expect(state().report?.platforms.instagram.verdict.status).toBe('down');
    f.push({ type: 'status', report: 'down!' });
    f.push({ type: 'hack', report: STATES.offline });
    f.push(null);
    expect(state().report?.platforms.instagram.verdict.cause).toBe('server');
    f.store({ report: later(STATES.offline, 2), history: [{ id: 'h' }] });
    expect(state().report?.online).toBe(false);
    expect(state().history).toEqual([{ id: 'h' }]);
    ctl.stop();
    f.push({ type: 'status', report: later(STATES.allFine, 3) });
    expect(state().report?.online).toBe(false); // disconnected: no more updates
  });

  it('check now: busy while running, then the new answer', async () => {
    let finish: (v: unknown) => void = () => {};
    const f = fakeHost({
      answer: (r) => (r.type === 'check-now' ? new Promise((res) => (finish = res)) : Promise.resolve({ ok: true })),
      pushed: [{ type: 'status', report: STATES.allFine }],
    });
    const { ctl, state } = run(f.host);
    await ctl.start();
    const p = ctl.checkNow();
    expect(state().checking).toBe(true);
    finish({ ...STATES.instagram5xx, generatedAt: STATES.allFine.generatedAt + 1, checking: true });
    await p;
    expect(state()).toMatchObject({ checking: false, notice: 'popup_check_done' });
    expect(state().report?.platforms.instagram.verdict.status).toBe('down');
  });

  it('an older report arriving after a newer one does not replace it, by whatever route', async () => {
    const newer = { ...STATES.instagram5xx, generatedAt: STATES.allFine.generatedAt + 10_000 };
    // The stored copy is the newest; the port's push on connect was made before it.
    const f = fakeHost({ stored: { report: newer }, pushed: [{ type: 'status', report: STATES.allFine }] });
    const { ctl, state } = run(f.host);
    await ctl.start();
    expect(state().report?.platforms.instagram.verdict.status).toBe('down');
    // Firefox reports a storage change seconds late: by then the port has brought a newer report.
    const newest = { ...STATES.offline, generatedAt: newer.generatedAt + 10_000 };
    f.push({ type: 'status', report: newest });
    f.store({ report: newer });
    expect(state().report?.generatedAt).toBe(newest.generatedAt);
    expect(state().report?.online).toBe(false);
    ctl.stop();
  });

  it('settings apply at once and follow the worker’s answer; language switches', async () => {
    const f = fakeHost({
      answer: async (r) =>
        r.type === 'set-settings'
          ? { notifications: false, checks: { platform: true, control: false, dns: true }, language: 'en' }
          : STATES.allFine,
    });
    const { ctl, state } = run(f.host);
    await ctl.start();
    expect(state().tr?.lang).toBe('hi');
    const p = ctl.changeSettings({ checks: { control: false } });
    expect(state().settings.checks.control).toBe(false); // before the worker answered
    await p;
    expect(f.sent).toContainEqual({ type: 'set-settings', patch: { checks: { control: false } } });
    expect(state().settings.notifications).toBe(false);
    await vi.waitFor(() => expect(state().tr?.lang).toBe('en'));
  });

  it('a picked language shows at once, before the worker answers', async () => {
    let answer: (v: unknown) => void = () => {};
    const f = fakeHost({
      answer: (r) =>
        r.type === 'set-settings' ? new Promise((res) => (answer = res)) : Promise.resolve(STATES.allFine),
    });
    const { ctl, state } = run(f.host);
    await ctl.start();
    expect(state().tr?.lang).toBe('hi');
    const p = ctl.changeSettings({ language: 'en' });
    await vi.waitFor(() => expect(state().tr?.lang).toBe('en'));
    answer({ ...DEFAULT_SETTINGS, language: 'en' });
    await p;
    expect(state().settings.language).toBe('en');
    ctl.stop();
  });

  it('the permission request is made synchronously, then the worker is told', async () => {
    const f = fakeHost({ grant: true, answer: async () => ({ ok: true }) });
    const { ctl, state } = run(f.host);
    ctl.requestPermission();
    expect(f.permissionCalls()).toBe(1); // no await came before it
    await vi.waitFor(() => expect(f.sent).toContainEqual({ type: 'permissions-changed' }));
    expect(state().notice).toBe('perm_granted');
  });

  it('clear history empties the list only when the worker confirms', async () => {
    const ok = fakeHost({ stored: { history: [{ id: 'a' }] }, answer: async () => ({ ok: true }) });
    const a = run(ok.host);
    await a.ctl.start();
    await a.ctl.clearHistory();
    expect(a.state().history).toEqual([]);
    const down = fakeHost({ stored: { history: [{ id: 'a' }] } });
    const b = run(down.host);
    await b.ctl.start();
    await b.ctl.clearHistory();
    expect(b.state().history).toEqual([{ id: 'a' }]);
  });
});
