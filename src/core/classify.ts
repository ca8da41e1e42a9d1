/**
 * Both browsers' failure strings, normalised into one ErrorClass. The strings are not a stable
 * API (both vendors say so), so anything unrecognised is `unknown`, never an exception.
 * Sources: Chromium net/base/net_error_list.h; Gecko xpcom/base/ErrorList.py; MDN webRequest.
 */
import type { ErrorClass } from './types';

const CHROMIUM: Record<string, ErrorClass> = {
  // Cancelled by the page, the user or the browser itself.
  ABORTED: 'ignore',
  NETWORK_IO_SUSPENDED: 'ignore',
  CONTEXT_SHUT_DOWN: 'ignore',
  BLOCKED_BY_CSP: 'ignore',
  BLOCKED_BY_ORB: 'ignore',
  BLOCKED_BY_RESPONSE: 'ignore',
  BLOCKED_BY_CORB: 'ignore',
  // Blocked on this device: an ad blocker, an admin policy.
  BLOCKED_BY_CLIENT: 'ignore',
  BLOCKED_BY_ADMINISTRATOR: 'ignore',
  BLOCKED_BY_PRIVATE_NETWORK_ACCESS_CHECKS: 'ignore',
  CACHE_MISS: 'ignore',
  INVALID_URL: 'ignore',
  UNKNOWN_URL_SCHEME: 'ignore',
  DISALLOWED_URL_SCHEME: 'ignore',
  UNSAFE_REDIRECT: 'ignore',
  UNSAFE_PORT: 'ignore',
  INSUFFICIENT_RESOURCES: 'ignore',
  OUT_OF_MEMORY: 'ignore',
  FILE_NOT_FOUND: 'ignore',
  // The user's own connection.
  INTERNET_DISCONNECTED: 'offline',
  NETWORK_CHANGED: 'offline',
  NETWORK_ACCESS_DENIED: 'offline',
  PROXY_CONNECTION_FAILED: 'offline',
  TUNNEL_CONNECTION_FAILED: 'offline',
  NO_SUPPORTED_PROXIES: 'offline',
  PROXY_AUTH_UNSUPPORTED: 'offline',
  MANDATORY_PROXY_CONFIGURATION_FAILED: 'offline',
  // DNS.
  NAME_NOT_RESOLVED: 'dns',
  NAME_RESOLUTION_FAILED: 'dns',
  DNS_TIMED_OUT: 'dns',
  DNS_SERVER_FAILED: 'dns',
  DNS_MALFORMED_RESPONSE: 'dns',
  DNS_SORT_ERROR: 'dns',
  ICANN_NAME_COLLISION: 'dns',
  // Names resolve, the connection fails.
  CONNECTION_TIMED_OUT: 'unreachable',
  TIMED_OUT: 'unreachable',
  CONNECTION_REFUSED: 'unreachable',
  CONNECTION_FAILED: 'unreachable',
  CONNECTION_RESET: 'unreachable',
  CONNECTION_CLOSED: 'unreachable',
  CONNECTION_ABORTED: 'unreachable',
  ADDRESS_UNREACHABLE: 'unreachable',
  ADDRESS_INVALID: 'unreachable',
  EMPTY_RESPONSE: 'unreachable',
  SOCKET_NOT_CONNECTED: 'unreachable',
  QUIC_PROTOCOL_ERROR: 'unreachable',
  QUIC_HANDSHAKE_FAILED: 'unreachable',
  HTTP2_PROTOCOL_ERROR: 'unreachable',
  HTTP2_PING_FAILED: 'unreachable',
  HTTP2_SERVER_REFUSED_STREAM: 'unreachable',
  SPDY_PROTOCOL_ERROR: 'unreachable',
  SPDY_PING_FAILED: 'unreachable',
  CONTENT_LENGTH_MISMATCH: 'unreachable',
  INCOMPLETE_CHUNKED_ENCODING: 'unreachable',
  // A server that answers nonsense is a server problem.
  INVALID_RESPONSE: 'server',
  INVALID_HTTP_RESPONSE: 'server',
  RESPONSE_HEADERS_TRUNCATED: 'server',
  // Certificates and TLS: interception, captive portals, a wrong clock.
  SSL_PROTOCOL_ERROR: 'tls',
  BAD_SSL_CLIENT_AUTH_CERT: 'tls',
  CERTIFICATE_TRANSPARENCY_REQUIRED: 'tls',
};

