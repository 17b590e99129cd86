// Hardening applied to every window: no navigation away from the app, no new windows, no permissions (camera,
// notifications prompts, ...). The page is a file, so its CSP is the meta tag built from src-shared/csp.ts; the header
// below covers anything that would ever arrive over HTTP.
import { session, type WebContents } from 'electron';
import { CSP_HEADER } from '../../src-shared/csp.js';

export function isAppUrl(url: string, rendererIndexUrl: string): boolean {
  return url.split('#')[0] === rendererIndexUrl;
}

export function hardenSession(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP_HEADER] },
    });
  });
}

export function hardenContents(contents: WebContents, rendererIndexUrl: string): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  const stayInApp = (event: { preventDefault: () => void; url: string }): void => {
    if (!isAppUrl(event.url, rendererIndexUrl)) event.preventDefault();
  };
  contents.on('will-navigate', stayInApp);
  contents.on('will-frame-navigate', stayInApp);
  contents.on('will-redirect', stayInApp);
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
