/**
 * Nazar on a phone (Firefox for Android's popup is a full-screen page; nothing can be hovered):
 * the popup in the 2021 pattern, the error page and the banner over a fake Instagram, each at
 * 360 × 640 CSS px with touch emulation, in Chromium (CDP device metrics + touch emulation) and
 * Firefox (BiDi viewport + emulation.setTouchOverride). Asserted on what a person would meet: no
 * sideways scrolling or element past the screen's edge, text of at least 16 px, every control at
 * least 44 × 44 px as a finger meets it, and the banner folding and unfolding by taps.
 * Screenshots: docs/screenshots/phone-<surface>-<browser>.png.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CDPSession, Page as PwPage } from 'playwright-core';
import type { Page as PpPage } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLATFORMS } from '../../src/core/types';
import type { StatusReport } from '../../src/shared/protocol/messages';
import { eventually } from '../support/eventually';
import {
  type BrowserName,
  type BrowserSession,
  type FakePlatform,
  type HostMap,
  launchBrowser,
  type PageHandle,
  PLATFORM_HOSTS,
  startFakePlatform,
} from '../support/harness';
import { REPO_ROOT } from '../support/harness/session';

const WIDTH = 360;
const HEIGHT = 640;
const ALL_PLATFORM_HOSTS = Object.values(PLATFORM_HOSTS).flat();
const down = (r: StatusReport, p: (typeof PLATFORMS)[number]) =>
  ['down', 'degraded'].includes(r?.platforms?.[p]?.verdict?.status ?? '');

/** What the measuring function reports, for the document and the closed shadow roots on it. */
interface Box {
  what: string;
  x: number;
  y: number;
  w: number;
  h: number;
}
interface LayoutFacts {
  viewport: number;
  scrollWidth: number;
  /** Elements reaching past the screen's left or right edge. */
  outside: Box[];
  /** The text or control whose right edge is furthest right. */
  widest: Box;
  /** Smallest computed font size of any visible text, with where it is. */
  smallestText: { px: number; what: string };
  /** Every control's tap area (a checkbox's or radio's is its label). */
  targets: Box[];
  pointer: { coarse: boolean; hoverNone: boolean; maxTouchPoints: number };
}

/**
 * Runs in the page: measures `roots` (the document and/or shadow roots). Self-contained, as it is
 * sent to the browser as source text.
 */
function measure(roots: (Document | ShadowRoot)[]): LayoutFacts {
  const vw = document.documentElement.clientWidth;
  const label = (e: Element) =>
    `${e.localName}${e.classList.length ? `.${[...e.classList].join('.')}` : ''} “${(e.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40)}”`;
  const box = (e: Element): Box => {
    const r = e.getBoundingClientRect();
    return { what: label(e), x: r.x, y: r.y, w: Math.round(r.width * 10) / 10, h: Math.round(r.height * 10) / 10 };
  };
  // Not in a closed <details> (its content is laid out but not shown), not visually hidden (1 px).
  const shown = (e: Element) => {
    const r = e.getBoundingClientRect();
    return r.width > 2 && r.height > 2 && e.checkVisibility({ visibilityProperty: true });
  };
  const all = roots.flatMap((root) => Array.from(root.querySelectorAll('*')));
  const visible = all.filter((e) => !e.closest('svg, style, script, title, head') && shown(e));
  const outside = visible.map(box).filter((b) => b.x < -0.5 || b.x + b.w > vw + 0.5);
  // The furthest-reaching text or control (html, body and wrappers are as wide as the screen anyway).
  const ownText = (e: Element) =>
    Array.from(e.childNodes).some((n) => n.nodeType === 3 && (n.textContent ?? '').trim());
  const widest = visible
    .filter((e) => ownText(e) || e.matches('button, summary, input, select'))
    .map(box)
    .reduce((a, b) => (b.x + b.w > a.x + a.w ? b : a), { what: '', x: 0, y: 0, w: 0, h: 0 });
  let smallestText = { px: Number.POSITIVE_INFINITY, what: '' };
  for (const root of roots) {
    const walk = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walk.nextNode(); n; n = walk.nextNode()) {
      const parent = n.parentElement;
      if (!parent || !(n.textContent ?? '').trim() || parent.closest('svg, style, script, title, head')) continue;
      if (!shown(parent)) continue;
      const px = Number.parseFloat(getComputedStyle(parent).fontSize);
      if (px < smallestText.px) smallestText = { px, what: label(parent) };
    }
  }
  const controls = all.filter((e) =>
    e.matches('button, summary, input, select, textarea, a[href], [role="button"], [tabindex]:not([tabindex="-1"])'),
  );
  const targets = controls
    .map((e) => (e instanceof HTMLInputElement && e.labels?.[0] ? e.labels[0] : e))
    .filter((e) => shown(e))
    .map(box);
  return {
    viewport: vw,
    scrollWidth: document.documentElement.scrollWidth,
    outside,
    widest,
    smallestText,
    targets,
    pointer: {
      coarse: matchMedia('(pointer: coarse)').matches,
      hoverNone: matchMedia('(hover: none)').matches,
      maxTouchPoints: navigator.maxTouchPoints,
    },
  };
}

