/**
 * The entry of "check from other networks" (loaded by load.ts into `#on`): reads what it
 * needs itself — the report and the language from storage, its own settings — so the page that
 * hosts it only names the place and the view.
 */
import { Component, render } from 'preact';
import { PLATFORMS, type PlatformId } from '../core/types';
import { browserHost } from '../popup/browser-host';
import { createTranslator, resolveLang, type Translator } from '../shared/i18n';
import type { StatusReport } from '../shared/protocol/messages';
import { decodeReport } from '../shared/protocol/report';
import { decodeSettings } from '../shared/protocol/settings';
import { withOwnWords } from './i18n';
import { OtherNetworks } from './OtherNetworks';
import type { OtherNetworksProps } from './props';
import {
  applyOtherNetworksPatch,
  DEFAULT_OTHER_NETWORKS,
  normalizeOtherNetworks,
  OTHER_NETWORKS_KEY,
  type OtherNetworksSettings,
} from './settings';

type View = OtherNetworksProps['view'];
const isPlatformId = (x: unknown): x is PlatformId => (PLATFORMS as readonly unknown[]).includes(x);
interface RootState {
  tr: Translator | null;
  report: StatusReport | null;
  settings: OtherNetworksSettings;
}

type Storage = {
  storage: {
    local: { get(k: string): Promise<Record<string, unknown>>; set(v: Record<string, unknown>): Promise<void> };
    onChanged: { addListener(f: (c: Record<string, { newValue?: unknown }>, area: string) => void): void };
  };
};
const ext = () => {
  const g = globalThis as unknown as { browser?: Storage; chrome?: Storage };
  return (g.browser ?? g.chrome) as Storage;
};

class Root extends Component<{ view: View; focus?: string | null }, RootState> {
  override state: RootState = { tr: null, report: null, settings: DEFAULT_OTHER_NETWORKS };
  #host = browserHost();
  #lang = '';

  override componentDidMount() {
    void this.#host.readStored().then((s) => {
      this.#report(s.report);
      void this.#language(s.settings);
    });
    this.#host.onStored((c) => {
      if ('report' in c) this.#report(c.report);
      if ('settings' in c) void this.#language(c.settings);
    });
    void ext()
      .storage.local.get(OTHER_NETWORKS_KEY)
      .then(
        (r) => this.setState({ settings: normalizeOtherNetworks(r[OTHER_NETWORKS_KEY]) }),
        () => {},
      );
    ext().storage.onChanged.addListener((c, area) => {
      if (area === 'local' && OTHER_NETWORKS_KEY in c)
        this.setState({ settings: normalizeOtherNetworks(c[OTHER_NETWORKS_KEY]?.newValue) });
    });
    // The background's answer is fresher than storage (a worker that just woke writes lazily).
    this.#host.send({ type: 'get-status' }).then(
      (r) => this.#report(r),
      () => {},
    );
  }

  #report(raw: unknown) {
    const r = decodeReport(raw);
    if (r) this.setState({ report: r });
  }

  async #language(raw: unknown) {
    const lang = resolveLang(decodeSettings(raw).language);
    if (lang === this.#lang) return;
    this.#lang = lang;
    const src = await this.#host.loadMessages(lang);
    this.setState({ tr: withOwnWords(createTranslator(src, lang)) });
  }

  #change = (patch: Partial<OtherNetworksSettings>) => {
    const settings = applyOtherNetworksPatch(this.state.settings, patch);
    this.setState({ settings });
    return ext().storage.local.set({ [OTHER_NETWORKS_KEY]: settings });
  };

  override render({ view, focus }: { view: View; focus?: string | null }, { tr, report, settings }: RootState) {
    if (!tr) return null;
    return (
      <OtherNetworks
        tr={tr}
        report={report}
        settings={settings}
        view={view}
        focus={isPlatformId(focus) ? focus : undefined}
        send={this.#host.send}
        changeSettings={this.#change}
      />
    );
  }
}

/** Which page this is, from its own address: the error page, the details page or the popup. */
function whereAmI(): { view: View; focus: string | null } {
  const q = new URLSearchParams(location.search);
  const view: View = location.pathname.includes('/errorpage/')
    ? 'errorpage'
    : q.get('view') === 'details'
      ? 'details'
      : 'popup';
  return { view, focus: q.get('platform') };
}

/** Renders into `#on` once the page has drawn it (the popup draws after its words load). */
export function mount(): void {
  const { view, focus } = whereAmI();
  const go = (el: Element) => render(<Root view={view} focus={focus} />, el);
  const el = document.getElementById('on');
  if (el) {
    go(el);
    return;
  }
  const watch = new MutationObserver(() => {
    const found = document.getElementById('on');
    if (!found) return;
    watch.disconnect();
    go(found);
  });
  watch.observe(document.body, { childList: true, subtree: true });
}

mount();
