/**
 * The small run-time checks every decoder of the protocol (report, settings, episode) is built from.
 * `Number.isFinite` is false for anything but a finite number, so it is also the type check.
 */
import { PLATFORMS, type PlatformId } from '../../core/types';

export type Obj = Record<string, unknown>;
/** An object's fields, or none: arrays, null and primitives read as `{}`. */
export const obj = (x: unknown): Obj => (x && typeof x === 'object' && !Array.isArray(x) ? (x as Obj) : {});
/** A wall-clock time in ms, or null. */
export const time = (x: unknown): number | null => (Number.isFinite(x) && (x as number) > 0 ? (x as number) : null);
/** A count: a whole number ≥ 0 (anything else reads as 0). */
export const count = (x: unknown): number => (Number.isFinite(x) && (x as number) >= 0 ? Math.floor(x as number) : 0);
/** The engine only ever records hostnames: anything else (markup, bidi overrides, URLs) is not shown. */
export const isHostname = (h: unknown): h is string => typeof h === 'string' && /^[a-z0-9.-]{1,253}$/i.test(h);
/** At most five host names from anything: what is not a plain host name is dropped. */
export const hostList = (x: unknown): string[] => (Array.isArray(x) ? x.filter(isHostname).slice(0, 5) : []);

/** `x` when it is one of `list`, else `dflt`. */
export const oneOf = <T extends string>(list: readonly T[], x: unknown, dflt: T): T =>
  (list as readonly unknown[]).includes(x) ? (x as T) : dflt;

export const isPlatformId = (x: unknown): x is PlatformId => (PLATFORMS as readonly unknown[]).includes(x);
