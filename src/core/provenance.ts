/**
 * Whose evidence is a request? Only the platforms' own pages, and the user, can speak for a
 * platform: any web page can make the browser request a watched URL and fail (issue 12).
 *
 * - A request counts when its initiator, originUrl or documentUrl is one of the platforms' own
 *   pages (`pageOwner`), or when it is a top-level load with none of them: one the user started
 *   (typed, a bookmark, a link from another app). Traces recorded without those fields count as
 *   before (the trace format makes them optional).
 * - Present but not a platform's page: an opaque origin (Chromium's "null" for sandboxed and
 *   data: frames, Firefox's about:srcdoc / data: / blob:), another site (its pixel, its fetch, a
 *   popup it opened), another extension: the request counts for nothing.
 * - A URL with a port other than its scheme's default is no platform's service: ignored.
 */
import type { RequestDetails } from './api';
import { type HostOwner, ownerOfUrl, pageOwner } from './catalogue';
import { otherPort } from './host';
import { memo } from './memo';
import { PLATFORMS, type PlatformId } from './types';

/** Where a counted request came from: a platform's page, the user, or a trace that did not say. */
export type Source = 'page' | 'user' | 'unrecorded';

export type RequestAttribution =
  | { readonly platform: PlatformId; readonly weightFactor: number; readonly source: Source }
  | { readonly platform: null; readonly other: boolean };

const IGNORED: RequestAttribution = Object.freeze({ platform: null, other: false });
const OTHER: RequestAttribution = Object.freeze({ platform: null, other: true });

// Every possible answer, made once: this runs for every request the browser reports.
const SOURCES: readonly Source[] = ['page', 'user', 'unrecorded'];
const COUNTED = Object.fromEntries(
  SOURCES.map((source) => [
    source,
    Object.fromEntries(
      PLATFORMS.map((platform) => [
        platform,
        [1, 0.5].map((weightFactor) => Object.freeze({ platform, weightFactor, source })),
      ]),
    ),
  ]),
) as unknown as Record<Source, Record<PlatformId, [RequestAttribution, RequestAttribution]>>;

/** pageOwner of the few distinct origins a browser reports, looked up once each. */
const pageOf = /* @__PURE__ */ memo(pageOwner, 120);

/** What a request's URL alone says: a Meta owner, not Meta's at all, or a port no platform serves on. */
type UrlVerdict = HostOwner | 'not-meta' | 'other-port';

/**
 * urlVerdict of the few hundred distinct URLs (origins, once validated) a browser reports, worked
 * out once each: one Map lookup per request instead of the owner lookup plus a port scan.
 */
const urlVerdict = /* @__PURE__ */ memo((url: string): UrlVerdict => {
  const owner = ownerOfUrl(url);
  if (owner === null) return 'not-meta';
  return otherPort(url) !== '' ? 'other-port' : owner;
}, 80);

export function attributeRequest(d: RequestDetails): RequestAttribution {
  const owner = urlVerdict(d.url);
  if (owner === 'not-meta') return OTHER;
  if (owner === 'other-port') return IGNORED;
  let named = false;
  let page: HostOwner | null = null;
  // Any one of the three naming a platform's page is enough; documentUrl first (Firefox's page).
  if (d.documentUrl) {
    named = true;
    page = pageOf(d.documentUrl);
  }
  if (page === null && d.originUrl) {
    named = true;
    page = pageOf(d.originUrl);
  }
  if (page === null && d.initiator) {
    named = true;
    page = pageOf(d.initiator);
  }
  if (named && page === null) return IGNORED;
  const source: Source = named ? 'page' : d.type === 'main_frame' ? 'user' : 'unrecorded';
  const by = COUNTED[source];
  // The page that loaded Meta's shared CDN or SDK says whose they are; the CDN alone is Facebook's, half.
  const pagePlatform: PlatformId | null = page === 'shared-cdn' ? 'facebook' : (page as PlatformId | null);
  if (owner === 'shared-cdn') return pagePlatform ? by[pagePlatform][0] : by.facebook[1];
  if (owner === 'meta-sdk') return pagePlatform ? by[pagePlatform][0] : IGNORED;
  return by[owner][0];
}
