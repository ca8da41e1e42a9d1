/**
 * Content script on WhatsApp Web, Facebook and Instagram: shows the in-page banner while the
 * background says this platform is degraded or down. It listens only to the extension (never to
 * the page's postMessage or DOM events) and offers no privileged action: "details" asks the
 * background to open our own page, nothing else.
 *
 * Pages open before an install or update: Chrome does not inject into them, and we show nothing
 * there (no `scripting` permission); Firefox injects into them by itself.
 */
import browser from 'webextension-polyfill';
import { platformOfPage } from '../core/platforms';
import { resolveLang } from '../shared/i18n';
import { startBanner } from './banner-controller';

const platform = platformOfPage(location.hostname);
if (platform && window.top === window) {
  startBanner({
    doc: document,
    platform,
    runtime: browser.runtime as never,
    langOf: resolveLang,
  });
}
