/**
 * Issue 7, case 23 (manifest and build) on the built folders, plus the browsers' own word: the
 * Chromium build runs as a service worker, the Firefox build as an event page, extension pages
 * refuse inline, data: and remote scripts (the default CSP holds), and `web-ext lint` of the Firefox
 * build is clean.
 */
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { type BrowserName, distFor, launchBrowser } from '../support/harness';
import { REPO_ROOT } from '../support/harness/session';

const run = promisify(execFile);

type Manifest = Record<string, unknown> & {
  background?: { service_worker?: string; scripts?: string[]; type?: string };
  browser_specific_settings?: {
    gecko?: { id?: string; strict_min_version?: string; data_collection_permissions?: { required?: string[] } };
  };
  content_security_policy?: unknown;
};

const manifestOf = (browser: BrowserName) =>
  JSON.parse(readFileSync(join(distFor(browser, 'dist'), 'manifest.json'), 'utf8')) as Manifest;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

/** Ways code gets evaluated from a string or fetched from elsewhere. */
const DYNAMIC_CODE = [
  /\beval\s*\(/,
  /\bnew\s+Function\s*\(/,
  /(?<![\w.])Function\s*\(\s*["'`]/,
  /\bset(?:Timeout|Interval)\s*\(\s*["'`]/,
  /\bimportScripts\s*\(/,
  /\bimport\s*\(\s*["'`]https?:/,
  /<script[^>]+src\s*=\s*["']?(?:https?:)?\/\//i,
  /\.wasm\b/,
];

describe('case 23: manifest and build', () => {
  it('Chrome build: a module service worker, no background page or scripts', () => {
    const m = manifestOf('chromium');
    expect(m.manifest_version).toBe(3);
    expect(m.background?.service_worker).toMatch(/\.js$/);
    expect(m.background?.scripts).toBeUndefined();
    expect(m.browser_specific_settings).toBeUndefined();
  });

  it('Firefox build: event page, gecko id, strict_min_version ≥ 142, data_collection_permissions', () => {
    const m = manifestOf('firefox');
    expect(m.background?.scripts?.length).toBe(1);
    expect(m.background?.service_worker).toBeUndefined();
    const g = m.browser_specific_settings?.gecko;
    expect(g?.id).toMatch(/^[\w.-]+@[\w.-]+$/);
    expect(Number.parseFloat(g?.strict_min_version ?? '0')).toBeGreaterThanOrEqual(142);
    expect(g?.data_collection_permissions?.required).toEqual(['none']);
  });

  it.each(['chromium', 'firefox'] as BrowserName[])(
    '%s build: no eval or remote code; scripts only from the extension itself',
    (browser) => {
      const dist = distFor(browser, 'dist');
      const m = manifestOf(browser);
      const csp = m.content_security_policy as { extension_pages?: string } | undefined;
      if (csp !== undefined) {
        const policy = csp.extension_pages ?? '';
        expect(policy).not.toMatch(/unsafe-eval|unsafe-inline|\*/);
        // Scripts only from the extension itself; remote URLs only as the named checks' connect-src.
        const scriptSrc = policy.split(';').find((d) => d.trim().startsWith('script-src'));
        expect(scriptSrc?.trim()).toBe("script-src 'self'");
      }
      const found: string[] = [];
      for (const f of filesUnder(dist).filter((x) => /\.(m?js|html)$/.test(x))) {
        const text = readFileSync(f, 'utf8');
        for (const re of DYNAMIC_CODE) if (re.test(text)) found.push(`${relative(dist, f)}: ${re}`);
      }
      expect(found).toEqual([]);
      // And the source never builds markup from strings.
      const src = filesUnder(join(REPO_ROOT, 'src')).filter((x) => /\.tsx?$/.test(x));
      const markup = src.filter((f) =>
        /innerHTML|outerHTML|insertAdjacentHTML|dangerouslySetInnerHTML|document\.write/.test(readFileSync(f, 'utf8')),
      );
      expect(markup.map((f) => relative(REPO_ROOT, f))).toEqual([]);
    },
  );

  it('web-ext lint of the Firefox build: no errors, no warnings', async () => {
    const { stdout } = await run(
      'npx',
      ['web-ext', 'lint', '--source-dir', distFor('firefox', 'dist'), '--output', 'json'],
      {
        cwd: REPO_ROOT,
        maxBuffer: 10_000_000,
      },
    ).catch((e: { stdout?: string }) => ({ stdout: e.stdout ?? '' }));
    const report = JSON.parse(stdout.slice(stdout.indexOf('{'))) as {
      summary: { errors: number; warnings: number; notices: number };
      errors: { code: string; file?: string }[];
      warnings: { code: string; file?: string; message: string }[];
    };
    console.log(
      `[measure] web-ext lint: ${JSON.stringify(report.summary)} ${report.warnings.map((w) => `${w.code} in ${w.file}`).join('; ')}`,
    );
    expect(report.errors).toEqual([]);
    expect(report.warnings.map((w) => `${w.code} ${w.file}: ${w.message}`)).toEqual([]);
  }, 60_000);

  it.each(['chromium', 'firefox'] as BrowserName[])(
    '%s: the background runs as intended; extension pages refuse inline, data: and remote scripts',
    async (browser) => {
      const s = await launchBrowser({ browser });
      try {
        const page = await s.openExtensionPage('src/popup/index.html');
        // DevTools' own evaluation is exempt from the page's CSP, so the test asks the page to run code
        // the way an injected string would: inline, from a data: URL and from a web host.
        const refused = await page.evaluate(async () => {
          const w = window as unknown as Record<string, unknown>;
          const tryScript = (set: (el: HTMLScriptElement) => void, flag: string) =>
            new Promise<string>((resolve) => {
              const el = document.createElement('script');
              el.onload = () => resolve(w[flag] ? `${flag}: ran` : `${flag}: loaded, did not run`);
              el.onerror = () => resolve(`${flag}: refused`);
              set(el);
              document.head.append(el);
              setTimeout(() => resolve(w[flag] ? `${flag}: ran` : `${flag}: refused`), 1500);
            });
          return [
            await tryScript((el) => {
              el.textContent = 'window.__inline = 1';
            }, '__inline'),
            await tryScript((el) => {
              el.src = 'data:text/javascript,window.__data=1';
            }, '__data'),
            await tryScript((el) => {
              el.src = 'https://www.instagram.com/remote.js';
            }, '__remote'),
          ];
        });
        expect(refused).toEqual(['__inline: refused', '__data: refused', '__remote: refused']);
        if (browser === 'chromium') {
          // biome-ignore lint/suspicious/noExplicitAny: Playwright's BrowserContext.
          const workers = (page.raw as any).context().serviceWorkers() as { url(): string }[];
          expect(workers.some((w) => w.url().startsWith(s.extensionOrigin))).toBe(true);
        } else {
          // An event page: the background is a document, not a worker, and the same code answers.
          const status = await s.sendMessage<{ platforms?: object }>({ type: 'get-status' });
          expect(status.platforms).toBeDefined();
        }
      } finally {
        await s.close();
      }
    },
  );
});