interface Phone {
  /** Runs `fn(roots, arg)` in the page, roots = the document (if `withDocument`) and every closed shadow root. */
  inRoots<T, A>(fn: (roots: (Document | ShadowRoot)[], arg: A) => T, arg: A, withDocument?: boolean): Promise<T>;
  tap(x: number, y: number): Promise<void>;
  /** Saves docs/screenshots/phone-<name>-<browser>.png (what the screen shows). */
  shot(name: string): Promise<string>;
}

interface CdpNode {
  nodeId: number;
  children?: CdpNode[];
  shadowRoots?: (CdpNode & { shadowRootType?: string })[];
}

/** Turns the page into a 360 × 640 touch screen. */
async function asPhone(browser: BrowserName, page: PageHandle): Promise<Phone> {
  const shotPath = (name: string) => join(REPO_ROOT, 'docs', 'screenshots', `phone-${name}-${browser}.png`);
  const call = <T, A>(fn: (roots: (Document | ShadowRoot)[], arg: A) => T, arg: A, withDocument: boolean) =>
    `(...shadows) => JSON.stringify((${fn.toString()})(${withDocument ? '[document, ...shadows]' : 'shadows'}, ${JSON.stringify(arg)}))`;

  if (browser === 'chromium') {
    const raw = page.raw as PwPage;
    const cdp: CDPSession = await raw.context().newCDPSession(raw);
    await cdp.send('Emulation.setDeviceMetricsOverride', {
      width: WIDTH,
      height: HEIGHT,
      deviceScaleFactor: 2,
      mobile: true,
    });
    await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 5 });
    return {
      async inRoots(fn, arg, withDocument = true) {
        const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
        const closed: number[] = [];
        const visit = (n: CdpNode) => {
          for (const s of n.shadowRoots ?? []) {
            if (s.shadowRootType === 'closed') closed.push(s.nodeId);
            visit(s);
          }
          for (const c of n.children ?? []) visit(c);
        };
        visit(root);
        const ids = await Promise.all(
          [root.nodeId, ...closed].map(
            async (nodeId) => (await cdp.send('DOM.resolveNode', { nodeId })).object.objectId,
          ),
        );
        const r = await cdp.send('Runtime.callFunctionOn', {
          objectId: ids[0],
          functionDeclaration: `function (...shadows) { return (${call(fn, arg, withDocument)})(...shadows); }`,
          arguments: ids.slice(1).map((objectId) => ({ objectId })),
          returnByValue: true,
          awaitPromise: true,
        });
        if (r.exceptionDetails) throw new Error(`in the page: ${JSON.stringify(r.exceptionDetails)}`);
        return JSON.parse(r.result.value as string);
      },
      async tap(x, y) {
        await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
        await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
      },
      async shot(name) {
        const { data } = await cdp.send('Page.captureScreenshot', { format: 'png' });
        const path = shotPath(name);
        writeFileSync(path, Buffer.from(data, 'base64'));
        return path;
      },
    };
  }

  const raw = page.raw as PpPage;
  // Touch comes from the session's prefs (phoneSession).
  await raw.setViewport({ width: WIDTH, height: HEIGHT, deviceScaleFactor: 2 });
  const bidi = bidiOf(raw);
  const context = (raw.mainFrame() as unknown as { _id: string })._id;
  return {
    async inRoots(fn, arg, withDocument = true) {
      const hosts = await bidi.send('script.callFunction', {
        functionDeclaration: '() => Array.from(document.documentElement.children)',
        awaitPromise: false,
        target: { context },
        serializationOptions: { maxDomDepth: 0, includeShadowTree: 'all' },
      });
      const nodes = (hosts.result.result as { value?: BidiNode[] }).value ?? [];
      const shadows = nodes.map((n) => n.value?.shadowRoot?.sharedId).filter((id): id is string => !!id);
      const r = await bidi.send('script.callFunction', {
        functionDeclaration: call(fn, arg, withDocument),
        awaitPromise: true,
        target: { context },
        arguments: shadows.map((sharedId) => ({ sharedId })),
      });
      if (r.result.type === 'exception') throw new Error(`in the page: ${JSON.stringify(r.result)}`);
      return JSON.parse((r.result.result as { value: string }).value);
    },
    tap: (x, y) => raw.touchscreen.tap(x, y),
    async shot(name) {
      const path = shotPath(name);
      await raw.screenshot({ path });
      return path;
    },
  };
}

