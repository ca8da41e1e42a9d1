import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { handleLiveMessage, type Port, type RuntimeLike, startLive } from '../../../src/content/live';
import type { PlatformReport } from '../../../src/core/types';

const report = (status: string) => ({
  verdict: { platform: 'instagram', status, cause: 'server', scope: 'platform', since: 1, updatedAt: 2 },
  evidence: { total: 1, failed: 1 },
});
const statusReport = (status: string) => ({ platforms: { instagram: report(status) } });

function fakeRuntime() {
  const ports: Array<{ port: Port; push(m: unknown): void; drop(): void; disconnected: boolean }> = [];
  const rt = {
    id: 'ext' as string | undefined,
    sent: [] as unknown[],
    connect(info: { name: string }) {
      expect(info.name).toBe('nazar-live');
      if (rt.id === undefined) throw new Error('Extension context invalidated.');
      const msgFns: Array<(m: unknown) => void> = [];
      const discFns: Array<() => void> = [];
      const entry = {
        disconnected: false,
        port: {
          onMessage: { addListener: (f: (m: unknown) => void) => msgFns.push(f) },
          onDisconnect: { addListener: (f: () => void) => discFns.push(f) },
          disconnect: () => {
            entry.disconnected = true;
          },
        },
        push: (m: unknown) => {
          for (const f of msgFns) f(m);
        },
        drop: () => {
          for (const f of discFns) f();
        },
      };
      ports.push(entry);
      return entry.port;
    },
    sendMessage(m: unknown) {
      rt.sent.push(m);
      const t = (m as { type: string }).type;
      return Promise.resolve(t === 'get-status' ? statusReport('down') : { language: 'en' });
    },
  };
  return { rt: rt as RuntimeLike & typeof rt, ports };
}

function handlers() {
  return { onReport: vi.fn<(r: PlatformReport) => void>(), onLanguage: vi.fn(), onGone: vi.fn() };
}

describe('handleLiveMessage', () => {
  it('passes this platform’s report and the language on, drops everything else', () => {
    const h = handlers();
    handleLiveMessage({ type: 'status', report: statusReport('down') }, 'instagram', h);
    handleLiveMessage({ type: 'settings', settings: { language: 'hi' } }, 'instagram', h);
    for (const bad of [
      null,
      'status',
      { type: 'status' },
      { type: 'status', report: { platforms: { whatsapp: report('down') } } },
      { type: 'status', report: { platforms: { instagram: { verdict: { status: 7 }, evidence: {} } } } },
      { type: 'settings', settings: { language: 'fr' } },
      { type: 'open-details' },
    ]) {
      handleLiveMessage(bad, 'instagram', h);
    }
    expect(h.onReport).toHaveBeenCalledTimes(1);
    expect(h.onReport.mock.calls[0]![0].verdict.status).toBe('down');
    expect(h.onLanguage).toHaveBeenCalledTimes(1);
    expect(h.onLanguage).toHaveBeenCalledWith('hi');
  });
});

describe('startLive', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('asks for status and settings at start and takes pushed updates', async () => {
    const { rt, ports } = fakeRuntime();
    const h = handlers();
    startLive(rt, 'instagram', h);
    await vi.advanceTimersByTimeAsync(0);
    expect(rt.sent).toEqual([{ type: 'get-settings' }, { type: 'get-status' }]);
    expect(h.onLanguage).toHaveBeenCalledWith('en');
    ports[0]!.push({ type: 'status', report: statusReport('up') });
    expect(h.onReport.mock.calls.map((c) => c[0].verdict.status)).toEqual(['down', 'up']);
  });

  it('reconnects with back-off after the worker goes away, and asks again', async () => {
    const { rt, ports } = fakeRuntime();
    const h = handlers();
    startLive(rt, 'instagram', h);
    ports[0]!.drop();
    expect(ports.length).toBe(1);
    await vi.advanceTimersByTimeAsync(1000);
    expect(ports.length).toBe(2);
    expect(rt.sent.filter((m) => (m as { type: string }).type === 'get-status').length).toBe(2);
    ports[1]!.drop();
    await vi.advanceTimersByTimeAsync(1000);
    expect(ports.length).toBe(2);
    await vi.advanceTimersByTimeAsync(1000);
    expect(ports.length).toBe(3);
    expect(h.onGone).not.toHaveBeenCalled();
  });

  it('cleans up quietly once the extension context is invalidated', async () => {
    const { rt, ports } = fakeRuntime();
    const h = handlers();
    startLive(rt, 'instagram', h);
    rt.id = undefined;
    ports[0]!.drop();
    expect(h.onGone).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(ports.length).toBe(1);
    // Late messages after that are ignored.
    ports[0]!.push({ type: 'status', report: statusReport('down') });
    expect(h.onReport.mock.calls.length).toBeLessThanOrEqual(1);
  });

  it('treats a throwing connect as an invalidated context', () => {
    const { rt } = fakeRuntime();
    rt.id = undefined;
    const h = handlers();
    startLive(rt, 'instagram', h);
    expect(h.onGone).toHaveBeenCalledTimes(1);
  });

  it('stop() disconnects and stops reconnecting', async () => {
    const { rt, ports } = fakeRuntime();
    const h = handlers();
    const live = startLive(rt, 'instagram', h);
    live.stop();
    expect(ports[0]!.disconnected).toBe(true);
    ports[0]!.drop();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(ports.length).toBe(1);
  });
});
