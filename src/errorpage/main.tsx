/**
 * The error page: shown instead of the browser's "site can't be reached" for a watched site.
 * Talks only to our background (status, settings, live updates, retry). Its address holds a token,
 * never the failed URL: the background gives the URL back for this tab when the user goes back to
 * the site, and it is followed only after `safeTarget` accepted it (else the platform's home page).
 */
import { render } from 'preact';
import browser from 'webextension-polyfill';
import en from '../../public/_locales/en/messages.json' with { type: 'json' };
import hi from '../../public/_locales/hi/messages.json' with { type: 'json' };
import { MAIN_HOST } from '../core/catalogue';
import { createTranslator, type Lang, type Messages, resolveLang } from '../shared/i18n';
import { LIVE_PORT, type NavigationPurpose, type StatusReport } from '../shared/messages';
import { normalizeSettings } from '../shared/settings';
import { say } from '../ui/msg';
import { normalizeReport } from '../ui/report';
import { loadOtherNetworks } from '../vantage/load';
import { ErrorPage } from './ErrorPage';
import { createReturnWatch, errorPageModel } from './model';
import { readErrorPageParams, safeTarget } from './params';
import './errorpage.css';

const MESSAGES: Record<Lang, Messages> = { hi: hi as Messages, en: en as Messages };
const params = readErrorPageParams(location.search);
const app = document.getElementById('app') as HTMLElement;

let lang: Lang = resolveLang('auto');
let report: StatusReport | null = null;
let returning = false;
const watch = createReturnWatch(params.platform);

/**
 * Asks the background to let this tab's next failing load of the site through once; resolves to the
 * failed URL it kept under this page's token (undefined when it has forgotten it, or no answer).
 */
function allowOnce(purpose: NavigationPurpose): Promise<string | undefined> {
  if (!params.token) return Promise.resolve(undefined);
  return browser.runtime.sendMessage({ type: 'retry-navigation', token: params.token, purpose }).then(
    (r) => {
      const url = (r as { url?: unknown } | undefined)?.url;
      return typeof url === 'string' ? url : undefined;
    },
    () => undefined,
  );
}

/** Set once this page leaves for the site: its Back allowance must not replace the retry's. */
let leaving = false;

function goToSite() {
  const platform = params.platform;
  if (!platform) return;
  leaving = true;
  // The background lets this one load through (no second error page) unless the verdict changes.
  const told = allowOnce('retry');
  const timeout = new Promise<undefined>((r) => setTimeout(() => r(undefined), 1000));
  // replace(): this page leaves history, so Back from the site does not land here again.
  Promise.race([told, timeout]).then((url) => {
    const target = url ? safeTarget(url) : null;
    location.replace(target && target.platform === platform ? target.url : `https://${MAIN_HOST[platform]}/`);
  });
}

function draw() {
  const tr = createTranslator(MESSAGES[lang], lang);
  const model = errorPageModel(params, report, Date.now(), returning);
  document.documentElement.lang = lang;
  document.title = say(tr, model.docTitle);
  render(<ErrorPage tr={tr} model={model} onRetry={goToSite} />, app);
}

function onReport(raw: unknown) {
  const r = normalizeReport(raw);
  if (!r) return;
  report = r;
  if (watch.update(r)) {
    returning = true;
    draw();
    setTimeout(goToSite, 1500);
    return;
  }
  draw();
}

function connect(attempt = 0) {
  let port: browser.Runtime.Port;
  try {
    port = browser.runtime.connect({ name: LIVE_PORT });
  } catch {
    return;
  }
  port.onMessage.addListener((m: unknown) => {
    const u = m as { type?: string; report?: unknown; settings?: unknown };
    if (u?.type === 'status') onReport(u.report);
    else if (u?.type === 'settings') {
      lang = resolveLang(normalizeSettings(u.settings).language);
      draw();
    }
  });
  // A stopped service worker drops the port: reconnect, and ask again for the current state.
  port.onDisconnect.addListener(() => setTimeout(() => connect(attempt + 1), Math.min(30_000, 1000 * 2 ** attempt)));
  browser.runtime.sendMessage({ type: 'get-status' }).then(onReport, () => {});
}

// Back from here returns to the browser's failed entry for the site, which loads again and fails
// again: without an allowance it would be sent straight back here, and Back would seem broken.
// A message sent on pagehide does not arrive reliably (and one arriving late would arm a stale
// allowance), so it is held while this page is open, renewed before the background's 2-minute
// expiry; the background then steps back past the failed entry.
if (params.token) {
  const holdBack = () => {
    if (!leaving) void allowOnce('back');
  };
  holdBack();
  setInterval(holdBack, 60_000);
}

draw();
loadOtherNetworks();
browser.runtime.sendMessage({ type: 'get-settings' }).then(
  (s) => {
    lang = resolveLang(normalizeSettings(s).language);
    draw();
  },
  () => {},
);
connect();
