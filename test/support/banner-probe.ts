/** Chromium only: the computed style of the banner's text, read through DevTools (which pierces closed shadow roots). */

import { bannerHosts } from './banner-page';
import type { PageHandle } from './harness';

interface CdpNode {
  nodeId: number;
  nodeName: string;
  nodeType?: number;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
}

function find(n: CdpNode, pred: (n: CdpNode) => boolean): CdpNode | null {
  if (pred(n)) return n;
  for (const c of [...(n.shadowRoots ?? []), ...(n.children ?? [])]) {
    const r = find(c, pred);
    if (r) return r;
  }
  return null;
}

const PROPS = [
  'font-family',
  'font-size',
  'color',
  'letter-spacing',
  'text-transform',
  'line-height',
  'writing-mode',
  'direction',
];

export async function bannerTextStyle(page: PageHandle): Promise<Record<string, string> | null> {
  // biome-ignore lint/suspicious/noExplicitAny: Playwright's Page behind the harness.
  const raw = page.raw as any;
  const cdp = await raw.context().newCDPSession(raw);
  try {
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    const host = bannerHosts(root)[0];
    const text = host && find(host, (n) => n.nodeName === 'SPAN' && (n.attributes ?? []).includes('text'));
    if (!text) return null;
    const { computedStyle } = (await cdp.send('CSS.getComputedStyleForNode', { nodeId: text.nodeId })) as {
      computedStyle: { name: string; value: string }[];
    };
    return Object.fromEntries(computedStyle.filter((p) => PROPS.includes(p.name)).map((p) => [p.name, p.value]));
  } finally {
    await cdp.detach();
  }
}
