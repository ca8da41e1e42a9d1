/**
 * The popup's JavaScript budget (issue: "Popup bundle ≤ 35 KB minified"), measured on the build in
 * dist/<target> (`npm run build` first, as for manifest.test.ts): every script the popup page
 * loads, i.e. its <script> and modulepreload files and all they import, statically or lazily.
 * "Check from other networks" (on.js, and the Globalping client it loads on a click) is a bundle
 * of its own, imported by URL after the first render: outside this budget, with one of its own.
 * The worker has a budget of its own. Also checks that Preact, which only the pages need, stays out
 * of the worker and content script.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const BUDGET = 35 * 1024;
/**
 * The worker's JavaScript (issue: "the worker bundle does not grow"): its entry and every chunk it
 * imports, statically or lazily. Measured 135,374 bytes on 2026-12-02 (both targets), rounded up
 * to the next 256: the background as state + reactions + effects added ~2.8 KB, and leaving the
 * translators' descriptions out of the bundled messages (scripts/messages-plugin.ts) took 4.3 KB
 * away. Before it was 136,788; before "check from other networks" and the protocol module, 132,749.
 */
const WORKER_BUDGET = 135_424;
/** The content script (one file, the banner's strings only): 35,841 bytes on 2026-12-02, rounded up. */
const CONTENT_SCRIPT_BUDGET = 35_840 + 256;

