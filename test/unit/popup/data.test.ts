import { describe, expect, it, vi } from 'vitest';
import { withTimeout } from '../../../src/popup/data';
import { decodeLiveUpdate } from '../../../src/shared/protocol/client';
import { decodeReport } from '../../../src/shared/protocol/report';

const readLiveUpdate = (raw: unknown) => decodeLiveUpdate(raw, decodeReport);

import { CAUSE_COLOR, chartLayout, LABEL_W } from '../../../src/popup/history-model';
import type { Episode } from '../../../src/shared/protocol/episode';
import { decodeHistory } from '../../../src/shared/protocol/history';
import { STATES } from '../ui/fixtures';

const DAY = 86_400_000;
const now = new Date(2026, 10, 27, 12, 0).getTime();
const ep = (o: Partial<Episode>): Episode => ({
  id: 'x',
  platforms: ['whatsapp'],
  start: now - DAY,
  end: now - DAY + 3_600_000,
  cause: 'dns',
  scope: 'meta',
  worst: 'down',
  peak: { failed: 1, total: 1, byClass: {}, hosts: [] },
  ...o,
});

describe('history chart layout', () => {
  it('one bar per platform of an episode, in that platform’s row, inside the plot', () => {
    const c = chartLayout([ep({ platforms: ['facebook', 'instagram'] })], now, 320);
    expect(c.bars.map((b) => [b.platform, b.row])).toEqual([
      ['facebook', 1],
      ['instagram', 2],
    ]);
    for (const b of c.bars) {
      expect(b.x).toBeGreaterThanOrEqual(LABEL_W);
      expect(b.x + b.width).toBeLessThanOrEqual(320);
    }
    expect(c.causes).toEqual(['dns']);
  });
  it('a 12-hour episode is half a day wide; a 1-minute one stays visible', () => {
    const c = chartLayout(
      [ep({ end: now - DAY + 12 * 3_600_000 }), ep({ id: 'y', end: now - DAY + 60_000, cause: 'server' })],
      now,
      320,
    );
    const dayW = (320 - LABEL_W) / 14;
    expect(c.bars[0]!.width).toBeCloseTo(dayW / 2, 5);
    expect(c.bars[1]!.width).toBe(3);
    expect(c.causes).toEqual(['dns', 'server']);
  });
  it('episodes older than 14 days are left out; ongoing ones run to now', () => {
    const c = chartLayout(
      [ep({ start: now - 20 * DAY, end: now - 19 * DAY }), ep({ id: 'o', start: now - 3_600_000, end: null })],
      now,
    );
    expect(c.bars).toHaveLength(1);
    expect(c.bars[0]!.id).toBe('o-whatsapp');
  });
  it('every cause has a colour', () => {
    expect(Object.keys(CAUSE_COLOR).sort()).toEqual([
      'dns',
      'local-dns',
      'none',
      'offline',
      'server',
      'tls',
      'unknown',
      'unreachable',
    ]);
  });
});

describe('stored history is validated', () => {
  it('drops junk, keeps good entries newest first, fixes bad fields', () => {
    const got = decodeHistory([
      null,
      7,
      { platforms: ['myspace'], start: 5 },
      { platforms: ['whatsapp'], start: 'yesterday' },
      ep({ id: 'old', start: now - 2 * DAY }),
      { ...ep({ id: 'new' }), cause: 'aliens', scope: 42, end: 1, worst: 'total', peak: 'x' },
    ]);
    expect(got.map((e) => e.id)).toEqual(['new', 'old']);
    expect(got[0]).toMatchObject({
      cause: 'unknown',
      scope: 'none',
      end: null,
      worst: 'down',
      peak: { failed: 0, total: 0 },
    });
  });
  it.each([[undefined], [{}], ['[]'], [42]])('%j → empty', (raw) => {
    expect(decodeHistory(raw)).toEqual([]);
  });
});

describe('live updates are checked', () => {
  it('accepts a status report and settings', () => {
    const u = readLiveUpdate({ type: 'status', report: STATES.meta2021 });
    expect(u && 'report' in u && u.report?.platforms.facebook.verdict.cause).toBe('dns');
    const s = readLiveUpdate({ type: 'settings', settings: { language: 'en', notifications: 'yes' } });
    expect(s && 'settings' in s && s.settings).toMatchObject({ language: 'en', notifications: true });
  });
  it.each([
    [null],
    ['status'],
    [{ type: 'status' }],
    [{ type: 'status', report: 5 }],
    [{ type: 'evil', report: STATES.allFine }],
    [{ type: 'settings', settings: 'en' }],
  ])('ignores %j', (raw) => {
    expect(readLiveUpdate(raw)).toBeNull();
  });
});

describe('withTimeout', () => {
  it('gives the value, or undefined on rejection ("Could not establish connection") or timeout', async () => {
    expect(await withTimeout(Promise.resolve(3), 50)).toBe(3);
    expect(await withTimeout(Promise.reject(new Error('Could not establish connection')), 50)).toBeUndefined();
    vi.useFakeTimers();
    const p = withTimeout(new Promise(() => {}), 1500);
    vi.advanceTimersByTime(1500);
    expect(await p).toBeUndefined();
    vi.useRealTimers();
  });
});
