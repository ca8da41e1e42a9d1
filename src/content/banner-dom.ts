/**
 * The banner on the page: a host element with a closed shadow root; every text set with
 * `textContent`. It defends only its own visibility: if the page removes the host or hides its
 * top-layer popover, it is put back (rate-limited, so a hostile page cannot make us spin).
 * Clicks count only when the user made them (`isTrusted`): the page can't press our buttons.
 *
 * The host element's name is random for each page load (`bannerTagName`): a page cannot look for
 * it, or style it, by a name known in advance. What a page can still learn while the banner is
 * shown is in the README ("What a page can see of Nazar").
 */
import { BANNER_CSS } from './banner-style';

export type BannerContent =
  | {
      kind: 'problem';
      severity: 'degraded' | 'down';
      line: string;
      chip: string;
      details: string;
      close: string;
      region: string;
      lang: string;
    }
  | { kind: 'recovered'; line: string; close: string; region: string; lang: string };

export interface BannerDom {
  /** `folded`: only the small chip at the top centre (a problem banner after a few seconds). */
  show(content: BannerContent, folded?: boolean): void;
  /** The reader is pointing at the banner or has focus in it: not the moment to fold it. */
  readonly engaged: boolean;
  hide(): void;
  /** Removes the element and every observer; used when the extension context is gone. */
  destroy(): void;
  readonly visible: boolean;
}

export interface BannerHandlers {
  onDetails(): void;
  onClose(): void;
  /** The folded chip was clicked: show the whole banner again. */
  onUnfold(): void;
}

/** At most this many repairs per window; after that we wait for the window to pass. */
const MAX_REPAIRS = 10;
const REPAIR_WINDOW_MS = 10_000;

const ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** A valid custom element name nobody can guess: a letter, 5 random characters, '-', 6 more. */
export function bannerTagName(
  random: (n: number) => Uint8Array = (n) => crypto.getRandomValues(new Uint8Array(n)),
): string {
  const b = random(12);
  const ch = (i: number, set: string) => set.charAt(b[i]! % set.length);
  let name = ch(0, 'abcdefghijklmnopqrstuvwxyz');
  for (let i = 1; i < 12; i++) name += (i === 6 ? '-' : '') + ch(i, ALNUM);
  return name;
}

/** Marks our own style element inside the closed shadow root (only a content script can look there). */
const MARK = 'data-nazar-banner';

/**
 * A banner left by an earlier instance of this script (Firefox unloads the old script on an update
 * without letting it clean up, then injects the new one into the open tab). Its name is random too;
 * Firefox gives content scripts `openOrClosedShadowRoot` to recognise it by what is inside.
 */
function isStaleBanner(el: Element): boolean {
  const root = (el as Element & { openOrClosedShadowRoot?: ShadowRoot | null }).openOrClosedShadowRoot;
  return !!root && root.firstElementChild?.hasAttribute(MARK) === true;
}

export function createBannerDom(doc: Document, handlers: BannerHandlers): BannerDom {
  const host = doc.createElement(bannerTagName());
  const root = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.setAttribute(MARK, '');
  style.textContent = BANNER_CSS;
  const bar = doc.createElement('div');
  bar.className = 'bar';
  bar.setAttribute('role', 'region');
  const text = doc.createElement('span');
  text.className = 'text';
  text.setAttribute('role', 'status');
  const actions = doc.createElement('span');
  actions.className = 'actions';
  const details = doc.createElement('button');
  details.type = 'button';
  details.className = 'details';
  const close = doc.createElement('button');
  close.type = 'button';
  close.className = 'close';
  close.textContent = '×';
  actions.append(details, close);
  bar.append(text, actions);
  const chip = doc.createElement('button');
  chip.type = 'button';
  chip.className = 'chip';
  chip.hidden = true;
  root.append(style, bar, chip);

  const trusted = (fn: () => void) => (e: Event) => {
    if (!e.isTrusted) return;
    e.preventDefault();
    e.stopPropagation();
    fn();
  };
  details.addEventListener(
    'click',
    trusted(() => handlers.onDetails()),
  );
  close.addEventListener(
    'click',
    trusted(() => handlers.onClose()),
  );
  chip.addEventListener(
    'click',
    trusted(() => handlers.onUnfold()),
  );

  let visible = false;
  let destroyed = false;
  let repairs: number[] = [];
  let repairTimer: ReturnType<typeof setTimeout> | undefined;

  const supportsPopover = typeof (host as HTMLElement & { showPopover?: unknown }).showPopover === 'function';

  /** The top layer sits above every z-index the page can use, without covering the whole page. */
  function raise() {
    if (!supportsPopover) return;
    try {
      if (host.getAttribute('popover') !== 'manual') host.setAttribute('popover', 'manual');
      if (!host.matches(':popover-open')) host.showPopover();
    } catch {
      // Not connected yet, or the page did something odd: fixed position + max z-index still apply.
    }
  }

  function attach() {
    const parent = doc.documentElement ?? doc.body;
    if (!parent) return;
    for (const el of Array.from(parent.children)) if (el !== host && isStaleBanner(el)) el.remove();
    // On <html>, not <body>: single-page apps replace body content, and WhatsApp re-renders it.
    if (host.parentNode !== parent || host !== parent.lastElementChild) parent.append(host);
    raise();
  }

  function repair() {
    if (!visible || destroyed) return;
    const now = Date.now();
    repairs = repairs.filter((t) => now - t < REPAIR_WINDOW_MS);
    if (repairs.length >= MAX_REPAIRS) {
      if (!repairTimer) {
        repairTimer = setTimeout(() => {
          repairTimer = undefined;
          repair();
        }, REPAIR_WINDOW_MS);
      }
      return;
    }
    const intact =
      host.isConnected &&
      host.parentNode === doc.documentElement &&
      host.attributes.length === (supportsPopover ? 1 : 0) &&
      (!supportsPopover || host.matches(':popover-open'));
    if (intact) return;
    repairs.push(now);
    for (const a of Array.from(host.attributes)) if (a.name !== 'popover') host.removeAttribute(a.name);
    attach();
  }

  const observer = new MutationObserver(() => repair());
  const onToggle = () => repair();
  host.addEventListener('toggle', onToggle);

  return {
    get visible() {
      return visible;
    },
    get engaged() {
      return bar.matches(':hover') || root.activeElement !== null;
    },
    show(c, folded = false) {
      if (destroyed) return;
      const fold = folded && c.kind === 'problem';
      if (fold) {
        chip.className = `chip ${c.severity}`;
        chip.lang = c.lang;
        chip.textContent = c.chip;
      }
      chip.hidden = !fold;
      bar.hidden = fold;
      bar.className = c.kind === 'problem' ? `bar ${c.severity}` : 'bar recovered';
      bar.lang = c.lang;
      bar.setAttribute('aria-label', c.region);
      text.textContent = c.line;
      close.setAttribute('aria-label', c.close);
      close.title = c.close;
      if (c.kind === 'problem') {
        details.textContent = c.details;
        details.hidden = false;
      } else {
        details.hidden = true;
      }
      visible = true;
      attach();
      observer.disconnect();
      observer.observe(doc.documentElement, { childList: true });
      observer.observe(host, { attributes: true });
    },
    hide() {
      visible = false;
      observer.disconnect();
      host.remove();
    },
    destroy() {
      destroyed = true;
      visible = false;
      observer.disconnect();
      host.removeEventListener('toggle', onToggle);
      if (repairTimer) clearTimeout(repairTimer);
      host.remove();
    },
  };
}
