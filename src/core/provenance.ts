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
import { attributeOwners, type HostOwner, ownerOfUrl, pageOwner } from './catalogue';
import { otherPort } from './host';
import type { PlatformId } from './types';

/** Where a counted request came from: a platform's page, the user, or a trace that did not say. */
export type Source = 'page' | 'user' | 'unrecorded';

export type RequestAttribution =
  | { platform: PlatformId; weightFactor: number; source: Source }
  | { platform: null; other: boolean };

const IGNORED: RequestAttribution = Object.freeze({ platform: null, other: false });
const OTHER: RequestAttribution = Object.freeze({ platform: null, other: true });

const present = (x: string | undefined): x is string => typeof x === 'string' && x !== '';

export function attributeRequest(d: RequestDetails): RequestAttribution {
  const owner = ownerOfUrl(d.url);
  if (owner === null) return OTHER;
  if (otherPort(d.url) !== '') return IGNORED;
  const top = d.type === 'main_frame';
  const origins = [d.documentUrl, d.originUrl, d.initiator];
  if (!origins.some(present)) {
    const who = attributeOwners(owner, null, false, top);
    return who.platform === null ? who : { ...who, source: top ? 'user' : 'unrecorded' };
  }
  let page: HostOwner | null = null;
  for (const o of origins) {
    if (present(o)) page = pageOwner(o);
    if (page !== null) break;
  }
  if (page === null) return IGNORED;
  const who = attributeOwners(owner, page, true, top);
  return who.platform === null ? who : { ...who, source: 'page' };
}
