/**
 * Which hostnames belong to which platform, and how much a request to them says.
 * Matching is exact or by whole-label suffix ("x.whatsapp.net" matches "whatsapp.net";
 * "evilwhatsapp.net" does not).
 */

import { detach, hostOf, normaliseHost, otherPort, schemeOf } from './host';
import { memo } from './memo';
import { META_SHARED_DOMAINS, PLATFORM_TABLE, platformOfPage } from './platforms';
import type { PlatformId } from './types';

/** A host's owner: a platform, Meta's shared CDN (attributed by who loaded it), or Meta's SDK host. */
export type HostOwner = PlatformId | 'shared-cdn' | 'meta-sdk';

/** Registrable domains and their owners (platforms.ts); every subdomain belongs to the same owner. */
export const CATALOGUE: Readonly<Record<string, HostOwner>> = {
  ...Object.fromEntries(
    Object.entries(PLATFORM_TABLE).flatMap(([id, p]) =>
      p.domains.map((d): [string, HostOwner] => [d, id as PlatformId]),
    ),
  ),
  ...META_SHARED_DOMAINS,
};

/** The name the engine asks DNS-over-HTTPS about for each platform. */
export const MAIN_HOST: Readonly<Record<PlatformId, string>> = {
  whatsapp: PLATFORM_TABLE.whatsapp.dnsName,
  facebook: PLATFORM_TABLE.facebook.dnsName,
  instagram: PLATFORM_TABLE.instagram.dnsName,
};

/** Match patterns (manifest host_permissions syntax) covering every catalogue domain. */
export const HOST_MATCH_PATTERNS: readonly string[] = Object.keys(CATALOGUE).flatMap((d) => [
  `*://${d}/*`,
  `*://*.${d}/*`,
]);

const UNUSUAL_HOST = /[^a-z0-9.-]|\.$|^$/;
const DOMAINS: readonly [string, string, HostOwner][] = Object.entries(CATALOGUE).map(([d, o]) => [d, `.${d}`, o]);

/** The owner of a hostname (any case, trailing dot allowed), or null when it is not Meta's. */
export function ownerOfHost(rawHost: string): HostOwner | null {
  const host = normaliseHost(rawHost);
  // A linear scan of a dozen suffixes beats hashing a fresh string into a Map, and needs no cache.
  for (const [domain, dotted, owner] of DOMAINS) {
    if (host.endsWith(dotted) || host === domain) return owner;
  }
  return null;
}

/**
 * The platform a hostname belongs to on its own: fbcdn.net counts as Facebook (its owner), the
 * SDK host facebook.net as none, because only the page that loaded it can say what it was for.
 */
export function platformOfHost(host: string): PlatformId | null {
  const owner = ownerOfHost(host);
  if (owner === 'shared-cdn') return 'facebook';
  if (owner === 'meta-sdk' || owner === null) return null;
  return owner;
}

/** True for any Meta-owned hostname in the catalogue. */
export function isMetaHost(host: string): boolean {
  return ownerOfHost(host) !== null;
}

export { platformOfPage };

/** The pages the content script runs on (https only, default port), as in manifest.json content_scripts. */
export function isWatchedPageUrl(url: string): boolean {
  if (typeof url !== 'string' || schemeOf(url) !== 'https' || otherPort(url) !== '') return false;
  return platformOfPage(hostOf(url)) !== null;
}

/**
 * Host names Nazar may show and store as they are: the platforms' own, fixed names. Any other name
 * under a catalogue domain is shown as that domain ("call-1800-000-2-for-help.whatsapp.net" →
 * "whatsapp.net"): a label a page chose must never reach the popup, the history or the error page.
 */
export const KNOWN_HOSTS: ReadonlySet<string> = new Set([
  // The pages the content script runs on (manifest.json content_scripts).
  ...Object.values(PLATFORM_TABLE).flatMap((p) => p.pages),
  ...Object.values(MAIN_HOST),
  'whatsapp.com',
  'www.whatsapp.com',
  'api.whatsapp.com',
  'static.whatsapp.net',
  'mmg.whatsapp.net',
  'pps.whatsapp.net',
  'media.whatsapp.net',
  'wa.me',
  'facebook.com',
  'edge-chat.facebook.com',
  'graph.facebook.com',
  'upload.facebook.com',
  'static.xx.fbcdn.net',
  'scontent.xx.fbcdn.net',
  'video.xx.fbcdn.net',
  'connect.facebook.net',
  'lookaside.fbsbx.com',
  'messenger.com',
  'www.messenger.com',
  'instagram.com',
  'i.instagram.com',
  'graph.instagram.com',
  'static.cdninstagram.com',
  'scontent.cdninstagram.com',
]);

