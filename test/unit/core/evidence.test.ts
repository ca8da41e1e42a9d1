import { describe, expect, it } from 'vitest';
import { Engine } from '../../../src/core';
import type { TraceEvent } from '../../../src/core/api';

const T0 = 1_633_361_000_000;
const ok = (t: number, i: number): TraceEvent => ({
  event: 'onCompleted',
  details: {
    url: 'https://www.instagram.com/api/v1/feed',
    type: 'xmlhttprequest',
    statusCode: 200,
    timeStamp: t,
    requestId: `ok${i}`,
  },
});
const dnsFail = (t: number, i: number): TraceEvent => ({
  event: 'onErrorOccurred',
  details: {
    url: 'https://i.instagram.com/api/v1/x',
    type: 'xmlhttprequest',
    error: 'net::ERR_NAME_NOT_RESOLVED',
    timeStamp: t,
    requestId: `f${i}`,
  },
});

describe('evidence while a problem is young', () => {
  it('counts only since the first failure, so a down verdict is not shown beside "200 of which 4 failed"', () => {
    const e = new Engine();
    for (let i = 0; i < 200; i++) e.ingest(ok(T0 + i * 300, i)); // a minute of healthy traffic
    const start = T0 + 61_000;
    for (let i = 0; i < 8; i++) e.ingest(dnsFail(start + i * 500, i));
    const r = e.report('instagram');
    expect(r.verdict.status).toBe('down');
    expect(r.evidence.failed).toBe(8);
    expect(r.evidence.total).toBeLessThan(30); // at most the successes of the failure's first 5 s bucket
    expect(r.evidence.windowMs).toBe(3_500);
    expect(r.evidence.firstFailureAt).toBe(start);
    expect(r.evidence.hosts).toEqual(['i.instagram.com']);
  });

  it('uses the full window when all is well', () => {
    const e = new Engine();
    for (let i = 0; i < 20; i++) e.ingest(ok(T0 + i * 1000, i));
    const r = e.report('instagram');
    expect(r.verdict.status).toBe('up');
    expect(r.evidence).toMatchObject({ windowMs: 120_000, total: 20, failed: 0, firstFailureAt: null });
  });
});
