/** The pages' and the banner's line to the background: live port, reconnects, newest report only. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  connectLive,
  decodeLiveUpdate,
  newestOnly,
  type Port,
  type RuntimeLike,
} from '../../../src/shared/protocol/client';
import { decodePageReport, type PageReport } from '../../../src/shared/protocol/report';
import type { Settings } from '../../../src/shared/protocol/settings';

const report = (status: string) => ({
  verdict: { platform: 'instagram', status, cause: 'server', scope: 'platform', since: 1, updatedAt: 2 },
  evidence: { total: 1, failed: 1 },
});
const statusReport = (status: string, generatedAt = 1_000) => ({
  generatedAt,
  platforms: { instagram: report(status) },
});

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
      return Promise.resolve({ ok: true });
    },
  };
  return { rt: rt as RuntimeLike & typeof rt, ports };
}

function handlers() {
  return {
    decode: (raw: unknown) => decodePageReport(raw, 'instagram'),
    onReport: vi.fn<(r: PageReport) => void>(),
    onSettings: vi.fn<(s: Settings) => void>(),
    onGone: vi.fn(),
  };
}

describe('a live update is read with the surface’s own decoder', () => {
  it('passes this platform’s report and the settings on, drops everything else', () => {
    const decode = (raw: unknown) => decodePageReport(raw, 'instagram');
    expect(decodeLiveUpdate({ type: 'status', report: statusReport('down') }, decode)).toMatchObject({
      report: { generatedAt: 1_000, verdict: { status: 'down' } },
    });
    expect(decodeLiveUpdate({ type: 'settings', settings: { language: 'hi' } }, decode)).toMatchObject({
      settings: { language: 'hi' },
    });
    for (const bad of [
      null,
      'status',
      { type: 'status' },
      { type: 'status', report: { platforms: { whatsapp: report('down') } } },
      { type: 'status', report: { platforms: { instagram: { verdict: { status: 7 }, evidence: {} } } } },
      { type: 'settings', settings: 'en' },
      { type: 'open-details' },
    ]) {
      expect(decodeLiveUpdate(bad, decode)).toBeNull();
    }
  });
});

describe('newest report only', () => {
  it('an older report arriving after a newer one does not replace it; an equally new one does', () => {
    const shown: number[] = [];
    const keep = newestOnly<{ generatedAt: number }>((r) => shown.push(r.generatedAt));
    expect(keep({ generatedAt: 2_000 })).toBe(true);
    expect(keep({ generatedAt: 1_000 })).toBe(false);
    expect(keep(null)).toBe(false);
    expect(keep({ generatedAt: 2_000 })).toBe(true);
    expect(keep({ generatedAt: 3_000 })).toBe(true);
    expect(shown).toEqual([2_000, 2_000, 3_000]);
  });
});

describe('connectLive', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('takes what the background pushes on connect and after, and asks for nothing', async () => {
    const { rt, ports } = fakeRuntime();
    const h = handlers();
    connectLive(rt, h);
    ports[0]!.push({ type: 'status', report: statusReport('down', 1_000) });
    ports[0]!.push({ type: 'settings', settings: { language: 'en' } });
    ports[0]!.push({ type: 'status', report: statusReport('up', 2_000) });
    await vi.advanceTimersByTimeAsync(0);
    expect(rt.sent).toEqual([]);
    expect(h.onSettings.mock.calls[0]![0].language).toBe('en');
    expect(h.onReport.mock.calls.map((c) => c[0].verdict.status)).toEqual(['down', 'up']);
  });

  it('keeps the newer report when an older one arrives later on the port', () => {
    const { rt, ports } = fakeRuntime();
    const h = handlers();
    connectLive(rt, h);
    ports[0]!.push({ type: 'status', report: statusReport('down', 2_000) });
    ports[0]!.push({ type: 'status', report: statusReport('up', 1_000) });
    expect(h.onReport.mock.calls.map((c) => c[0].verdict.status)).toEqual(['down']);
  });

  it('reconnects with back-off after the background goes away', async () => {
    const { rt, ports } = fakeRuntime();
    const h = handlers();
    connectLive(rt, h);
    ports[0]!.drop();
    expect(ports.length).toBe(1);
    await vi.advanceTimersByTimeAsync(1000);
    expect(ports.length).toBe(2);
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
    connectLive(rt, h);
    rt.id = undefined;
    ports[0]!.drop();
    expect(h.onGone).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(ports.length).toBe(1);
    // Late messages after that are ignored.
    ports[0]!.push({ type: 'status', report: statusReport('down') });
    expect(h.onReport).not.toHaveBeenCalled();
  });

  it('treats a throwing connect as an invalidated context', () => {
    const { rt } = fakeRuntime();
    rt.id = undefined;
    const h = handlers();
    connectLive(rt, h);
    expect(h.onGone).toHaveBeenCalledTimes(1);
  });

  it('stop() disconnects and stops reconnecting', async () => {
    const { rt, ports } = fakeRuntime();
    const h = handlers();
    const live = connectLive(rt, h);
    live.stop();
    expect(ports[0]!.disconnected).toBe(true);
    ports[0]!.drop();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(ports.length).toBe(1);
  });
});
