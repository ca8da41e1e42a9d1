/**
 * Everything the popup needs from the browser, behind one small interface, so the page logic
 * can be tested with a fake and the view model stays pure.
 */
import type { Lang, MessageSource } from '../shared/i18n';
import type { LiveHandlers } from '../shared/protocol/client';
import type { Request, StatusReport } from '../shared/protocol/messages';

/** What the popup reads from storage (see the storage table), as stored: the controller decodes it. */
export type StoredName = 'report' | 'settings' | 'history';
export type Stored = { [N in StoredName]: unknown };

export interface PopupHost {
  /** The last report (storage.session) and settings/history (storage.local); absent keys are undefined. */
  readStored(): Promise<Stored>;
  /** A request to the background; rejects when no one answers ("Could not establish connection"). */
  send(req: Request): Promise<unknown>;
  /** The live port (protocol/client.ts connectLive); returns a function that disconnects. */
  connect(handlers: LiveHandlers<StatusReport>): () => void;
  /** The messages of `lang`: the browser's own i18n when it picked that locale, else the file. */
  loadMessages(lang: Lang): Promise<MessageSource>;
  /**
   * Must be called synchronously inside a click handler (Firefox only honours a request made
   * while handling the user's gesture); resolves to whether the user granted it.
   */
  requestHostPermissions(): Promise<boolean>;
  /** Subscribe to storage changes of our keys (a second way the report arrives). */
  onStored(listener: (changed: Partial<Stored>) => void): () => void;
}
