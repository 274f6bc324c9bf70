/// <reference lib="dom" />
/**
 * Marks the sidebar as usable: `data-ready` on <body> names the view; the first time, `data-ready-ms`
 * holds the time since the sidebar started loading and `data-ready-at` the clock time (ms since 1970).
 * Browser tests wait for it and record the open-to-interactive time (tests/browser/metrics.json).
 */
export function markReady(view: string): void {
  const body = document.body;
  if (!body.dataset.readyMs) {
    const now = performance.now();
    body.dataset.readyMs = String(Math.round(now));
    body.dataset.readyAt = String(Math.round(performance.timeOrigin + now));
  }
  body.dataset.ready = view;
}
