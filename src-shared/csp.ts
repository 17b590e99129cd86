// The one Content-Security-Policy of the renderer: no inline script or style, nothing loaded or contacted but the app
// itself (same-origin WebSocket included under 'self'). The renderer talks to software that controls real hardware,
// so an injected script must have nowhere to load from and nowhere to send to.
const DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
];

/** For the <meta> tag (the only policy in Electron, where the page is a file): frame-ancestors is ignored there. */
export const CSP_META = DIRECTIVES.join('; ');

/** For HTTP responses of the headless server. */
export const CSP_HEADER = [...DIRECTIVES, "frame-ancestors 'none'"].join('; ');
