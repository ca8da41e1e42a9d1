/**
 * The manifests as the browsers will read them: dist/chrome and dist/firefox after `npm run build`
 * (`npm test` builds before the browser tests; run `npm run build` first when calling vitest directly).
 * Checks what the stores and the permission story in the README depend on.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTROL_URL, DOH_URL, PROBE_URLS } from '../../../src/background/checks/probes';
import { META_SHARED_DOMAINS, PLATFORM_TABLE } from '../../../src/core/platforms';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const PERMISSIONS = ['alarms', 'notifications', 'storage', 'webRequest'];
/** The engine's catalogue decides which domains are the platforms'; the manifest must match it. */
/** Every domain of the platform table, and Meta's shared ones. */
const WATCHED_DOMAINS = [
  ...Object.values(PLATFORM_TABLE).flatMap((p) => p.domains),
  ...Object.keys(META_SHARED_DOMAINS),
];
const WATCHED_PAGES = Object.values(PLATFORM_TABLE).flatMap((p) => p.pages);
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

  it('injects the content script into exactly the platform table’s pages, https only', () => {
    const matches = (m.content_scripts ?? []).flatMap((cs) => cs.matches);
    expect([...matches].sort()).toEqual(WATCHED_PAGES.map((h) => `https://${h}/*`).sort());
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

  it('loads no remote code: an explicit CSP, scripts from the package only, connections to the check endpoints only', () => {
    const csp = m.content_security_policy?.extension_pages ?? '';
    const directives = Object.fromEntries(
      csp
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .filter((d) => d[0])
        .map(([name, ...values]) => [name, values]),
    );
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(directives['base-uri']).toEqual(["'none'"]);
    // Firefox's MV3 default adds it, and it sent the plain-HTTP connectivity check as https (issue 13).
    expect(directives).not.toHaveProperty('upgrade-insecure-requests');
    // Exactly the endpoints Nazar calls (checks.ts), plus its own files (the popup's translations),
    // plus the Globalping API of "check from other networks" (src/vantage/, issue 18).
    expect([...(directives['connect-src'] ?? [])].sort()).toEqual(
      ["'self'", ...Object.values(PROBE_URLS), CONTROL_URL, DOH_URL, 'https://api.globalping.io'].sort(),
    );
    expect(csp).not.toMatch(/unsafe-eval|unsafe-inline|\*/);
    expect(Object.keys(m.content_security_policy ?? {})).toEqual(['extension_pages']);
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

  it("asks for the Globalping API only as Firefox's optional host permission; Chromium asks for nothing new", () => {
    const c = load('chrome').m as Manifest & { optional_host_permissions?: string[] };
    const f = load('firefox').m as Manifest & { optional_host_permissions?: string[] };
    expect(c.optional_host_permissions).toBeUndefined();
    expect(f.optional_host_permissions).toEqual(['https://api.globalping.io/*']);
    expect(c.host_permissions).not.toContain('https://api.globalping.io/*');
  });
});

/**
 * MDN's browser-compat-data, the copy `web-ext lint` checks with (found through web-ext, so both
 * read the same release of it).
 */
function compatData(): { webextensions: { manifest: CompatTree; api: CompatTree } } {
  const fromWebExt = createRequire(createRequire(import.meta.url).resolve('web-ext'));
  const fromLinter = createRequire(fromWebExt.resolve('addons-linter'));
  return JSON.parse(readFileSync(fromLinter.resolve('@mdn/browser-compat-data'), 'utf8'));
}
type CompatTree = { [key: string]: CompatTree } & {
  __compat?: { support: Record<string, { version_added: string | boolean | null } | { version_added: unknown }[]> };
};

/** The first Firefox for Android release with `node` (a number), or null when it has none. */
function androidSince(node: CompatTree | undefined): number | null | undefined {
  const support = node?.__compat?.support.firefox_android;
  if (!support) return undefined;
  const first = (Array.isArray(support) ? support[0] : support) as { version_added: unknown };
  const v = first.version_added;
  return typeof v === 'string' ? Number.parseFloat(v.replace(/^≤/, '')) : null;
}

/** Every key path in a manifest ('content_scripts.matches', …); array items share their key's path. */
function keyPaths(value: unknown, prefix = ''): string[] {
  if (Array.isArray(value)) return [...new Set(value.flatMap((v) => keyPaths(v, prefix)))];
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => {
    const path = prefix ? `${prefix}.${k}` : k;
    return [path, ...keyPaths(v, path)];
  });
}

/** `browser.<namespace>.<member>` as spelled anywhere in src/, plus the calls made through BackgroundDeps. */
function apisUsed(): string[] {
  const spelled = filesUnder(join(ROOT, 'src'))
    .filter((f) => /\.tsx?$/.test(f))
    .flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/\bbrowser\.([a-z]\w*)\.([a-zA-Z]\w*)/g)])
    .map((m) => `${m[1]}.${m[2]}`);
  // src/background/index.ts hands these namespaces to the worker, which calls these members.
  const throughDeps = [
    'action.setBadgeText',
    'action.setBadgeBackgroundColor',
    'action.setTitle',
    'notifications.create',
    'alarms.create',
    'alarms.clear',
    'tabs.create',
    'tabs.update',
    'tabs.goBack',
    'permissions.contains',
    'storage.session',
    'storage.local',
    // The pages and the content script hand `browser.runtime` to the protocol client (src/shared/protocol/client.ts).
    'runtime.connect',
    'runtime.sendMessage',
  ];
  return [...new Set([...spelled, ...throughDeps])].sort();
}

