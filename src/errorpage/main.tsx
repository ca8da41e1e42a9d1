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
import { ask, connectLive, type RuntimeLike } from '../shared/protocol/client';
import type { NavigationPurpose, StatusReport } from '../shared/protocol/messages';
import { decodeReport } from '../shared/protocol/report';
import { say } from '../ui/msg';
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
  return ask(browser.runtime, { type: 'retry-navigation', token: params.token, purpose }).then(
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

function onReport(r: StatusReport) {
  report = r;
  if (watch.update(r)) {
    returning = true;
    draw();
    setTimeout(goToSite, 1500);
    return;
  }
  draw();
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
// The background pushes the status and the settings on connect, and again after a reconnect.
connectLive(browser.runtime as unknown as RuntimeLike, {
  decode: decodeReport,
  onReport,
  onSettings(s) {
    lang = resolveLang(s.language);
    draw();
  },
});
