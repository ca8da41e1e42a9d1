/**
 * The manifests as the browsers will read them: dist/chrome and dist/firefox after `npm run build`
 * (`npm test` builds before the e2e step; run `npm run build` first when calling vitest directly).
 * Checks what the stores and the permission story in the README depend on.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../../src/core/catalogue';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const PERMISSIONS = ['alarms', 'notifications', 'storage', 'webRequest'];
/** The engine's catalogue decides which domains are the platforms'; the manifest must match it. */
const WATCHED_DOMAINS = Object.keys(CATALOGUE);
const CHECK_PERMISSIONS = [
  'http://connectivitycheck.gstatic.com/generate_204',
  'https://cloudflare-dns.com/dns-query*',
];

type Manifest = Record<string, unknown> & {
  permissions?: string[];
  host_permissions?: string[];
  optional_permissions?: string[];
  background?: { service_worker?: string; scripts?: string[] };
  content_scripts?: { matches: string[]; js?: string[] }[];
  content_security_policy?: Record<string, string>;
  web_accessible_resources?: { resources: string[]; matches: string[] }[];
};

function load(target: 'chrome' | 'firefox'): { dir: string; m: Manifest } {
  const dir = join(ROOT, 'dist', target);
  const file = join(dir, 'manifest.json');
  if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first`);
  return { dir, m: JSON.parse(readFileSync(file, 'utf8')) as Manifest };
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

/** A host permission pattern's host, e.g. '*://*.facebook.com/*' → '*.facebook.com'. */
const hostOf = (pattern: string) => /^[a-z*]+:\/\/([^/]+)\//.exec(pattern)?.[1] ?? pattern;

describe.each(['chrome', 'firefox'] as const)('dist/%s/manifest.json', (target) => {
  const { dir, m } = load(target);

  it('is MV3 with localised name and description, Hindi by default, and all four icons', () => {
    expect(m.manifest_version).toBe(3);
    expect(m.name).toMatch(/^__MSG_\w+__$/);
    expect(m.description).toMatch(/^__MSG_\w+__$/);
    expect(m.default_locale).toBe('hi');
    for (const lang of ['hi', 'en']) expect(existsSync(join(dir, '_locales', lang, 'messages.json'))).toBe(true);
    const icons = m.icons as Record<string, string>;
    expect(Object.keys(icons).sort()).toEqual(['128', '16', '32', '48']);
    for (const file of Object.values(icons)) expect(existsSync(join(dir, file)), file).toBe(true);
  });

  it('asks for exactly the intended permissions', () => {
    expect([...(m.permissions ?? [])].sort()).toEqual(PERMISSIONS);
    expect(m.optional_permissions ?? []).toEqual([]);
  });

  it('limits host permissions to the watched platforms and the two checks', () => {
    const hosts = m.host_permissions ?? [];
    expect(hosts).not.toContain('<all_urls>');
    for (const h of hosts) {
      if (CHECK_PERMISSIONS.includes(h)) continue;
      expect(
        WATCHED_DOMAINS.some((d) => h === `*://*.${d}/*` || h === `*://${d}/*`),
        `host permission ${h} is neither a catalogue domain nor a check endpoint`,
      ).toBe(true);
    }
    for (const d of WATCHED_DOMAINS) expect(hosts, `no host permission for ${d}`).toContain(`*://*.${d}/*`);
    for (const c of CHECK_PERMISSIONS) expect(hosts).toContain(c);
    const all = JSON.stringify(m);
    expect(all).not.toMatch(/<all_urls>|\*:\/\/\*\/\*|https?:\/\/\*\//);
  });

  it('injects content scripts only into the watched sites', () => {
    for (const cs of m.content_scripts ?? [])
      for (const match of cs.matches)
        expect(
          WATCHED_DOMAINS.some((d) => hostOf(match).endsWith(d)),
          match,
        ).toBe(true);
  });

  it('exposes nothing to web pages: one self-contained content script, no web-accessible resources', () => {
    // A page that can fetch chrome-extension://<id>/… files could tell the extension is installed.
    expect(m.web_accessible_resources ?? []).toEqual([]);
    const scripts = (m.content_scripts ?? []).flatMap((c) => c.js ?? []);
    expect(scripts).toEqual(['content.js']);
    const code = readFileSync(join(dir, 'content.js'), 'utf8');
    // A classic script: no module syntax, no loader fetching other files of the extension.
    expect(code).not.toMatch(/\bimport\s*\(|^\s*import\s|\bexport\s|getURL\(/m);
    // Only the banner's strings ride along, not the popup's or the error page's.
    expect(code).toMatch(/\bstate_meta_all_down:\{message:/);
    expect(code).not.toMatch(/\b(popup|settings|history|explain|errorpage)_\w+:\{message:/);
    // The translators' notes stay in _locales; the script needs only messages and placeholders.
    expect(code).not.toMatch(/description:/);
  });

  it('loads no remote code and keeps the default CSP', () => {
    for (const csp of Object.values(m.content_security_policy ?? {})) {
      expect(csp).not.toMatch(/unsafe-eval|unsafe-inline|https?:|\*/);
    }
    for (const war of m.web_accessible_resources ?? []) expect(war.matches).not.toContain('<all_urls>');
    const code = filesUnder(dir).filter((f) => /\.(js|html)$/.test(f));
    expect(code.length).toBeGreaterThan(0);
    for (const f of code) {
      const text = readFileSync(f, 'utf8');
      expect(text, f).not.toMatch(/<script[^>]+src=["']https?:/i);
      expect(text, f).not.toMatch(/\bimport\(\s*["']https?:/);
    }
  });

  it('references only files that exist in the build', () => {
    const bg = m.background ?? {};
    const files = [bg.service_worker, ...(bg.scripts ?? []), ...(m.content_scripts ?? []).flatMap((c) => c.js ?? [])];
    for (const f of files.filter((x): x is string => typeof x === 'string'))
      expect(existsSync(join(dir, f)), f).toBe(true);
  });
});

describe('browser-specific parts', () => {
  it('Chrome runs a service worker', () => {
    const { m } = load('chrome');
    expect(typeof m.background?.service_worker).toBe('string');
    expect(m.background?.scripts).toBeUndefined();
    expect(m.browser_specific_settings).toBeUndefined();
  });

  it('Firefox runs an event page with its gecko id, a minimum of 142 and no data collection', () => {
    const { m } = load('firefox');
    expect(m.background?.service_worker).toBeUndefined();
    expect(m.background?.scripts?.length).toBeGreaterThan(0);
    const gecko = (m.browser_specific_settings as { gecko: Record<string, unknown> }).gecko;
    expect(gecko.id).toBe('nazar@nazar-extension.org');
    expect(Number.parseFloat(String(gecko.strict_min_version))).toBeGreaterThanOrEqual(142);
    expect(gecko.data_collection_permissions).toEqual({ required: ['none'] });
  });

  it('both builds carry the same version, permissions and host permissions', () => {
    const c = load('chrome').m;
    const f = load('firefox').m;
    expect(f.version).toBe(c.version);
    expect(f.permissions).toEqual(c.permissions);
    expect(f.host_permissions).toEqual(c.host_permissions);
  });
});