const bidiOf = (raw: PpPage) => (raw.browser() as unknown as { connection: BidiConnection }).connection;

/**
 * Firefox as a phone's touch screen. Firefox 153 has no BiDi `emulation.setTouchOverride` (puppeteer's
 * `hasTouch` is then a no-op), so: touch events on, and the pointer Android reports, a coarse one
 * that cannot hover (LookAndFeel's PointerCapabilities: 1 = coarse, 2 = fine, 4 = hover).
 */
const FIREFOX_TOUCH_PREFS = {
  'dom.w3c_touch_events.enabled': 1,
  // Android's scrollbars float over the page; a desktop one would take 12 px of the 360.
  'ui.useOverlayScrollbars': 1,
  'ui.primaryPointerCapabilities': 1,
  'ui.allPointerCapabilities': 1,
};

/** A browser session whose pages are touch screens, in Hindi. */
async function phoneSession(browser: BrowserName, server: FakePlatform, hosts: HostMap = {}): Promise<BrowserSession> {
  const s = await launchBrowser({ browser, server, hosts, firefoxPrefs: FIREFOX_TOUCH_PREFS });
  // The headless browsers' UI is English; Nazar speaks Hindi first.
  await s.sendMessage({ type: 'set-settings', patch: { language: 'hi' } });
  return s;
}

interface BidiConnection {
  send(method: string, params: object): Promise<{ result: Record<string, unknown> }>;
}
interface BidiNode {
  sharedId?: string;
  value?: { shadowRoot?: { sharedId?: string } | null };
}

/** The assertions every surface must pass, with the figures logged for the report. */
function expectFitsPhone(f: LayoutFacts, where: string, minControls: number): void {
  // The control a finger finds hardest: shortest side first, then least area.
  const size = (t: Box) => Math.min(t.w, t.h) * 1e6 + t.w * t.h;
  const smallest = f.targets.reduce((a, b) => (size(b) < size(a) ? b : a), f.targets[0]!);
  console.log(
    `[measure] ${where}: ${f.targets.length} controls, smallest ${smallest?.w} × ${smallest?.h} px (${smallest?.what}); ` +
      `widest reaches ${Math.round((f.widest.x + f.widest.w) * 10) / 10} of ${f.viewport} px (${f.widest.what}); ` +
      `smallest text ${f.smallestText.px} px (${f.smallestText.what})`,
  );
  expect(f.pointer, 'a touch screen: coarse pointer, no hover').toMatchObject({ coarse: true, hoverNone: true });
  expect(f.viewport).toBe(WIDTH);
  expect(f.scrollWidth, 'the page scrolls sideways').toBeLessThanOrEqual(f.viewport);
  expect(f.outside, 'elements past the screen’s edge').toEqual([]);
  expect(f.smallestText.px, `text smaller than 16 px: ${f.smallestText.what}`).toBeGreaterThanOrEqual(16);
  expect(f.targets.length).toBeGreaterThanOrEqual(minControls);
  expect(
    f.targets.filter((t) => t.w < 44 || t.h < 44),
    'controls smaller than 44 × 44 px',
  ).toEqual([]);
}

