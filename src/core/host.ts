/**
 * Fast hostname extraction. `new URL()` costs about a microsecond; the engine sees millions of
 * events, and it keeps only the hostname anyway, so this scans the string once.
 */

/** Where the authority that begins at `start` ends: at the first '/', '?', '#' or '\\', or the URL's end. */
function authorityEnd(url: string, start: number): number {
  for (let i = start; i < url.length; i++) {
    const c = url.charCodeAt(i);
    if (c === 47 || c === 63 || c === 35 || c === 92) return i;
  }
  return url.length;
}

/** Where the host begins in the authority `start`..`end`: after the userinfo's last '@', if any. */
function hostStart(url: string, start: number, end: number): number {
  const at = url.lastIndexOf('@', end - 1);
  return at >= start ? at + 1 : start;
}

/** Lowercase hostname of an absolute URL or origin, without port, userinfo or trailing dot; '' if none. */
export function hostOf(url: string): string {
  const scheme = url.indexOf('://');
  if (scheme <= 0 || scheme > 20) return '';
  const end = authorityEnd(url, scheme + 3);
  const start = hostStart(url, scheme + 3, end);
  let host: string;
  if (url.charCodeAt(start) === 91) {
    // IPv6 literal: [::1]:443
    const close = url.indexOf(']', start);
    host = close > 0 && close < end ? url.slice(start + 1, close) : '';
  } else {
    const colon = url.indexOf(':', start);
    host = url.slice(start, colon >= 0 && colon < end ? colon : end);
  }
  if (host.length > 253) return '';
  return normaliseHost(host);
}

/** Lowercase, no trailing dot. */
export function normaliseHost(host: string): string {
  let h = host.toLowerCase();
  // 46 is '.': "facebook.com." is the same name as "facebook.com".
  while (h.length > 0 && h.charCodeAt(h.length - 1) === 46) h = h.slice(0, -1);
  return h;
}

/** The scheme of a URL in lowercase ('https', 'http', 'chrome-extension', …), or ''. */
export function schemeOf(url: string): string {
  const i = url.indexOf(':');
  return i > 0 && i < 24 ? url.slice(0, i).toLowerCase() : '';
}

/**
 * A copy of a short string that does not keep a long parent alive: V8 may represent a slice as a
 * view into the original (a 2 MB URL, say); concatenating and slicing again forces a flat copy.
 */
export function detach(s: string): string {
  return ` ${s}`.slice(1);
}

const DEFAULT_PORT: Record<string, string> = { https: '443', wss: '443', http: '80', ws: '80' };

/**
 * The explicit port of an absolute URL or origin when it is not its scheme's default, else ''.
 * Browsers drop default ports from the URLs they report, so any port here is one a page chose.
 */
export function otherPort(url: string): string {
  const scheme = url.indexOf('://');
  if (scheme <= 0 || scheme > 20) return '';
  // The common case, cheaply: no ':' between the scheme and the path. Searched backwards from the
  // path's first '/', so a long path or query is never read.
  const firstSlash = url.indexOf('/', scheme + 3);
  if (url.lastIndexOf(':', firstSlash < 0 ? url.length : firstSlash) < scheme + 3) return '';
  const end = authorityEnd(url, scheme + 3);
  const start = hostStart(url, scheme + 3, end);
  const close = url.charCodeAt(start) === 91 ? url.indexOf(']', start) : start;
  const colon = url.indexOf(':', close < 0 ? start : close);
  if (colon < 0 || colon >= end) return '';
  const port = url.slice(colon + 1, end).replace(/^0+(?=\d)/, '');
  if (port === '') return '';
  return DEFAULT_PORT[url.slice(0, scheme).toLowerCase()] === port ? '' : port;
}
