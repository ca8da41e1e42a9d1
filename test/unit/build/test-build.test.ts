/**
 * The test build (dist-test/, `npm run build:test`) carries the short timers of
 * src/shared/timings.ts and the production build (dist/, `npm run build`) none of them. The real
 * values are pinned here, so a shortened wait cannot reach users by accident. Run after both builds
 * (as `npm test` does).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GRACE_MS } from '../../../src/background/episodes';
import { FOLD_AFTER_MS } from '../../../src/content/banner-state';
import { REAL_TIMINGS, TEST_BUILD, TEST_TIMINGS, TIMINGS } from '../../../src/shared/timings';

const ROOT = join(import.meta.dirname, '..', '..', '..');

function scripts(dir: string): string {
  const out: string[] = [];
  (function walk(d: string) {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.js')) out.push(readFileSync(p, 'utf8'));
    }
  })(dir);
  return out.join('\n');
}

/** How a minifier may write a number: 120000, 12e4, 1.2e5; 5432, 5432e0… */
function literal(n: number): RegExp {
  const forms = new Set([String(n), n.toExponential().replace('+', ''), `${n / 1000}e3`, `${n / 10000}e4`]);
  return new RegExp(`(?<![\\w.])(${[...forms].map((f) => f.replace('.', '\\.')).join('|')})(?![\\w.])`);
}

describe('timings of the builds', () => {
  it('the real values are the ones users get: a 2-minute "back" grace and a 20 s banner fold', () => {
    expect(REAL_TIMINGS).toEqual({ backGraceMs: 120_000, bannerFoldMs: 20_000 });
    // Unit tests run the source as dist/ is built: no test flag, the real values.
    expect(TEST_BUILD).toBe(false);
    expect(TIMINGS).toBe(REAL_TIMINGS);
    expect(GRACE_MS).toBe(120_000);
    expect(FOLD_AFTER_MS).toBe(20_000);
  });

  it('the test timings are shorter and distinct, so they can be found in a bundle', () => {
    expect(TEST_TIMINGS.backGraceMs).toBeLessThan(REAL_TIMINGS.backGraceMs);
    expect(TEST_TIMINGS.bannerFoldMs).toBeLessThan(REAL_TIMINGS.bannerFoldMs);
    for (const v of Object.values(TEST_TIMINGS)) expect(v % 1000).not.toBe(0);
  });

  for (const target of ['chrome', 'firefox']) {
    it(`dist/${target} carries none of the test timings; dist-test/${target} carries all of them`, () => {
      const prod = scripts(join(ROOT, 'dist', target));
      const test = scripts(join(ROOT, 'dist-test', target));
      for (const [name, v] of Object.entries(TEST_TIMINGS)) {
        expect(literal(v).test(prod), `${name} = ${v} in dist/${target}`).toBe(false);
        expect(literal(v).test(test), `${name} = ${v} in dist-test/${target}`).toBe(true);
      }
      // The real values are what dist/ uses (the worker's grace, the content script's fold).
      for (const [name, v] of Object.entries(REAL_TIMINGS))
        expect(literal(v).test(prod), `${name} = ${v} in dist/${target}`).toBe(true);
    });
  }
});