/** Scrolls the document's `selector` (the `index`-th) into view and taps its centre. */
async function tapElement(phone: Phone, page: PageHandle, selector: string, index = 0): Promise<void> {
  const c = await page.evaluate(
    ([sel, i]) => {
      const e = document.querySelectorAll(sel)[i];
      if (!e) return null;
      e.scrollIntoView({ block: 'center' });
      const r = e.getBoundingClientRect();
      return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
    },
    [selector, index] as [string, number],
  );
  if (!c) throw new Error(`nothing to tap: ${selector} #${index}`);
  await phone.tap(c.x, c.y);
}

/** Which folds of the document are open, in order. */
const foldsOpen = (page: PageHandle) =>
  page.evaluate(() => Array.from(document.querySelectorAll('details'), (d) => d.open));

/** The banner as a finger meets it: its bar or chip (in the closed shadow root), or neither. */
interface BannerSeen {
  bar: Box | null;
  chip: Box | null;
}
function bannerSeen(roots: (Document | ShadowRoot)[]): BannerSeen {
  const boxOf = (sel: string) => {
    for (const r of roots) {
      const e = r.querySelector(sel);
      const b = e?.getBoundingClientRect();
      if (e && b && b.width > 0 && b.height > 0)
        return { what: sel, x: b.x, y: b.y, w: Math.round(b.width * 10) / 10, h: Math.round(b.height * 10) / 10 };
    }
    return null;
  };
  return { bar: boxOf('.bar'), chip: boxOf('.chip') };
}

