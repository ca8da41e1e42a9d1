/**
 * The background's side of the message protocol: every message is checked with `isRequest` and
 * its sender with `isTrustedSender`; anything else is ignored (and logged), never answered.
 */
import type { Episode } from '../shared/history';
import type { NavigationPurpose, Request, StatusReport } from '../shared/messages';
import { isRequest, isTrustedSender, type SenderLike } from '../shared/request-guards';
import type { Settings, SettingsPatch } from '../shared/settings';

export interface MessageContext {
  extensionId: string;
  extensionOrigin: string;
  isWatchedPageUrl(url: string): boolean;
  getStatus(): Promise<StatusReport>;
  checkNow(): Promise<StatusReport>;
  getHistory(): Promise<Episode[]>;
  clearHistory(): Promise<void>;
  getSettings(): Promise<Settings>;
  setSettings(patch: SettingsPatch): Promise<Settings>;
  permissionsChanged(): Promise<void>;
  openDetails(platform?: string): Promise<void>;
  retryNavigation(tabId: number | undefined, url: string, purpose: NavigationPurpose): void;
}

/** Returns the reply, or undefined when the message is not for us (then nothing is answered). */
export function handleMessage(
  msg: unknown,
  sender: SenderLike | undefined,
  ctx: MessageContext,
): Promise<unknown> | undefined {
  if (!isTrustedSender(sender, ctx.extensionId, ctx.extensionOrigin, ctx.isWatchedPageUrl)) {
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
  return dispatch(msg, sender, ctx);
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
    case 'retry-navigation':
      ctx.retryNavigation(sender?.tab?.id, msg.url, msg.purpose ?? 'retry');
      return { ok: true };
  }
}