/** `<script src>` and `<link rel="modulepreload" href>` of a built page. */
const HTML_SCRIPTS = /<(?:script|link)\b[^>]*\s(?:src|href)="\/?([^"]+\.js)"/g;
/** `from"./x.js"`, `import './x.js'`, `import("./x.js")`, and "assets/x.js" (preload lists, loaders). */
const CHUNK_REFS = /(?:from|import)\s*\(?\s*["'`](\.\.?\/[^"'`]+\.js)["'`]|["'`](assets\/[^"'`]+\.js)["'`]/g;

/** Every JS file reachable from `start` (paths relative to the build root), with its size in bytes. */
function reachable(dir: string, start: string[]): Map<string, number> {
  const seen = new Map<string, number>();
  const queue = [...start];
  while (queue.length) {
    const file = queue.shift() as string;
    if (seen.has(file)) continue;
    seen.set(file, statSync(join(dir, file)).size);
    for (const m of readFileSync(join(dir, file), 'utf8').matchAll(CHUNK_REFS))
      queue.push(m[1] ? posix.join(posix.dirname(file), m[1]) : (m[2] as string));
  }
  return seen;
}

const total = (files: Map<string, number>) => [...files.values()].reduce((a, b) => a + b, 0);
const listing = (files: Map<string, number>) =>
  `${[...files].map(([f, n]) => `${String(n).padStart(6)} ${f}`).join('\n')}\n${String(total(files)).padStart(6)} total`;
/** Preact's render code handles `dangerouslySetInnerHTML.__html`; nothing else in Nazar does. */
const hasPreact = (dir: string, files: Map<string, number>) =>
  [...files.keys()].filter((f) => /\.__html\b/.test(readFileSync(join(dir, f), 'utf8')));

interface Manifest {
  action: { default_popup: string };
  background: { service_worker?: string; scripts?: string[] };
  content_scripts: { js: string[] }[];
}

describe.each(['chrome', 'firefox'] as const)('dist/%s popup bundle', (target) => {
  const dir = join(ROOT, 'dist', target);
  if (!existsSync(join(dir, 'manifest.json'))) throw new Error(`${dir} is missing: run \`npm run build\` first`);
  const m = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
  const html = readFileSync(join(dir, m.action.default_popup), 'utf8');
  const popup = reachable(
    dir,
    [...html.matchAll(HTML_SCRIPTS)].map((x) => x[1] as string),
  );

  it('finds the popup entry and the chunks it imports, Preact among them', () => {
    expect(popup.size).toBeGreaterThan(2);
    expect(hasPreact(dir, popup), listing(popup)).toHaveLength(1);
  });

  it(`loads at most ${BUDGET} bytes of JavaScript`, () => {
    expect(total(popup), listing(popup)).toBeLessThanOrEqual(BUDGET);
  });

  it('keeps "check from other networks" and the Globalping client out of the popup, the error page and the worker', () => {
    // Its own bundle (scripts/other-networks-plugin.ts), imported by URL after the page's first
    // render; the client is a chunk that bundle imports only on a click.
    const others = reachable(dir, ['on.js']);
    const client = [...others.keys()].filter((f) => /other-networks-client-/.test(f));
    expect(client, listing(others)).toHaveLength(1);
    const clientText = readFileSync(join(dir, client[0] as string), 'utf8');
    expect(clientText).toContain('api.globalping.io');
    const staticOnly = /(?:from|import)\s*["'`](\.\.?\/[^"'`]+\.js)["'`]/g;
    const onText = readFileSync(join(dir, 'on.js'), 'utf8');
    expect(
      [...onText.matchAll(staticOnly)].map((m) => m[1]),
      'on.js imports the client statically',
    ).not.toContain(`./${client[0]}`);
    const errorHtml = readFileSync(join(dir, 'src/errorpage/index.html'), 'utf8');
    const errorpage = reachable(
      dir,
      [...errorHtml.matchAll(HTML_SCRIPTS)].map((x) => x[1] as string),
    );
    const worker = reachable(dir, [m.background.service_worker ?? m.background.scripts?.[0] ?? '']);
    for (const [name, files] of [
      ['popup', popup],
      ['error page', errorpage],
      ['worker', worker],
    ] as const) {
      expect([...files.keys()], name).not.toContain('on.js');
      expect(
        [...files.keys()].filter((f) => /other-networks/.test(f)),
        name,
      ).toEqual([]);
      for (const f of files.keys())
        expect(readFileSync(join(dir, f), 'utf8'), `${name}: ${f}`).not.toContain('api.globalping.io');
    }
    // On demand, but not unbounded: its view with its own Preact and words, and the client.
    expect(others.get('on.js'), listing(others)).toBeLessThanOrEqual(48 * 1024);
    expect(total(others), listing(others)).toBeLessThanOrEqual(60 * 1024);
  });

  it(`loads at most ${WORKER_BUDGET} bytes of JavaScript in the worker`, () => {
    const worker = reachable(dir, [m.background.service_worker ?? m.background.scripts?.[0] ?? '']);
    expect(worker.size).toBeGreaterThan(1);
    expect(total(worker), listing(worker)).toBeLessThanOrEqual(WORKER_BUDGET);
  });

  it(`loads at most ${CONTENT_SCRIPT_BUDGET} bytes of JavaScript in the content script`, () => {
    const content = reachable(
      dir,
      m.content_scripts.flatMap((c) => c.js),
    );
    expect(total(content), listing(content)).toBeLessThanOrEqual(CONTENT_SCRIPT_BUDGET);
  });

  it("leaves the translators' descriptions in _locales, out of every script (scripts/messages-plugin.ts)", () => {
    const description = 'Extension name in the store and the toolbar.';
    expect(readFileSync(join(dir, '_locales/hi/messages.json'), 'utf8')).toContain(description);
    const worker = reachable(dir, [m.background.service_worker ?? m.background.scripts?.[0] ?? '']);
    const scripts = [...worker.keys(), 'content.js'];
    // The scripts do carry the messages themselves.
    expect(scripts.some((f) => readFileSync(join(dir, f), 'utf8').includes('extDescription'))).toBe(true);
    for (const f of scripts) expect(readFileSync(join(dir, f), 'utf8'), f).not.toContain(description);
  });

  it('keeps Preact out of the worker and the content script', () => {
    const worker = reachable(dir, [m.background.service_worker ?? m.background.scripts?.[0] ?? '']);
    const content = reachable(
      dir,
      m.content_scripts.flatMap((c) => c.js),
    );
    // The worker's loader must lead somewhere, or this test would pass for the wrong reason; the
    // content script is one self-contained file (scripts/content-script-plugin.ts).
    expect(worker.size).toBeGreaterThan(1);
    expect([...content.keys()]).toEqual(['content.js']);
    expect(content.get('content.js')).toBeGreaterThan(5_000);
    expect(hasPreact(dir, worker)).toEqual([]);
    expect(hasPreact(dir, content)).toEqual([]);
  });
});