/** Firefox's NS_* names. */
const GECKO: Record<string, ErrorClass> = {
  NS_BINDING_ABORTED: 'ignore',
  NS_BINDING_REDIRECTED: 'ignore',
  NS_BINDING_RETARGETED: 'ignore',
  NS_ERROR_DOCSHELL_DYING: 'ignore',
  NS_ERROR_ABORT: 'ignore',
  NS_ERROR_PARSED_DATA_CACHED: 'ignore',
  NS_ERROR_INTERCEPTION_FAILED: 'ignore',
  NS_ERROR_PORT_ACCESS_NOT_ALLOWED: 'ignore',
  NS_ERROR_MALFORMED_URI: 'ignore',
  NS_ERROR_UNKNOWN_PROTOCOL: 'ignore',
  NS_ERROR_DOM_BAD_URI: 'ignore',
  NS_ERROR_FILE_NOT_FOUND: 'ignore',
  NS_ERROR_DOCUMENT_NOT_CACHED: 'ignore',
  NS_ERROR_LOAD_SHOWED_ERRORPAGE: 'ignore',
  // Tracking protection, Safe Browsing and policy: blocked on this device.
  NS_ERROR_TRACKING_URI: 'ignore',
  NS_ERROR_FINGERPRINTING_URI: 'ignore',
  NS_ERROR_CRYPTOMINING_URI: 'ignore',
  NS_ERROR_SOCIALTRACKING_URI: 'ignore',
  NS_ERROR_EMAILTRACKING_URI: 'ignore',
  NS_ERROR_MALWARE_URI: 'ignore',
  NS_ERROR_PHISHING_URI: 'ignore',
  NS_ERROR_UNWANTED_URI: 'ignore',
  NS_ERROR_HARMFUL_URI: 'ignore',
  NS_ERROR_BLOCKED_URI: 'ignore',
  NS_ERROR_CONTENT_BLOCKED: 'ignore',
  NS_ERROR_CONTENT_BLOCKED_SHOW_ALT: 'ignore',
  NS_ERROR_BLOCKED_BY_POLICY: 'ignore',
  NS_ERROR_OFFLINE: 'offline',
  NS_ERROR_PROXY_CONNECTION_REFUSED: 'offline',
  NS_ERROR_UNKNOWN_PROXY_HOST: 'offline',
  NS_ERROR_PROXY_AUTHENTICATION_FAILED: 'offline',
  NS_ERROR_PROXY_BAD_GATEWAY: 'offline',
  NS_ERROR_PROXY_GATEWAY_TIMEOUT: 'offline',
  // MDN: an offline Firefox may report this state name as the error.
  NS_ERROR_NET_ON_RESOLVED: 'offline',
  NS_ERROR_UNKNOWN_HOST: 'dns',
  NS_ERROR_NET_ON_RESOLVING: 'dns',
  NS_ERROR_DNS_LOOKUP_QUEUE_FULL: 'dns',
  NS_ERROR_NET_TIMEOUT: 'unreachable',
  NS_ERROR_NET_TIMEOUT_EXTERNAL: 'unreachable',
  NS_ERROR_CONNECTION_REFUSED: 'unreachable',
  NS_ERROR_NET_RESET: 'unreachable',
  NS_ERROR_NET_INTERRUPT: 'unreachable',
  NS_ERROR_NET_PARTIAL_TRANSFER: 'unreachable',
  NS_ERROR_NET_EMPTY_RESPONSE: 'unreachable',
  NS_ERROR_NET_HTTP2_SENT_GOAWAY: 'unreachable',
  NS_ERROR_NET_HTTP3_PROTOCOL_ERROR: 'unreachable',
  NS_ERROR_NOT_CONNECTED: 'unreachable',
  NS_ERROR_NET_ON_CONNECTING_TO: 'unreachable',
  NS_ERROR_NET_ON_CONNECTED_TO: 'unreachable',
  NS_ERROR_NET_ON_WAITING_FOR: 'unreachable',
  NS_ERROR_NET_ON_SENDING_TO: 'unreachable',
  NS_ERROR_NET_ON_RECEIVING_FROM: 'unreachable',
  NS_ERROR_NET_ON_TLS_HANDSHAKE_STARTED: 'unreachable',
  NS_ERROR_NET_ON_TLS_HANDSHAKE_ENDED: 'unreachable',
  NS_ERROR_NET_ON_TRANSACTION_CLOSE: 'unreachable',
  NS_ERROR_CORRUPTED_CONTENT: 'server',
  NS_ERROR_INVALID_CONTENT_ENCODING: 'server',
  NS_ERROR_REDIRECT_LOOP: 'server',
  NS_ERROR_NET_INADEQUATE_SECURITY: 'tls',
};

