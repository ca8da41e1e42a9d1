/** Opening the popup page in a test browser, reading what it shows, and saving full-page screenshots. */
import type { PlatformId } from '../../src/core/types';
import type { StatusReport } from '../../src/shared/protocol/messages';
import { eventually } from './eventually';
import type { BrowserSession, PageHandle } from './harness';
import { screenshotPath } from './harness/session';

export interface PopupFacts {
  headline: string;
  rows: Record<string, string>;
  text: string;
  overflowX: boolean;
  /** Elements whose text is cut off (scrollWidth beyond their box). */
  clipped: string[];
  lang: string;
  firstRenderMs: number | null;
  /** DOMContentLoaded end, to separate the machine's page-load time from the popup's own work. */
  domReadyMs: number;
  /** From the popup script's start to the first render with content: the popup's own time. */
  ownRenderMs: number | null;
  explanations: { cause: string; scope: string }[];
  fontFamily: string;
  letterSpacing: string;
}

export const down = (p: PlatformId) => (r: StatusReport) =>
  ['down', 'degraded'].includes(r?.platforms?.[p]?.verdict?.status ?? '');

export async function openPopup(s: BrowserSession, width = 380, query = ''): Promise<PageHandle> {
  const page = await s.openExtensionPage(`src/popup/index.html${query}`);
  // biome-ignore lint/suspicious/noExplicitAny: Playwright or Puppeteer page.
  const raw = page.raw as any;
  const resize = (w: number) =>
    s.browser === 'chromium'
      ? raw.setViewportSize({ width: w, height: 700 })
      : raw.setViewport({ width: w, height: 700 });
  await resize(width);
  await waitFor(page, () => !!document.querySelector('.headline'));
  // A toolbar popup is sized to its content plus any scrollbar (Firefox's take ~12 px); a tab is not.
  // Give the tab the same room, so `width` is the content width the reader gets.
  const bar = await page.evaluate(() => window.innerWidth - document.documentElement.clientWidth);
  if (bar > 0) await resize(width + bar);
  return page;
}

/** Waits until `fn`, run in the page, returns true; throws naming `fn` otherwise. */
export async function waitFor(page: PageHandle, fn: () => boolean, timeoutMs = 10_000): Promise<void> {
  await eventually(() => page.evaluate(fn).catch(() => false), Boolean, {
    what: `${fn} in the page`,
    timeoutMs,
    intervalMs: 100,
  });
}

export function popupFacts(page: PageHandle): Promise<PopupFacts> {
  return page.evaluate(() => {
    const q = (sel: string) => Array.from(document.querySelectorAll<HTMLElement>(sel));
    const rows: Record<string, string> = {};
    for (const r of q('.row')) rows[r.dataset.platform ?? ''] = r.dataset.status ?? '';
    const clipped = q('p, li, h1, h2, h3, button, span, label')
      // Visually hidden headings (1 px wide, for screen readers) are clipped on purpose.
      .filter((e) => e.offsetParent !== null && e.clientWidth > 2 && e.scrollWidth > e.clientWidth + 1)
      .filter((e) => getComputedStyle(e).overflowX !== 'visible')
      .map(
        (e) => `${e.tagName}.${e.className}:${e.clientWidth}/${e.scrollWidth}:${(e.textContent ?? '').slice(0, 40)}`,
      );
    const mark = performance.getEntriesByName('nazar-first-render')[0];
    const started = performance.getEntriesByName('nazar-script-start')[0];
    const body = getComputedStyle(document.querySelector('.headline') as HTMLElement);
    return {
      headline: document.querySelector('.headline')?.textContent ?? '',
      rows,
      // biome-ignore lint/performance/useDomNodeTextContent: the text as the reader sees it, not hidden headings.
      text: document.body.innerText,
      overflowX: document.documentElement.scrollWidth > document.documentElement.clientWidth,
      clipped,
      lang: document.documentElement.lang,
      firstRenderMs: mark ? Math.round(mark.startTime) : null,
      ownRenderMs: mark && started ? Math.round(mark.startTime - started.startTime) : null,
      domReadyMs: Math.round(
        (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventEnd,
      ),
      explanations: q('.nz-explain').map((e) => ({ cause: e.dataset.cause ?? '', scope: e.dataset.scope ?? '' })),
      fontFamily: body.fontFamily,
      letterSpacing: body.letterSpacing,
    };
  });
}

/** Opens every fold and "क्या हैक हुआ?" so the screenshot shows everything, then saves the full page. */
export async function fullShot(s: BrowserSession, page: PageHandle, name: string, openFolds = false): Promise<string> {
  await page.evaluate(async (folds: boolean) => {
    for (const d of document.querySelectorAll<HTMLDetailsElement>(folds ? 'details' : 'details.nz-hack')) d.open = true;
    // Two frames: the opened folds are laid out and painted.
    for (let i = 0; i < 2; i++) await new Promise((r) => requestAnimationFrame(r));
  }, openFolds);
  const path = screenshotPath(s.browser, name);
  // biome-ignore lint/suspicious/noExplicitAny: Playwright or Puppeteer page.
  await (page.raw as any).screenshot({ path, fullPage: true });
  return path;
}
