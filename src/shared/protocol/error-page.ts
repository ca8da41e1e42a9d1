/** What the background and the error page agree on: the page's address and which failures go there. */
import type { ErrorClass } from '../../core/types';

/**
 * The error page's query parameters (the background writes them, the page reads them): a token,
 * the platform, the error class and a host name Nazar may show. Never the failed URL.
 */
export const ERROR_PAGE_PARAM = { token: 't', host: 'host', platform: 'platform', error: 'error' } as const;

/** The error classes whose failed top-level load goes to the error page (each has its own lead line there). */
export const REDIRECTED_CLASSES = ['dns', 'unreachable', 'tls', 'offline'] as const satisfies readonly ErrorClass[];
