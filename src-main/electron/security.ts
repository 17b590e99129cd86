// Hardening applied to every window: no navigation away from the app, no new windows, no permissions (camera,
// notifications prompts, ...), and the same CSP as the headless server for anything served over HTTP.
import { session, type WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../headless/static-files.js';

export function isAppUrl(url: string, rendererIndexUrl: string): boolean {
  return url.split('#')[0] === rendererIndexUrl;
}

export function hardenSession(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
  });
}

export function hardenContents(contents: WebContents, rendererIndexUrl: string): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, rendererIndexUrl)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
