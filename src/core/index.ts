/** The engine's public surface for the worker, the UIs and the replay tool. */
export type { DetectionEngine, ParseResult, RequestDetails, TraceEvent, VantageEvent, VantageProbe } from './api';
export {
  attribute,
  CATALOGUE,
  HOST_MATCH_PATTERNS,
  isMetaHost,
  isWatchedPageUrl,
  MAIN_HOST,
  platformOfHost,
} from './catalogue';
export { checkRoundEvents, roundSaysOffline } from './checks';
export { classifyError, classifyStatus, isResetError } from './classify';
export { Engine, STATE_VERSION } from './engine';
export { hostOf } from './host';
export { isMetaAddress } from './meta-addresses';
export { eventTime, parseTraceLine, validateEvent } from './trace';
export * from './types';
