/**
 * The project's own code never builds HTML from strings or evaluates code. This is what makes the
 * one web-ext lint warning (innerHTML inside the bundled Preact runtime's dangerouslySetInnerHTML
 * branch) unreachable, as the README explains; Biome's recommended set does not check it.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..', '..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return sources(p);
    return /\.(ts|tsx|js|mjs|html)$/.test(f) ? [p] : [];
  });
}

const UNSAFE: [string, RegExp][] = [
  ['innerHTML / outerHTML', /\.(inner|outer)HTML\s*=/],
  ['insertAdjacentHTML', /insertAdjacentHTML\s*\(/],
  ['dangerouslySetInnerHTML', /dangerouslySetInnerHTML/],
  ['document.write', /document\.write(ln)?\s*\(/],
  ['eval', /(^|[^.\w])eval\s*\(/],
  ['new Function', /new\s+Function\s*\(/],
  ['string timers', /set(Timeout|Interval)\s*\(\s*['"`]/],
];

describe('src/ has no string-to-HTML or string-to-code sinks', () => {
  const files = sources(join(ROOT, 'src'));

  it('finds the sources', () => {
    expect(files.length).toBeGreaterThan(5);
  });

  it.each(UNSAFE)('no %s', (_name, pattern) => {
    const hits = files.filter((f) => pattern.test(readFileSync(f, 'utf8'))).map((f) => relative(ROOT, f));
    expect(hits).toEqual([]);
  });

  it('the patterns do catch what they are meant to catch', () => {
    const probe = 'el.innerHTML = x; insertAdjacentHTML(1); eval("1"); new Function("x"); setTimeout("x", 1)';
    for (const [name, pattern] of UNSAFE.filter(([n]) => !/dangerously|document/.test(n)))
      expect(pattern.test(probe), name).toBe(true);
    expect(/(^|[^.\w])eval\s*\(/.test('retrieval(1); x.evaluate(2)')).toBe(false);
  });
});