for (const browser of ['chromium', 'firefox'] as BrowserName[]) {
  describe(`a phone (360 × 640, touch) in ${browser}`, () => {
    let server: FakePlatform;
    beforeAll(async () => {
      server = await startFakePlatform();
    });
    afterAll(async () => {
      await server?.close();
    });

    describe('the 2021 pattern: no Meta name resolves, the independent DNS says SERVFAIL', () => {
      let s: BrowserSession;
      beforeAll(async () => {
        for (const h of ALL_PLATFORM_HOSTS) server.setDns(h, { status: 2 });
        s = await phoneSession(browser, server, Object.fromEntries(ALL_PLATFORM_HOSTS.map((h) => [h, 'NOTFOUND'])));
        for (const u of ['https://web.whatsapp.com/', 'https://www.facebook.com/', 'https://www.instagram.com/'])
          await s.openPage(u);
        await s.sendMessage({ type: 'check-now' }).catch(() => {});
        const r = await s.waitForReply<StatusReport>(
          { type: 'get-status' },
          (x) => PLATFORMS.filter((p) => down(x, p)).length >= 2,
          60_000,
        );
        expect(PLATFORMS.filter((p) => down(r, p)).length).toBeGreaterThanOrEqual(2);
      }, 90_000);
      afterAll(async () => {
        await s?.close();
        for (const h of ALL_PLATFORM_HOSTS) server.setDns(h, { status: 0, addresses: ['157.240.1.35'] });
      });

      it('popup: fits the screen, text ≥ 16 px, every control ≥ 44 × 44 px, folds open by tap', async () => {
        const page = await s.openExtensionPage('src/popup/index.html');
        const phone = await asPhone(browser, page);
        const shown = await eventually(
          () => page.evaluate(() => document.querySelector('.headline')?.textContent ?? ''),
          (t) => t.length > 0,
          { timeoutMs: 10_000 },
        );
        expect(shown).toMatch(/Meta|WhatsApp|Facebook|Instagram/);
        expectFitsPhone(await phone.inRoots(measure, undefined), `${browser} popup (folds closed)`, 4);
        await phone.shot('popup-meta-2021');

        // Every fold opens by a tap on its summary: history, settings, "क्या हैक हुआ?".
        const before = await foldsOpen(page);
        expect(before.length).toBeGreaterThanOrEqual(2);
        expect(before.every((o) => !o)).toBe(true);
        for (let i = 0; i < before.length; i++) await tapElement(phone, page, 'details > summary', i);
        const after = await eventually(
          () => foldsOpen(page),
          (o) => o.every(Boolean),
          { timeoutMs: 5_000 },
        );
        expect(after).toEqual(before.map(() => true));
        // Now with the settings' toggles and the history's buttons in view too.
        expectFitsPhone(await phone.inRoots(measure, undefined), `${browser} popup (folds open)`, 8);
        await page.evaluate(() => document.querySelector('.settings')?.scrollIntoView({ block: 'start' }));
        await phone.shot('popup-settings');
        await page.close();
      });

      it('error page for www.facebook.com: fits the screen, text ≥ 16 px, every control ≥ 44 × 44 px', async () => {
        const page = await s.openPage();
        const phone = await asPhone(browser, page);
        await page.goto('https://www.facebook.com/', { timeoutMs: 10_000 });
        // Puppeteer does not follow a navigation the extension starts: ask the document.
        const seen = await eventually(
          () =>
            page
              .evaluate(() => ({ url: location.href, text: document.body?.textContent ?? '' }))
              .catch(() => ({ url: '', text: '' })),
          (x) => x.url.startsWith(`${s.extensionOrigin}/src/errorpage/`) && x.text.includes('DNS'),
          { timeoutMs: 20_000 },
        );
        expect(seen.url).toContain('/src/errorpage/');
        expect(seen.text).toContain('Facebook');
        // Chromium drops touch emulation when the tab moves into the extension's process: again.
        const onErrorPage = browser === 'chromium' ? await asPhone(browser, page) : phone;
        expectFitsPhone(await onErrorPage.inRoots(measure, undefined), `${browser} error page`, 1);
        await onErrorPage.shot('errorpage');
        await page.close();
      });
    });

    it('banner over Instagram’s 503s: fits the screen, 16 px, 44 × 44 px; folds by itself, a tap unfolds it, and it folds again', async () => {
      const s = await phoneSession(browser, server);
      try {
        const page = await s.openPage();
        const phone = await asPhone(browser, page);
        await page.goto('https://www.instagram.com/');
        // The real Instagram lays out at the device's width; the fake page has no viewport tag.
        await page.evaluate(() => {
          const m = document.createElement('meta');
          m.name = 'viewport';
          m.content = 'width=device-width, initial-scale=1';
          document.head.append(m);
        });
        server.setMode('instagram.com', 'error', { status: 503 });
        const seen = () => phone.inRoots(bannerSeen, undefined, false);

        const whole = await eventually(seen, (b) => b.bar !== null, { timeoutMs: 40_000 });
        expect(whole.bar, 'the banner never appeared').not.toBeNull();
        const shownAt = Date.now();
        expectFitsPhone(await phone.inRoots(measure, undefined, false), `${browser} banner`, 2);
        console.log(`[measure] ${browser} banner bar ${whole.bar?.w} × ${whole.bar?.h} px`);
        await phone.shot('banner');

        // No pointer rests on it on a phone: it folds on its own (the test build's fold delay).
        const folded = await eventually(seen, (b) => b.chip !== null, { timeoutMs: 15_000 });
        expect(folded, 'did not fold').toMatchObject({ bar: null, chip: expect.any(Object) });
        console.log(`[measure] ${browser} banner folded after ${Date.now() - shownAt} ms`);
        expectFitsPhone(await phone.inRoots(measure, undefined, false), `${browser} banner folded`, 1);
        await phone.shot('banner-folded');

        // A tap on the chip brings the whole banner back…
        const chip = folded.chip as Box;
        await phone.tap(chip.x + chip.w / 2, chip.y + chip.h / 2);
        const unfolded = await eventually(seen, (b) => b.bar !== null, { timeoutMs: 5_000 });
        expect(unfolded, 'a tap on the chip did not unfold it').toMatchObject({ bar: expect.any(Object), chip: null });
        // …and the tap leaves nothing that holds it open: it folds again.
        const again = await eventually(seen, (b) => b.chip !== null, { timeoutMs: 15_000 });
        expect(again, 'did not fold again after the tap').toMatchObject({ bar: null, chip: expect.any(Object) });
        await page.close();
      } finally {
        server.setMode('instagram.com', 'healthy');
        await s.close();
      }
    }, 90_000);
  });
}