/** Gecko nsresult codes in the network module (6): 0x804B0000 + n, as webNavigation reports them. */
const NETWORK_BASE = 0x804b0000;
const GECKO_NUMERIC: Record<number, string> = {
  [NETWORK_BASE + 2]: 'NS_BINDING_ABORTED',
  [NETWORK_BASE + 3]: 'NS_BINDING_REDIRECTED',
  [NETWORK_BASE + 4]: 'NS_BINDING_RETARGETED',
  [NETWORK_BASE + 10]: 'NS_ERROR_MALFORMED_URI',
  [NETWORK_BASE + 12]: 'NS_ERROR_NOT_CONNECTED',
  [NETWORK_BASE + 13]: 'NS_ERROR_CONNECTION_REFUSED',
  [NETWORK_BASE + 14]: 'NS_ERROR_NET_TIMEOUT',
  [NETWORK_BASE + 16]: 'NS_ERROR_OFFLINE',
  [NETWORK_BASE + 18]: 'NS_ERROR_UNKNOWN_PROTOCOL',
  [NETWORK_BASE + 19]: 'NS_ERROR_PORT_ACCESS_NOT_ALLOWED',
  [NETWORK_BASE + 20]: 'NS_ERROR_NET_RESET',
  [NETWORK_BASE + 27]: 'NS_ERROR_INVALID_CONTENT_ENCODING',
  [NETWORK_BASE + 29]: 'NS_ERROR_CORRUPTED_CONTENT',
  [NETWORK_BASE + 30]: 'NS_ERROR_UNKNOWN_HOST',
  [NETWORK_BASE + 31]: 'NS_ERROR_REDIRECT_LOOP',
  [NETWORK_BASE + 33]: 'NS_ERROR_DNS_LOOKUP_QUEUE_FULL',
  [NETWORK_BASE + 42]: 'NS_ERROR_UNKNOWN_PROXY_HOST',
  [NETWORK_BASE + 70]: 'NS_ERROR_DOCUMENT_NOT_CACHED',
  [NETWORK_BASE + 71]: 'NS_ERROR_NET_INTERRUPT',
  [NETWORK_BASE + 72]: 'NS_ERROR_PROXY_CONNECTION_REFUSED',
  [NETWORK_BASE + 76]: 'NS_ERROR_NET_PARTIAL_TRANSFER',
  [NETWORK_BASE + 77]: 'NS_ERROR_LOAD_SHOWED_ERRORPAGE',
  [NETWORK_BASE + 78]: 'NS_ERROR_DOCSHELL_DYING',
  [NETWORK_BASE + 82]: 'NS_ERROR_NET_INADEQUATE_SECURITY',
  [NETWORK_BASE + 85]: 'NS_ERROR_NET_TIMEOUT_EXTERNAL',
  [NETWORK_BASE + 100]: 'NS_ERROR_INTERCEPTION_FAILED',
  2147500036: 'NS_ERROR_ABORT',
};
/** NS_ERROR_MODULE_SECURITY (21): every NSS SEC_/SSL_ error lives in 0x805A0000–0x805AFFFF. */
const SECURITY_MODULE = 0x805a;

