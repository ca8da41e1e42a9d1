/**
 * Helpers around extension identity for the hostile-input tests: Chromium's id for an unpacked
 * folder, a second ("evil") extension that tries to talk to Nazar, and Firefox chrome-scope calls
 * that the shared harness keeps private (installing another add-on, finding its page URL).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventually } from './eventually';
import type { BrowserSession, PageHandle } from './harness';

/** Chromium derives an unpacked extension's id from its absolute path: sha256 → 32 hex digits → a–p. */
export function chromiumIdForPath(path: string): string {
  return [...createHash('sha256').update(path).digest('hex').slice(0, 32)]
    .map((c) => String.fromCharCode(97 + Number.parseInt(c, 16)))
    .join('');
}

export const EVIL_GECKO_ID = 'evil@nazar-tests.invalid';

/** Everything another extension could try against Nazar through the runtime messaging API. */
export const FORGED_REQUESTS: unknown[] = [
  { type: 'clear-history' },
  { type: 'set-settings', patch: { notifications: false, language: 'en' } },
  { type: 'check-now' },
  { type: 'get-history' },
  { type: 'get-status' },
  { type: 'open-details', platform: 'instagram' },
  { type: 'retry-navigation', url: 'https://www.facebook.com/' },
  { type: 'permissions-changed' },
];

/**
 * The attack, as source text so it runs in the other extension's own page. It reports, per
 * request, whether anyone answered, and whether a `nazar-live` port ever received a message.
 */
function attackSource(targetId: string): string {
  return `
const TARGET = ${JSON.stringify(targetId)};
const REQUESTS = ${JSON.stringify(FORGED_REQUESTS)};
const api = globalThis.browser ?? globalThis.chrome;
async function attack() {
  const out = { sent: [], port: { messages: 0, disconnected: false, error: null } };
  for (const req of REQUESTS) {
    try {
      const reply = await api.runtime.sendMessage(TARGET, req);
      out.sent.push({ type: req.type, answered: reply !== undefined, reply: JSON.stringify(reply ?? null).slice(0, 200) });
    } catch (e) {
      out.sent.push({ type: req.type, answered: false, error: String(e).slice(0, 200) });
    }
  }
  try {
    const port = api.runtime.connect(TARGET, { name: 'nazar-live' });
    port.onMessage.addListener(() => { out.port.messages++; });
    port.onDisconnect.addListener(() => { out.port.disconnected = true; });
    port.postMessage({ type: 'clear-history' });
  } catch (e) {
    out.port.error = String(e).slice(0, 200);
  }
  // A window for a reply or a message from Nazar to arrive: there is no event for "none came".
  await new Promise((r) => setTimeout(r, 1500));
  return out;
}
globalThis.__attack = attack();
globalThis.__attack.then((r) => { document.title = 'done'; document.body.dataset.result = JSON.stringify(r); });
`;
}

/** Writes the other extension (one page, no background, so harnesses see only Nazar's worker). */
export function writeEvilExtension(targetId: string, browser: 'chromium' | 'firefox'): string {
  const dir = mkdtempSync(join(tmpdir(), 'nazar-evil-'));
  mkdirSync(dir, { recursive: true });
  const manifest: Record<string, unknown> = {
    manifest_version: 3,
    name: 'Not Nazar',
    version: '1.0',
    permissions: ['storage'],
  };
  if (browser === 'firefox') manifest.browser_specific_settings = { gecko: { id: EVIL_GECKO_ID } };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  writeFileSync(
    join(dir, 'evil.html'),
    '<!doctype html><meta charset="utf-8"><title>evil</title><body><script src="evil.js"></script></body>',
  );
  writeFileSync(join(dir, 'evil.js'), attackSource(targetId));
  return dir;
}

export interface AttackResult {
  sent: { type: string; answered: boolean; reply?: string; error?: string }[];
  port: { messages: number; disconnected: boolean; error: string | null };
}

/** Waits for the attack page to finish and returns what it saw. */
export async function attackResult(page: PageHandle, timeoutMs = 15_000): Promise<AttackResult> {
  const r = await eventually(
    () => page.evaluate(() => document.body?.dataset.result ?? null).catch(() => null),
    Boolean,
    {
      what: 'the other extension’s attack to finish',
      timeoutMs,
    },
  );
  return JSON.parse(r as string) as AttackResult;
}

interface BidiConnection {
  send(method: string, params: object): Promise<{ result: Record<string, unknown> }>;
}

// biome-ignore lint/suspicious/noExplicitAny: Puppeteer's Browser behind the harness's page handle.
const puppeteerBrowser = (page: PageHandle): any => (page.raw as any).browser();

/** Firefox: evaluates `expression` in the browser's chrome window (the harness passes --remote-allow-system-access). */
export async function firefoxChromeEval(page: PageHandle, expression: string): Promise<unknown> {
  const bidi = (puppeteerBrowser(page) as { connection: BidiConnection }).connection;
  const tree = await bidi.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
  const ctx = (tree.result.contexts as { context: string }[])[0]?.context;
  if (!ctx) throw new Error('no chrome window');
  const r = await bidi.send('script.evaluate', { expression, target: { context: ctx }, awaitPromise: true });
  if (r.result.type === 'exception') throw new Error(`chrome eval failed: ${JSON.stringify(r.result)}`);
  return (r.result.result as { value?: unknown } | undefined)?.value;
}

/** Firefox: installs another temporary add-on (or Nazar again, which is an update in place). */
export async function firefoxInstall(page: PageHandle, dir: string): Promise<void> {
  await puppeteerBrowser(page).installExtension(dir);
}

/** Firefox: opens a page of any installed add-on by id (BiDi only navigates there with wait: none). */
export async function firefoxOpenAddonPage(s: BrowserSession, anyPage: PageHandle, id: string, path: string) {
  const url = String(
    await firefoxChromeEval(
      anyPage,
      `WebExtensionPolicy.getByID(${JSON.stringify(id)}).getURL(${JSON.stringify(path)})`,
    ),
  );
  const page = await s.openPage();
  // biome-ignore lint/suspicious/noExplicitAny: Puppeteer page internals (the BiDi context id).
  const raw = page.raw as any;
  const bidi = (puppeteerBrowser(page) as { connection: BidiConnection }).connection;
  await bidi.send('browsingContext.navigate', { context: raw.mainFrame()._id, url, wait: 'none' });
  return { page, url };
}