describe('Firefox for Android', () => {
  const { m } = load('firefox');
  const bss = m.browser_specific_settings as Record<string, Record<string, unknown>>;
  const bcd = compatData().webextensions;
  const declared = Number.parseFloat(String(bss.gecko_android?.strict_min_version));

  it('declares gecko_android with a minimum of 142 (the first to read data_collection_permissions)', () => {
    expect(bss.gecko_android).toEqual({ strict_min_version: '142.0' });
    expect(androidSince(bcd.manifest.browser_specific_settings?.gecko?.data_collection_permissions)).toBe(142);
  });

  it('needs no newer Firefox for Android than that for any manifest key or permission, and no older one would do', () => {
    const needs: Record<string, number> = {};
    for (const path of keyPaths(m)) {
      let node: CompatTree | undefined = bcd.manifest;
      for (const part of path.split('.')) node = node?.[part];
      const since = androidSince(node);
      if (since === undefined) continue; // a value, or a key MDN does not describe on its own
      expect(since, `manifest key ${path} is not supported on Firefox for Android`).not.toBeNull();
      needs[path] = since as number;
    }
    for (const p of m.permissions ?? []) {
      const since = androidSince(bcd.manifest.permissions?.[p]);
      expect(since, `permission ${p} is not supported on Firefox for Android`).not.toBeNull();
      if (since) needs[`permissions.${p}`] = since;
    }
    const newest = Math.max(...Object.values(needs));
    const why = Object.entries(needs)
      .filter(([, v]) => v === newest)
      .map(([k]) => k);
    expect({ newest, why }).toEqual({
      newest: declared,
      why: ['browser_specific_settings.gecko.data_collection_permissions'],
    });
  });

  it('every extension API the code calls exists on Firefox for Android at that version', () => {
    const apis = apisUsed();
    expect(apis).toEqual(expect.arrayContaining(['runtime.sendMessage', 'webRequest.onErrorOccurred']));
    const late = apis
      .map((api) => {
        const [ns = '', member = ''] = api.split('.');
        const since = androidSince(bcd.api[ns]?.[member]) ?? androidSince(bcd.api[ns]);
        return { api, since };
      })
      .filter(({ since }) => since === null || since === undefined || since > declared);
    expect(late).toEqual([]);
  });
});

describe('both builds', () => {
  it('carry the same Content Security Policy', () => {
    expect(load('firefox').m.content_security_policy).toEqual(load('chrome').m.content_security_policy);
  });
});
