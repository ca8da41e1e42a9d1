/**
 * The cause line of the badge's title, the notifications and the banner; the popup does not show
 * it, so it is apart from words.ts, which the popup bundles.
 */
import type { Cause } from '../core/types';
import { keyPart } from '../shared/i18n';
import { type Msg, msg } from './msg';

/** "वजह: सर्वर में गड़बड़ी।" — with "Meta की तरफ़ से" for a Meta-wide group; an unknown cause says so. */
export const causeLine = (cause: Cause, metaSide: boolean): Msg =>
  cause === 'none' || cause === 'unknown'
    ? msg('state_cause_unknown')
    : msg(metaSide ? 'state_cause_meta' : 'state_cause', msg(`cause_${keyPart(cause)}`));
