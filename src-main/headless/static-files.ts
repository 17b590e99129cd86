// Serves the built renderer (dist-renderer/) with the same strict Content-Security-Policy the Electron window uses.
// Only files inside the folder are served; anything else is a 404, never a directory listing or a file outside it.
import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { CSP_HEADER } from '../../src-shared/csp.js';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CSP_HEADER,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

export function createStaticHandler(
  rootDir: string,
  isAllowedHost: (request: IncomingMessage) => boolean,
): (request: IncomingMessage, response: ServerResponse) => void {
  const root = path.resolve(rootDir);
  return (request, response) => {
    try {
      serveFile(root, request, response, isAllowedHost);
    } catch (error) {
      console.error('[http] request failed:', error);
      if (!response.headersSent) response.writeHead(500);
      response.end();
    }
  };
}

function serveFile(
  root: string,
  request: IncomingMessage,
  response: ServerResponse,
  isAllowedHost: (request: IncomingMessage) => boolean,
): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.setHeader(name, value);
  if (!isAllowedHost(request)) {
    response.writeHead(403, { 'Content-Type': 'text/plain' }).end('Forbidden host\n');
    return;
  }
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405, { Allow: 'GET, HEAD' }).end();
    return;
  }
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
  } catch {
    response.writeHead(400).end('Bad path\n');
    return;
  }
  if (pathname.includes('\0')) {
    response.writeHead(400).end('Bad path\n');
    return;
  }
  const relative = pathname === '/' ? 'index.html' : pathname.replace(/^\/+/, '');
  const filePath = path.resolve(root, relative);
  if (filePath !== root && !filePath.startsWith(root + path.sep)) {
    response.writeHead(404).end('Not found\n');
    return;
  }
  fs.stat(filePath, (error, stats) => {
    if (error || !stats.isFile()) {
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found\n');
      return;
    }
    const isHtml = filePath.endsWith('.html');
    response.writeHead(200, {
      'Content-Type': CONTENT_TYPES[path.extname(filePath)] ?? 'application/octet-stream',
      'Content-Length': stats.size,
      // Hashed asset names change with every build; the page itself must always be fresh.
      'Cache-Control': isHtml ? 'no-store' : 'public, max-age=31536000, immutable',
    });
    if (request.method === 'HEAD') {
      response.end();
      return;
    }
    // A file replaced mid-request (a rebuild while serving) ends this response, never the server.
    fs.createReadStream(filePath)
      .on('error', () => response.destroy())
      .pipe(response);
  });
}
