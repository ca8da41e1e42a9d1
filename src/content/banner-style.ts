/**
 * The banner's styles, inside its closed shadow root. `:host` rules marked !important win over
 * any page rule, even the page's own !important ones and inline styles (for important
 * declarations the shadow tree's context beats the outer one), so the page cannot hide, move,
 * shrink or restyle the host; `all: initial` stops inherited page fonts and colours.
 * No letter-spacing or text-transform (they break Devanagari), line-height ≥ 1.5.
 * The host itself takes no clicks (`pointer-events: none`); only the bar or the folded chip do, so
 * the transparent rest of the top strip never blocks the site.
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
  pointer-events: none !important;
  background: transparent !important; overflow: visible !important;
  direction: ltr !important;
}
.bar, .chip {
  pointer-events: auto;
  font-family: "Noto Sans Devanagari", "Nirmala UI", "Kohinoor Devanagari", "Mangal", system-ui, sans-serif;
  font-weight: 400; font-style: normal; letter-spacing: normal; text-transform: none;
  background: #8b1e1e; color: #ffffff;
}
.bar {
  box-sizing: border-box;
  display: flex; align-items: center; flex-wrap: wrap; gap: 4px 12px;
  width: 100%; padding: 6px 12px;
  font-size: 15px; line-height: 1.6; text-align: start;
  box-shadow: 0 1px 4px rgba(0, 0, 0, 0.35);
}
.bar.degraded, .chip.degraded { background: #7a4b00; }
.bar.recovered { background: #1d6b35; }
/* Folded: a small tab at the top centre, about 28 px high; the full bar comes back on a click or tap. */
.chip {
  display: block; box-sizing: border-box; max-width: calc(100vw - 16px); width: max-content;
  margin: 0 auto; padding: 3px 14px; border: 0; border-radius: 0 0 8px 8px;
  font-size: 14px; line-height: 1.6; text-align: center; white-space: normal;
  box-shadow: 0 1px 4px rgba(0, 0, 0, 0.35); cursor: pointer;
}
.text { flex: 1 1 14em; min-width: 0; overflow-wrap: anywhere; }
.actions { display: flex; gap: 8px; flex: 0 0 auto; margin-inline-start: auto; }
.bar button {
  font: inherit; line-height: 1.5; color: inherit; cursor: pointer;
  background: transparent; border: 1px solid rgba(255, 255, 255, 0.75); border-radius: 4px;
  padding: 1px 10px; margin: 0;
}
@media (hover: hover) {
  .chip:hover { filter: brightness(1.15); }
  .bar button:hover { background: rgba(255, 255, 255, 0.15); }
}
button:focus-visible { outline: 2px solid #ffffff; outline-offset: 2px; }
.bar .close { border-color: transparent; font-size: 18px; padding: 0 8px; }
/* A phone: text of at least 16 px and buttons of at least 44 × 44 px for a finger; the folded
   chip is then a 44 px tab. Highlights on hover only where something can hover (above): a tap
   would leave them on. */
@media (pointer: coarse) {
  .bar { font-size: 16px; }
  .bar button { min-height: 44px; min-width: 44px; padding: 0 12px; }
  .bar .close { font-size: 22px; }
  .chip { font-size: 16px; min-height: 44px; padding: 9px 16px; }
}
[hidden] { display: none; }
`;
