import path from 'node:path';
import { startHeadless, type HeadlessApp } from '../headless/headless-app.js';

/** A headless server on a free loopback port with an in-memory engine, for integration tests. */
export function startTestServer(version = 'test'): Promise<HeadlessApp> {
  return startHeadless({
    host: '127.0.0.1',
    port: 0,
    dataDir: null,
    rendererDir: path.resolve('dist-renderer'),
    version,
    demoRange: null,
  });
}
