/**
 * What a web page can see and do: forge messages from the main world, fight the banner, probe the
 * extension's files. Each function runs inside the page (serialised: no closures).
 */
import type { PageHandle } from './harness';

/** Posts every forged request the ways a page can (postMessage, CustomEvents, chrome.runtime). */
export function forgeFromPage(page: PageHandle, a: { extensionId: string; requests: unknown[] }) {
  return page.evaluate(async ({ extensionId, requests }: { extensionId: string; requests: unknown[] }) => {
    const answered: string[] = [];
    for (const req of requests) {
      window.postMessage(req, '*');
      window.postMessage({ source: 'nazar', ...(req as object) }, '*');
      window.dispatchEvent(new CustomEvent('nazar', { detail: req }));
      document.dispatchEvent(new CustomEvent('nazar-live', { detail: req }));
      document.documentElement.dispatchEvent(new CustomEvent('message', { detail: req, bubbles: true }));
      // A page gets chrome.runtime only for extensions that list it in externally_connectable.
      const rt = (globalThis as unknown as { chrome?: { runtime?: { sendMessage?: (...a: unknown[]) => unknown } } })
        .chrome?.runtime;
      if (typeof rt?.sendMessage === 'function') {
        try {
          const reply = await new Promise((resolve) => {
            try {
              (rt.sendMessage as (id: string, m: unknown, cb: (r: unknown) => void) => void)(extensionId, req, resolve);
            } catch {
              resolve(undefined);
            }
            setTimeout(() => resolve(undefined), 1000);
          });
          if (reply !== undefined) answered.push(String((req as { type?: string }).type));
        } catch {
          // Refused: what we want.
        }
      }
    }
    await new Promise((r) => setTimeout(r, 500));
    return { answered, runtimeVisible: typeof (globalThis as { chrome?: { runtime?: unknown } }).chrome?.runtime };
  }, a);
}

/** Fetches each path of the extension from the page; returns the ones that could be read. */
export function probeResources(page: PageHandle, a: { origin: string; paths: string[] }) {
  return page.evaluate(async ({ origin, paths }: { origin: string; paths: string[] }) => {
    const readable: string[] = [];
    await Promise.all(
      paths.map(async (p) => {
        try {
          const r = await fetch(`${origin}/${p}`);
          if (r.ok) readable.push(p);
        } catch {
          // Not web-accessible here.
        }
      }),
    );
    return readable.sort();
  }, a);
}

/** The page sends its own tab to one of the extension's pages; true if that page rendered there. */
export async function pageNavigatesTo(page: PageHandle, url: string, renderedSelector: string): Promise<boolean> {
  const refused = await page
    .evaluate((u: string) => {
      try {
        location.href = u;
        return false;
      } catch {
        return true; // Firefox refuses the navigation at once.
      }
    }, url)
    .catch(() => false);
  if (refused) return false;
  const end = Date.now() + 3000;
  let rendered = false;
  while (Date.now() < end && !rendered) {
    await new Promise((r) => setTimeout(r, 250));
    rendered = await page
      .evaluate((sel: string) => document.querySelector(sel) !== null, renderedSelector)
      .catch(() => false);
  }
  return rendered;
}

/** A page that removes the banner every time it appears, until told to stop; counts its removals. */
export function startBannerFight(page: PageHandle) {
  return page.evaluate(() => {
    const w = window as unknown as { __fight?: { removals: number; stop(): void } };
    let removals = 0;
    const obs = new MutationObserver(() => {
      for (const el of document.querySelectorAll('html > :not(head, body)')) {
        el.remove();
        removals++;
      }
    });
    obs.observe(document.documentElement, { childList: true, subtree: true });
    w.__fight = {
      get removals() {
        return removals;
      },
      stop: () => obs.disconnect(),
    };
  });
}

export function stopBannerFight(page: PageHandle): Promise<number> {
  return page.evaluate(() => {
    const w = window as unknown as { __fight?: { removals: number; stop(): void } };
    w.__fight?.stop();
    return w.__fight?.removals ?? 0;
  });
}

/** Page CSS that would wreck any element it reached. */
export const HOSTILE_CSS = [
  '*,*::before,*::after{font-size:40px!important;letter-spacing:12px!important;text-transform:uppercase!important;',
  'font-family:monospace!important;color:#00ff00!important;line-height:5!important;writing-mode:vertical-rl!important}',
  'html{font-size:40px!important;direction:rtl!important}',
  'html > :not(head, body){all:unset!important;display:none!important;height:0!important;transform:scale(0)!important}',
  ':root{color-scheme:dark!important}',
].join('');

export function addPageCss(page: PageHandle, css: string) {
  return page.evaluate((c: string) => {
    const el = document.createElement('style');
    el.textContent = c;
    document.head.append(el);
  }, css);
}

/** Milliseconds a setTimeout(0) takes in the page: a page kept busy by a repair loop shows here. */
export function pageLatency(page: PageHandle) {
  return page.evaluate(
    () =>
      new Promise<number>((r) => {
        const t = performance.now();
        setTimeout(() => r(performance.now() - t), 0);
      }),
  );
}
