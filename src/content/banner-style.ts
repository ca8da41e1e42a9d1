/**
 * The banner's styles, inside its closed shadow root. `:host` rules marked !important win over
 * any page rule, even the page's own !important ones and inline styles (for important
 * declarations the shadow tree's context beats the outer one), so the page cannot hide, move,
 * shrink or restyle the host; `all: initial` stops inherited page fonts and colours.
 * No letter-spacing or text-transform (they break Devanagari), line-height ≥ 1.5.
 */
export const BANNER_CSS = `
:host {
  all: initial !important;
  display: block !important;
  position: fixed !important;
  top: 0 !important; left: 0 !important; right: 0 !important; bottom: auto !important;
  width: auto !important; height: auto !important; max-height: 40vh !important;
  margin: 0 !important; padding: 0 !important; border: 0 !important;
  z-index: 2147483647 !important;
  visibility: visible !important; opacity: 1 !important;
  transform: none !important; filter: none !important; clip-path: none !important;
  pointer-events: auto !important;
  background: transparent !important; overflow: visible !important;
  direction: ltr !important;
}
.bar {
  box-sizing: border-box;
  display: flex; align-items: center; flex-wrap: wrap; gap: 4px 12px;
  width: 100%; padding: 6px 12px;
  background: #8b1e1e; color: #ffffff;
  font-family: "Noto Sans Devanagari", "Nirmala UI", "Kohinoor Devanagari", "Mangal", system-ui, sans-serif;
  font-size: 15px; font-weight: 400; font-style: normal; line-height: 1.6;
  letter-spacing: normal; text-transform: none; text-align: start;
  box-shadow: 0 1px 4px rgba(0, 0, 0, 0.35);
}
.bar.degraded { background: #7a4b00; }
.bar.recovered { background: #1d6b35; }
.text { flex: 1 1 14em; min-width: 0; overflow-wrap: anywhere; }
.actions { display: flex; gap: 8px; flex: 0 0 auto; margin-inline-start: auto; }
button {
  font: inherit; line-height: 1.5; color: inherit; cursor: pointer;
  background: transparent; border: 1px solid rgba(255, 255, 255, 0.75); border-radius: 4px;
  padding: 1px 10px; margin: 0;
}
button:hover { background: rgba(255, 255, 255, 0.15); }
button:focus-visible { outline: 2px solid #ffffff; outline-offset: 2px; }
.close { border-color: transparent; font-size: 18px; padding: 0 8px; }
[hidden] { display: none; }
`;