/** Localised NSS messages ("Peer’s Certificate has expired.") carry no code; these words do. */
const TLS_TEXT = /SEC_ERROR_|SSL_ERROR_|MOZILLA_PKIX_ERROR_|certificat|zertifikat|security protocol|secure connection/i;

const cache = new Map<string, ErrorClass>();

/** A table lookup that ignores inherited keys ("constructor", "__proto__" are error strings too). */
function own<K extends string | number, V>(table: Record<K, V>, key: K): V | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

/** Normalise a webRequest/webNavigation error string of either browser. */
export function classifyError(error: unknown): ErrorClass {
  if (typeof error !== 'string' || error.length === 0) return 'unknown';
  const hit = cache.get(error);
  if (hit !== undefined) return hit;
  const cls = classifyUncached(error.length > 300 ? error.slice(0, 300) : error);
  if (cache.size > 1024) cache.clear();
  cache.set(error, cls);
  return cls;
}

function classifyUncached(raw: string): ErrorClass {
  const s = raw.trim();
  const chromium = /^(?:net::)?ERR_([A-Z0-9_]+)$/.exec(s);
  if (chromium) {
    const name = chromium[1]!;
    const known = own(CHROMIUM, name);
    if (known) return known;
    if (name.startsWith('CERT_') || name.startsWith('SSL_')) return 'tls';
    if (name.startsWith('DNS_')) return 'dns';
    if (name.startsWith('PROXY_')) return 'offline';
    if (name.startsWith('BLOCKED_BY_')) return 'ignore';
    if (name.startsWith('QUIC_') || name.startsWith('HTTP2_')) return 'unreachable';
    return 'unknown';
  }
  const numeric = /^(?:Error code )?(\d{9,10})$/i.exec(s) ?? /^0x([0-9a-f]{8})$/i.exec(s);
  if (numeric) {
    const code = s.toLowerCase().startsWith('0x') ? Number.parseInt(numeric[1]!, 16) : Number(numeric[1]);
    const name = own(GECKO_NUMERIC, code);
    if (name) return own(GECKO, name) ?? 'unknown';
    if (code >>> 16 === SECURITY_MODULE) return 'tls';
    return 'unknown';
  }
  const gecko = own(GECKO, s);
  if (gecko) return gecko;
  if (/^NS_ERROR_[A-Z_]*TRACKING[A-Z_]*_URI$/.test(s)) return 'ignore';
  if (/^NS_ERROR_NET_ON_/.test(s)) return 'unreachable';
  if (/^NS_ERROR_PROXY_/.test(s)) return 'offline';
  if (TLS_TEXT.test(s)) return 'tls';
  return 'unknown';
}

/** An HTTP status: 5xx is the server's fault; anything else means a working server (a 404 included). */
export function classifyStatus(statusCode: number): ErrorClass {
  return statusCode >= 500 && statusCode <= 599 ? 'server' : 'ok';
}

/**
 * Resets are the signature of Indian ISPs' SNI filtering (Jio, Airtel): the connection dies right
 * after the TLS ClientHello. Timeouts and refusals are not.
 */
export function isResetError(error: unknown): boolean {
  return (
    typeof error === 'string' && /CONNECTION_RESET|NET_RESET|2152398868|EMPTY_RESPONSE|CONNECTION_CLOSED/.test(error)
  );
}
