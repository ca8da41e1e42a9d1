/**
 * Looking at the banner from outside, the way a person would: its text (Chromium: the DevTools
 * protocol pierces even closed shadow roots; the page itself cannot) and its pixels (a screenshot
 * decoded by the browser, in both browsers). The page's own scripts cannot read either.
 */
import type { BrowserSession, PageHandle } from './harness';

interface CdpNode {
  nodeId: number;
  nodeName: string;
  attributes?: string[];
  nodeType: number;
  nodeValue?: string;
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
}

function textOf(n: CdpNode): string {
  if (n.nodeName === 'STYLE') return '';
  if (n.nodeType === 3) return n.nodeValue ?? '';
  return [...(n.shadowRoots ?? []), ...(n.children ?? [])].map(textOf).join(' ');
}

function findAll(n: CdpNode, name: string, out: CdpNode[] = []): CdpNode[] {
  if (n.nodeName === name) out.push(n);
  for (const c of [...(n.shadowRoots ?? []), ...(n.children ?? [])]) findAll(c, name, out);
  return out;
}

/**
 * The banner's host elements in a DevTools DOM tree: its element name is random per page load, so
 * it is found where the content script puts it, a child of <html> that is neither <head> nor <body>.
 */
export function bannerHosts<N extends { nodeName: string; nodeType?: number; children?: N[] }>(root: N): N[] {
  const html = findAll(root as unknown as CdpNode, 'HTML')[0] as unknown as N | undefined;
  return (html?.children ?? []).filter((c) => c.nodeType === 1 && c.nodeName !== 'HEAD' && c.nodeName !== 'BODY');
}

/** Chromium only: the banner's visible words, or null when there is no banner. */
export async function bannerTextCdp(page: PageHandle): Promise<string | null> {
  // biome-ignore lint/suspicious/noExplicitAny: Playwright's Page, reached through the harness.
  const raw = page.raw as any;
  const cdp = await raw.context().newCDPSession(raw);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    const hosts = bannerHosts(root);
    if (!hosts.length) return null;
    return hosts.map(textOf).join(' | ').replace(/\s+/g, ' ').trim();
  } finally {
    await cdp.detach();
  }
}

/** What the page's own scripts can learn about the banner. */
export function hostFacts(page: PageHandle) {
  return page.evaluate(() => {
    const hosts = document.querySelectorAll('html > :not(head, body)');
    const h = hosts[0] as HTMLElement | undefined;
    if (!h) return { count: 0, shadowRootVisible: false, height: 0, top: -1, text: '' };
    const r = h.getBoundingClientRect();
    return {
      count: hosts.length,
      shadowRootVisible: h.shadowRoot !== null,
      height: Math.round(r.height),
      top: Math.round(r.top),
      text: h.textContent ?? '',
    };
  });
}

/** The colour of the screenshot pixel at (x, y), decoded by the page's own canvas. */
export async function pixelAt(session: BrowserSession, page: PageHandle, x: number, y: number): Promise<number[]> {
  // biome-ignore lint/suspicious/noExplicitAny: Playwright or Puppeteer page.
  const raw = page.raw as any;
  const shot = session.browser === 'chromium' ? await raw.screenshot() : await raw.screenshot({ encoding: 'binary' });
  const dataUrl = `data:image/png;base64,${Buffer.from(shot).toString('base64')}`;
  return page.evaluate(
    async ([src, px, py]: [string, number, number]) => {
      const img = new Image();
      img.src = src;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.naturalWidth;
      c.height = img.naturalHeight;
      const ctx = c.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      return Array.from(ctx.getImageData(px, py, 1, 1).data.slice(0, 3));
    },
    [dataUrl, x, y] as [string, number, number],
  );
}

/** The banner's background colours (src/content/banner-style.ts). */
export const BANNER_RGB = { down: [0x8b, 0x1e, 0x1e], degraded: [0x7a, 0x4b, 0x00], recovered: [0x1d, 0x6b, 0x35] };

export const near = (a: number[], b: number[], tol = 12) =>
  a.length === 3 && a.every((v, i) => Math.abs(v - (b[i] ?? 0)) <= tol);

export async function setViewport(session: BrowserSession, page: PageHandle, width: number, height: number) {
  // biome-ignore lint/suspicious/noExplicitAny: Playwright or Puppeteer page.
  const raw = page.raw as any;
  if (session.browser === 'chromium') await raw.setViewportSize({ width, height });
  else await raw.setViewport({ width, height });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

/** Chromium only: the centre of a button inside the banner's closed shadow root, for a real click. */
export async function buttonCentre(page: PageHandle, cls: string): Promise<{ x: number; y: number }> {
  // biome-ignore lint/suspicious/noExplicitAny: Playwright's Page, reached through the harness.
  const raw = page.raw as any;
  const cdp = await raw.context().newCDPSession(raw);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    const button = findAll(root, 'BUTTON').find((b) => {
      const a = b.attributes ?? [];
      return a[a.indexOf('class') + 1] === cls;
    });
    if (!button) throw new Error(`no .${cls} button in the banner`);
    const { model } = (await cdp.send('DOM.getBoxModel', { nodeId: button.nodeId })) as {
      model: { content: number[] };
    };
    const [x1, y1, , , x3, y3] = model.content as [number, number, number, number, number, number];
    return { x: (x1 + x3) / 2, y: (y1 + y3) / 2 };
  } finally {
    await cdp.detach();
  }
}
