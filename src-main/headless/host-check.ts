// DNS rebinding: a web page on evil.example can make its own name resolve to 127.0.0.1 and then talk to this server
// as "same origin". The browser still sends Host: evil.example, so only requests naming this server by one of its
// own addresses are served.
import type { IncomingMessage } from 'node:http';

export function allowedHosts(listenHost: string, port: number): Set<string> {
  const names = new Set([listenHost, '127.0.0.1', 'localhost', '[::1]']);
  if (listenHost.includes(':') && !listenHost.startsWith('[')) names.add(`[${listenHost}]`);
  return new Set([...names].map((name) => `${name}:${port}`.toLowerCase()));
}

export function hostAllowed(request: IncomingMessage, allowed: ReadonlySet<string>): boolean {
  const host = request.headers.host?.toLowerCase();
  return host !== undefined && allowed.has(host);
}
