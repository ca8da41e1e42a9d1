import { render } from 'preact';
import { PLATFORMS, type PlatformId } from '../core/types';
import { App } from './App';
import { browserHost } from './browser-host';
import './popup.css';

// From here to 'nazar-first-render' (App) is the popup's own time to show stored state.
performance.mark('nazar-script-start');

// The same page is the details page when opened in a tab: ?view=details[&platform=instagram].
const params = new URLSearchParams(location.search);
const view = params.get('view') === 'details' ? 'details' : 'popup';
const p = params.get('platform');
document.body.classList.add(`view-${view}`);
render(
  <App host={browserHost()} view={view} focus={PLATFORMS.find((x): x is PlatformId => x === p)} />,
  document.getElementById('app') as HTMLElement,
);
// "Check from other networks": a bundle of its own (src/vantage/load.ts), mounted into #on.
// (A name, not a literal: Vite would wrap a literal in its preload helper, 1 KB of the budget.)
const others = '/on.js';
import(/* @vite-ignore */ others);
