/**
 * Fuzzing the engine's input (issue 7, "Fuzzing"): for a bounded time, seeded random and mutated
 * trace lines, random error strings and huge fields go through parseTraceLine + Engine in-process,
 * and a generated file goes through the real replay CLI. Expected: no crash, bounded memory, every
 * rejection named as `line N: reason`, and verdicts that stay inside the contract's vocabulary.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyError } from '../../../src/core/classify';
import { Engine } from '../../../src/core/engine';
import { parseTraceLine } from '../../../src/core/trace';
import { CAUSES, ERROR_CLASSES, PLATFORMS, SCOPES, STATUSES } from '../../../src/core/types';
import { prng, randomError, randomLine } from '../../support/fuzz-gen';
import { collectGarbage } from '../../support/stats';
import { runReplay } from '../cli/run-replay';

const BUDGET_MS = Number(process.env.NAZAR_FUZZ_MS ?? 8_000);
const SEED = Number(process.env.NAZAR_FUZZ_SEED ?? 20211004);
const T0 = Date.UTC(2021, 9, 4, 15, 30, 0);

function checkChange(c: Record<string, unknown>) {
  expect(PLATFORMS).toContain(c.platform);
  expect(STATUSES).toContain(c.status);
  expect(CAUSES).toContain(c.cause);
  expect(SCOPES).toContain(c.scope);
  expect(Number.isFinite(c.timeStamp)).toBe(true);
}

describe('fuzzing the trace input', () => {
  it(`in-process: parseTraceLine + Engine for ${BUDGET_MS} ms (seed ${SEED})`, { timeout: BUDGET_MS + 60_000 }, () => {
    const r = prng(SEED);
    let engine = new Engine();
    let lines = 0;
    let accepted = 0;
    const reasons = new Map<string, number>();
    const crashes = new Map<string, string>();
    let seenHuge = 0;
    const deadline = Date.now() + BUDGET_MS;
    collectGarbage();
    const heap0 = process.memoryUsage().heapUsed;
    let heapPeak = heap0;
    let t = T0;
    while (Date.now() < deadline) {
      for (let i = 0; i < 200; i++) {
        // Time mostly moves forward, sometimes jumps back or far ahead.
        t += r() < 0.02 ? -Math.floor(r() * 600_000) : r() < 0.01 ? 86_400_000 : Math.floor(r() * 800);
        const line = randomLine(r, t);
        lines++;
        if (line.length > 100_000) seenHuge++;
        const res = parseTraceLine(line);
        if (!res.ok) {
          expect(typeof res.reason).toBe('string');
          expect(res.reason.length).toBeGreaterThan(0);
          expect(res.reason.length).toBeLessThan(200);
          const kind = res.reason.replace(/".*"/, '"…"');
          reasons.set(kind, (reasons.get(kind) ?? 0) + 1);
          continue;
        }
        accepted++;
        try {
          for (const c of engine.ingest(res.event)) checkChange(c as unknown as Record<string, unknown>);
          if (r() < 0.01) for (const c of engine.tick(t + Math.floor(r() * 120_000))) checkChange(c as never);
        } catch (e) {
          // Keep fuzzing: collect each distinct crash with the line that caused it.
          const key = String(e).slice(0, 120);
          if (!crashes.has(key)) crashes.set(key, line.slice(0, 300));
          engine = new Engine();
        }
        if (r() < 0.005) {
          for (const p of PLATFORMS) {
            const rep = engine.report(p);
            expect(rep.evidence.hosts.length).toBeLessThanOrEqual(8);
            for (const h of rep.evidence.hosts) expect(h).not.toMatch(/[/?#]/);
          }
          engine.checksDue(t);
          engine.nextDeadline();
        }
        if (r() < 0.002) {
          // A round trip through storage, as a worker restart does; the state must stay small.
          const json = JSON.stringify(engine.toJSON());
          expect(json.length).toBeLessThan(200_000);
          const back = Engine.restore(JSON.parse(json));
          expect(back.warning).toBeNull();
          engine = back.engine;
        }
      }
      heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
    }
    collectGarbage();
    const growthMb = (process.memoryUsage().heapUsed - heap0) / 2 ** 20;
    console.log(
      `[measure] fuzz in-process: ${lines} lines in ${BUDGET_MS} ms (${accepted} accepted), heap growth ` +
        `${growthMb.toFixed(1)} MB (peak +${((heapPeak - heap0) / 2 ** 20).toFixed(1)} MB); rejections: ` +
        [...reasons.entries()]
          .sort((a, b) => b[1] - a[1])
          .slice(0, 8)
          .map(([k, n]) => `${k} ×${n}`)
          .join('; '),
    );
    expect([...crashes.entries()]).toEqual([]);
    expect(lines).toBeGreaterThan(5_000);
    expect(accepted).toBeGreaterThan(1_000);
    expect(seenHuge).toBeGreaterThan(10);
    expect(reasons.size).toBeGreaterThan(5);
    // Huge fields are parsed and dropped line by line: memory does not grow with the input.
    expect(growthMb).toBeLessThan(64);
  });

  it('corrupted engine state from storage never crashes a restore', () => {
    const r = prng(SEED + 1);
    const engine = new Engine();
    for (let i = 0; i < 500; i++) {
      const res = parseTraceLine(randomLine(r, T0 + i * 300));
      if (res.ok) engine.ingest(res.event);
    }
    const good = JSON.stringify(engine.toJSON());
    let refused = 0;
    for (let i = 0; i < 2_000; i++) {
      let bad: unknown;
      const cut = Math.floor(r() * good.length);
      try {
        // Flip one character, or splice in junk; keep only what still parses as JSON.
        bad = JSON.parse(good.slice(0, cut) + String.fromCharCode(32 + Math.floor(r() * 90)) + good.slice(cut + 1));
      } catch {
        bad = { version: 1, global: r() < 0.5 ? null : {}, platforms: good.length };
      }
      const { engine: e, warning } = Engine.restore(bad);
      // A refused state says why, in words; an accepted one round-trips.
      if (warning !== null) {
        refused++;
        expect(warning).toMatch(/\w/);
      } else expect(Engine.restore(e.toJSON()).warning).toBeNull();
      // Whatever was restored must work: take events, answer reports with a known status.
      for (const p of PLATFORMS) expect(['up', 'degraded', 'down', 'unknown']).toContain(e.report(p).verdict.status);
      e.ingest({ event: 'connectivity', timeStamp: T0, online: true });
      e.tick(T0 + 1_000);
      e.checksDue(T0 + 1_000);
    }
    // The corruptions are not all harmless: most must be refused.
    expect(refused).toBeGreaterThan(1_000);
  });

  it('random error strings always classify into a known class', () => {
    const r = prng(SEED + 2);
    const known = new Set<unknown>(ERROR_CLASSES);
    const bad: string[] = [];
    const odd = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'net::ERR___PROTO__'];
    for (let i = 0; i < 8_000; i++) {
      const s = i < odd.length ? odd[i]! : randomError(r);
      if (!known.has(classifyError(s))) bad.push(s);
    }
    for (const x of [undefined, null, 42, {}, 'x'.repeat(1_000_000)])
      if (!known.has(classifyError(x))) bad.push(String(x));
    expect(bad).toEqual([]);
  });

  it('the replay CLI on a generated file: no crash, every rejection named `line N: reason`', {
    timeout: 120_000,
  }, () => {
    const r = prng(SEED + 3);
    const dir = mkdtempSync(join(tmpdir(), 'nazar-fuzz-'));
    try {
      const file = join(dir, 'fuzz.jsonl');
      const out: string[] = [];
      let t = T0;
      for (let i = 0; i < 8_000; i++) {
        t += Math.floor(r() * 500);
        out.push(r() < 0.02 ? '' : randomLine(r, t));
      }
      // A line far beyond any real event, to check the size guard end to end.
      out.splice(
        100,
        0,
        JSON.stringify({
          event: 'onErrorOccurred',
          details: {
            url: `https://web.whatsapp.com/${'p'.repeat(20 << 20)}`,
            type: 'xmlhttprequest',
            timeStamp: t,
            error: 'net::ERR_FAILED',
          },
        }),
      );
      writeFileSync(file, out.join('\n'));
      const expected = out
        .map((l, i) => (l.trim() === '' ? null : parseTraceLine(l).ok ? null : i + 1))
        .filter((n): n is number => n !== null);
      const t0 = Date.now();
      const run = runReplay([file]);
      const ms = Date.now() - t0;
      expect(run.error).toBeUndefined();
      expect(
        run.code,
        run.err
          .split('\n')
          .filter((l) => !l.startsWith('line '))
          .join('\n')
          .slice(0, 300),
      ).toBe(2);
      const errLines = run.err.split('\n').filter((l) => l !== '');
      for (const l of errLines) expect(l).toMatch(/^line \d+: \S.*$/);
      expect(errLines.map((l) => Number(/^line (\d+):/.exec(l)![1]))).toEqual(expected);
      const outLines = run.out.split('\n').filter((l) => l !== '');
      for (const l of outLines) checkChange(JSON.parse(l));
      console.log(
        `[measure] fuzz replay CLI: ${out.length} lines (one of 20 MB) in ${ms} ms, ${errLines.length} rejected and named, ` +
          `${outLines.length} verdict changes`,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
