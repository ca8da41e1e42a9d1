import { describe, expect, it } from 'vitest';
import { classifyError, classifyStatus, isResetError } from '../../../src/core/classify';

describe('classifyError', () => {
  it.each([
    // Chromium
    ['net::ERR_ABORTED', 'ignore'],
    ['net::ERR_BLOCKED_BY_CLIENT', 'ignore'],
    ['net::ERR_BLOCKED_BY_ADMINISTRATOR', 'ignore'],
    ['net::ERR_BLOCKED_BY_ORB', 'ignore'],
    ['net::ERR_BLOCKED_BY_CSP', 'ignore'],
    ['net::ERR_NETWORK_IO_SUSPENDED', 'ignore'],
    ['net::ERR_INTERNET_DISCONNECTED', 'offline'],
    ['net::ERR_NETWORK_CHANGED', 'offline'],
    ['net::ERR_PROXY_CONNECTION_FAILED', 'offline'],
    ['net::ERR_TUNNEL_CONNECTION_FAILED', 'offline'],
    ['net::ERR_NAME_NOT_RESOLVED', 'dns'],
    ['net::ERR_NAME_RESOLUTION_FAILED', 'dns'],
    ['net::ERR_CONNECTION_TIMED_OUT', 'unreachable'],
    ['net::ERR_TIMED_OUT', 'unreachable'],
    ['net::ERR_CONNECTION_REFUSED', 'unreachable'],
    ['net::ERR_CONNECTION_RESET', 'unreachable'],
    ['net::ERR_CONNECTION_CLOSED', 'unreachable'],
    ['net::ERR_EMPTY_RESPONSE', 'unreachable'],
    ['net::ERR_ADDRESS_UNREACHABLE', 'unreachable'],
    ['net::ERR_QUIC_PROTOCOL_ERROR', 'unreachable'],
    ['net::ERR_HTTP2_PROTOCOL_ERROR', 'unreachable'],
    ['net::ERR_HTTP2_PING_FAILED', 'unreachable'],
    ['net::ERR_CERT_AUTHORITY_INVALID', 'tls'],
    ['net::ERR_CERT_DATE_INVALID', 'tls'],
    ['net::ERR_CERT_KNOWN_INTERCEPTION_BLOCKED', 'tls'],
    ['net::ERR_SSL_PROTOCOL_ERROR', 'tls'],
    ['net::ERR_SSL_VERSION_OR_CIPHER_MISMATCH', 'tls'],
    ['ERR_NAME_NOT_RESOLVED', 'dns'],
    // Firefox
    ['NS_BINDING_ABORTED', 'ignore'],
    ['NS_ERROR_DOCSHELL_DYING', 'ignore'],
    ['NS_ERROR_ABORT', 'ignore'],
    ['NS_ERROR_TRACKING_URI', 'ignore'],
    ['NS_ERROR_SOCIALTRACKING_URI', 'ignore'],
    ['NS_ERROR_FINGERPRINTING_URI', 'ignore'],
    ['NS_ERROR_CRYPTOMINING_URI', 'ignore'],
    ['NS_ERROR_OFFLINE', 'offline'],
    ['NS_ERROR_PROXY_CONNECTION_REFUSED', 'offline'],
    ['NS_ERROR_UNKNOWN_PROXY_HOST', 'offline'],
    ['NS_ERROR_NET_ON_RESOLVED', 'offline'],
    ['NS_ERROR_UNKNOWN_HOST', 'dns'],
    ['NS_ERROR_NET_ON_RESOLVING', 'dns'],
    ['NS_ERROR_NET_TIMEOUT', 'unreachable'],
    ['NS_ERROR_CONNECTION_REFUSED', 'unreachable'],
    ['NS_ERROR_NET_RESET', 'unreachable'],
    ['NS_ERROR_NET_INTERRUPT', 'unreachable'],
    ['NS_ERROR_NET_PARTIAL_TRANSFER', 'unreachable'],
    ['NS_ERROR_NET_ON_CONNECTING_TO', 'unreachable'],
    ['NS_ERROR_NET_ON_WAITING_FOR', 'unreachable'],
    ['NS_ERROR_NET_INADEQUATE_SECURITY', 'tls'],
    ['SEC_ERROR_UNKNOWN_ISSUER', 'tls'],
    ['SSL_ERROR_BAD_CERT_DOMAIN', 'tls'],
    ['MOZILLA_PKIX_ERROR_MITM_DETECTED', 'tls'],
    ['Peer’s Certificate issuer is not recognized.', 'tls'],
    ['An error occurred during a connection to www.facebook.com. SSL_ERROR_RX_RECORD_TOO_LONG', 'tls'],
    // Firefox webNavigation numeric codes (Gecko ErrorList.py, network module 0x804B0000 + n)
    ['Error code 2152398878', 'dns'],
    ['Error code 2152398861', 'unreachable'],
    ['Error code 2152398862', 'unreachable'],
    ['Error code 2152398868', 'unreachable'],
    ['Error code 2152398864', 'offline'],
    ['Error code 2152398850', 'ignore'],
    ['Error code 2152398919', 'unreachable'],
    ['Error code 2147500036', 'ignore'],
    ['Error code 2153394164', 'tls'],
    ['Error code 2152398999', 'unknown'],
    // Unknown, garbage
    ['net::ERR_SOMETHING_NEW', 'unknown'],
    ['NS_ERROR_FAILURE', 'unknown'],
    ['', 'unknown'],
    ['🙂', 'unknown'],
    ['x'.repeat(100_000), 'unknown'],
  ])('%s → %s', (error, cls) => {
    expect(classifyError(error)).toBe(cls);
  });

  it('never throws on non-strings', () => {
    for (const v of [undefined, null, 42, {}, [], Symbol('x')]) expect(classifyError(v)).toBe('unknown');
  });
});

describe('classifyStatus', () => {
  it.each([
    [200, 'ok'],
    [204, 'ok'],
    [301, 'ok'],
    [404, 'ok'],
    [429, 'ok'],
    [500, 'server'],
    [502, 'server'],
    [503, 'server'],
    [599, 'server'],
    [600, 'ok'],
  ])('%i → %s', (status, cls) => {
    expect(classifyStatus(status)).toBe(cls);
  });
});

describe('isResetError', () => {
  it('spots the SNI-reset signature only', () => {
    expect(isResetError('net::ERR_CONNECTION_RESET')).toBe(true);
    expect(isResetError('NS_ERROR_NET_RESET')).toBe(true);
    expect(isResetError('net::ERR_CONNECTION_TIMED_OUT')).toBe(false);
    expect(isResetError(undefined)).toBe(false);
  });
});
