import { describe, expect, it, vi } from 'vitest';
import {
  closeStaleEpisodes,
  HISTORY_MAX,
  HISTORY_MAX_AGE_MS,
  normalizeHistory,
  upsertEpisode,
} from '../../../src/background/history';
import type { Episode } from '../../../src/shared/protocol/episode';

const DAY = 24 * 3600_000;
const ep = (id: string, start: number, end: number | null = start + 1000): Episode => ({
  id,
  platforms: ['instagram'],
  start,
  end,
  cause: 'server',
  scope: 'platform',
  worst: 'down',
  peak: { failed: 3, total: 4, byClass: { server: 3 }, hosts: ['www.instagram.com'] },
});

describe('history', () => {
  const now = 1_000 * DAY;
  it('caps at 200 episodes and 90 days, newest first', () => {
    let list: Episode[] = [];
    for (let i = 0; i < 300; i++) list = upsertEpisode(list, ep(`e${i}`, now - i * 3600_000), now);
    expect(list).toHaveLength(HISTORY_MAX);
    expect(list[0]!.id).toBe('e0');
    const old = normalizeHistory([ep('old', now - HISTORY_MAX_AGE_MS - DAY), ep('new', now - DAY)], now);
    expect(old.map((e) => e.id)).toEqual(['new']);
  });

  it('updates an episode in place by id', () => {
    let list = upsertEpisode([], ep('a', now - 10, null), now);
    list = upsertEpisode(list, ep('a', now - 10, now), now);
    expect(list).toHaveLength(1);
    expect(list[0]!.end).toBe(now);
  });

  it('drops corrupt entries and anything that is not a hostname', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(normalizeHistory('garbage', now)).toEqual([]);
    expect(normalizeHistory({ a: 1 }, now)).toEqual([]);
    const withUrl = {
      ...ep('u', now - 5),
      peak: {
        failed: 1,
        total: 1,
        byClass: { server: 1, bogus: 3 },
        hosts: ['https://www.instagram.com/p/123', 'www.instagram.com'],
      },
    };
    const list = normalizeHistory([withUrl, { id: 1 }, null, { ...ep('x', now), platforms: ['myspace'] }], now);
    expect(list).toHaveLength(1);
    expect(list[0]!.peak.hosts).toEqual(['www.instagram.com']);
    expect(list[0]!.peak.byClass).toEqual({ server: 1 });
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
  });

  it('after a browser restart an episode still marked ongoing is closed', () => {
    const list = closeStaleEpisodes([ep('stale', now - 100, null), ep('live', now - 50, null)], 'live', now);
    expect(list.find((e) => e.id === 'stale')!.end).toBe(now);
    expect(list.find((e) => e.id === 'live')!.end).toBeNull();
  });
});
