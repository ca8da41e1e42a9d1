/**
 * The background's side of the message protocol: every message is checked with `isRequest` and
 * its sender with `senderRole`; anything else is ignored (and logged), never answered.
 *
 * By sender: the extension's own pages may ask anything. A content script (on a watched site,
 * which any page there shares a renderer with) may ask only what the banner needs —
 * `get-status`, `get-settings`, `open-details` — and gets only its own platform's verdict and the
 * language setting: no evidence, no DNS answers, no check results, no other platform.
 */
import type { VantageEvent } from '../core/api';
import type { PlatformId } from '../core/types';
import type { Episode } from '../shared/protocol/episode';
import { CONTENT_SCRIPT_REQUESTS, isRequest, type SenderLike, senderRole } from '../shared/protocol/guards';
import type {
  LiveUpdate,
  NavigationPurpose,
  PageSettings,
  PageStatus,
  PageUpdate,
  Request,
  StatusReport,
} from '../shared/protocol/messages';
import type { Settings, SettingsPatch } from '../shared/protocol/settings';

export interface MessageContext {
  extensionId: string;
  extensionOrigin: string;
  getStatus(): Promise<StatusReport>;
  checkNow(): Promise<StatusReport>;
  getHistory(): Promise<Episode[]>;
  clearHistory(): Promise<void>;
  getSettings(): Promise<Settings>;
  setSettings(patch: SettingsPatch): Promise<Settings>;
  permissionsChanged(): Promise<void>;
  openDetails(platform?: string): Promise<void>;
  /** Other networks' answer (a validated `vantage` event) for the engine; returns the new report. */
  otherNetworks(event: VantageEvent): Promise<StatusReport>;
  /** Returns the failed URL kept under `token` for this tab, or null. */
  retryNavigation(tabId: number | undefined, token: string, purpose: NavigationPurpose): string | null;
}

/** A status report cut down to what a content script of `platform` may see. */
export function pageStatus(report: StatusReport, platform: PlatformId): PageStatus {
  const r = report.platforms[platform];
  return { generatedAt: report.generatedAt, platforms: r ? { [platform]: { verdict: { ...r.verdict } } } : {} };
}

export function pageSettings(settings: Settings): PageSettings {
  return { language: settings.language };
}

/** A live update as a content script of `platform` may receive it. */
export function pageUpdate(update: LiveUpdate, platform: PlatformId): PageUpdate {
  return update.type === 'status'
    ? { type: 'status', report: pageStatus(update.report, platform) }
    : { type: 'settings', settings: pageSettings(update.settings) };
}

/** Returns the reply, or undefined when the message is not for us (then nothing is answered). */
export function handleMessage(
  msg: unknown,
  sender: SenderLike | undefined,
  ctx: MessageContext,
): Promise<unknown> | undefined {
  const role = senderRole(sender, ctx.extensionId, ctx.extensionOrigin);
  if (!role) {
    console.warn('nazar: ignored a message from an untrusted sender', sender?.id, sender?.origin);
    return undefined;
  }
  if (!isRequest(msg)) {
    console.warn(
      'nazar: ignored a malformed message',
      typeof msg === 'object' && msg ? (msg as { type?: unknown }).type : typeof msg,
    );
    return undefined;
  }
  if (role.kind === 'content-script') {
    if (!CONTENT_SCRIPT_REQUESTS.has(msg.type)) {
      console.warn('nazar: ignored a request a content script may not make', msg.type);
      return undefined;
    }
    return dispatchForPage(msg, role.platform, ctx);
  }
  return dispatch(msg, sender, ctx);
}

async function dispatchForPage(msg: Request, platform: PlatformId, ctx: MessageContext): Promise<unknown> {
  switch (msg.type) {
    case 'get-status':
      return pageStatus(await ctx.getStatus(), platform);
    case 'get-settings':
      return pageSettings(await ctx.getSettings());
    default:
      // open-details: the details of the banner's own platform, whatever the message names.
      await ctx.openDetails(platform);
      return { ok: true };
  }
}

async function dispatch(msg: Request, sender: SenderLike | undefined, ctx: MessageContext): Promise<unknown> {
  switch (msg.type) {
    case 'get-status':
      return ctx.getStatus();
    case 'check-now':
      return ctx.checkNow();
    case 'get-history':
      return ctx.getHistory();
    case 'clear-history':
      await ctx.clearHistory();
      return { ok: true };
    case 'get-settings':
      return ctx.getSettings();
    case 'set-settings':
      return ctx.setSettings(msg.patch);
    case 'permissions-changed':
      await ctx.permissionsChanged();
      return { ok: true };
    case 'open-details':
      await ctx.openDetails(msg.platform);
      return { ok: true };
    case 'other-networks':
      return ctx.otherNetworks(msg.event);
    case 'retry-navigation': {
      const url = ctx.retryNavigation(sender?.tab?.id, msg.token, msg.purpose ?? 'retry');
      return url ? { ok: true, url } : { ok: true };
    }
  }
}