/** The name to show or store for a hostname: itself when known, else its catalogue domain; '' when not Meta's. */
export function shownHost(rawHost: string): string {
  const host = normaliseHost(rawHost);
  if (KNOWN_HOSTS.has(host)) return host;
  for (const [domain, dotted] of DOMAINS) if (host.endsWith(dotted) || host === domain) return domain;
  return '';
}

/**
 * The name the engine records for a failing request: shownHost of the URL's host (or of a bare
 * hostname), as a copy of its own. Runs on every failure, for a few dozen distinct origins: each is
 * worked out once.
 */
export const shownHostOfUrl = /* @__PURE__ */ memo(
  // A copy: the name is kept in the engine's state, and must not keep a long URL alive with it.
  (urlOrHost: string): string => detach(shownHost(urlOrHost.includes('://') ? hostOf(urlOrHost) : urlOrHost)),
  80,
);

/** Host names read back from storage or a message, as `shownHost` gives them: no others, no repeats. */
export function shownHosts(list: unknown): string[] {
  if (!Array.isArray(list)) return [];
  const out: string[] = [];
  for (const h of list) {
    const name = typeof h === 'string' && h.length <= 253 ? shownHost(h) : '';
    if (name && !out.includes(name)) out.push(name);
  }
  return out;
}

/**
 * The owner of the page an initiator, originUrl or documentUrl names, when it is one of the
 * platforms' own pages: http(s), default port, a platform's domain (or Meta's shared CDN, whose
 * frames are Facebook's). Opaque origins ("null", about:srcdoc, data:, blob:), other sites,
 * extensions and the SDK host facebook.net are no platform's page: null.
 */
export function pageOwner(origin: string): HostOwner | null {
  const scheme = schemeOf(origin);
  if ((scheme !== 'https' && scheme !== 'http') || otherPort(origin) !== '') return null;
  const owner = ownerOfUrl(origin);
  return owner === 'meta-sdk' ? null : owner;
}

export type Attribution = { platform: PlatformId; weightFactor: number } | { platform: null; other: boolean };

/**
 * Whose evidence is a request to `host`, given the page that started it (`initiatorHost`, '' when
 * unknown or the extension itself)? A Meta host loaded by a non-Meta site (the pixel or SDK on a news
 * site, often blocked by an ad blocker) says nothing about the platform. `other` marks non-Meta hosts,
 * which only tell about the user's own connection.
 */
export function attribute(host: string, initiatorHost: string, isTopLevel: boolean): Attribution {
  return attributeOwners(
    ownerOfHost(host),
    initiatorHost ? ownerOfHost(initiatorHost) : null,
    initiatorHost !== '',
    isTopLevel,
  );
}

/** attribute() on owners already looked up (the engine's hot path). */
export function attributeOwners(
  owner: HostOwner | null,
  initOwner: HostOwner | null,
  hasInitiator: boolean,
  isTopLevel: boolean,
): Attribution {
  if (owner === null) return { platform: null, other: true };
  if (hasInitiator && initOwner === null && !isTopLevel) return { platform: null, other: false };
  const initPlatform = initOwner === 'shared-cdn' ? 'facebook' : initOwner === 'meta-sdk' ? null : initOwner;
  if (owner === 'shared-cdn') {
    if (initPlatform) return { platform: initPlatform, weightFactor: 1 };
    return { platform: 'facebook', weightFactor: 0.5 };
  }
  if (owner === 'meta-sdk') {
    return initPlatform ? { platform: initPlatform, weightFactor: 1 } : { platform: null, other: false };
  }
  return { platform: owner, weightFactor: 1 };
}

/**
 * ownerOfHost(hostOf(url)) without building the hostname string: the hot path of the engine.
 * Browsers hand over canonical URLs (lowercase host, no trailing dot); anything unusual takes the
 * slow, general path.
 */
// Validated events carry origins ("https://web.whatsapp.com/"): a few hundred distinct strings.
export const ownerOfUrl = /* @__PURE__ */ memo(ownerOfUrlUncached, 80);

function ownerOfUrlUncached(url: string): HostOwner | null {
  const scheme = url.indexOf('://');
  if (scheme <= 0 || scheme > 20) return null;
  const start = scheme + 3;
  let end = url.indexOf('/', start);
  if (end < 0) end = url.length;
  const host = url.slice(start, end);
  // Ports, userinfo, uppercase, a trailing dot, '?' or '#' right after the host: the general path.
  if (UNUSUAL_HOST.test(host)) return ownerOfHost(hostOf(url));
  for (let i = 0; i < DOMAINS.length; i++) {
    const [domain, dotted, owner] = DOMAINS[i]!;
    if (host.endsWith(dotted) || host === domain) return owner;
  }
  return null;
}
