/** What the "check from other networks" view needs from the page that shows it (types only). */
import type { PlatformId } from '../core/types';
import type { Translator } from '../shared/i18n';
import type { Request, StatusReport } from '../shared/protocol/messages';
import type { OtherNetworksSettings } from './settings';

export interface OtherNetworksProps {
  tr: Translator;
  report: StatusReport | null;
  settings: OtherNetworksSettings;
  view: 'popup' | 'details' | 'errorpage';
  /** The platform the page is about (the error page's, or the details page's focus). */
  focus?: PlatformId | undefined;
  send(req: Request): Promise<unknown>;
  changeSettings(patch: Partial<OtherNetworksSettings>): unknown;
}
