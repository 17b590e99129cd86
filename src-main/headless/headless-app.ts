// The headless shell: the engine, the built renderer over HTTP and the API over WebSocket, on 127.0.0.1 by default and
// behind a per-start random token. Used by `npm start` where Electron cannot run, by e2e tests and by benchmarks.
import { randomBytes } from 'node:crypto';
import http, { type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { attachWebSocket } from '../core/api/ws.js';
import { createEngine, type Engine } from '../core/engine.js';
import { FAST_TUNING_TIMING } from '../core/engines/optimizer/device-tuner.js';
import { allowedHosts, hostAllowed } from './host-check.js';
import { createStaticHandler } from './static-files.js';

export interface HeadlessOptions {
  host: string;
  /** 0 picks a free port. */
  port: number;
  dataDir: string | null;
  rendererDir: string;
  version: string;
  demoRange: string | null;
  token?: string | undefined;
  /** Short optimizer measurements (see FAST_TUNING_TIMING). */
  fastTuning?: boolean;
}

export interface HeadlessApp {
  engine: Engine;
  /** The address to open, with the token in the fragment (never sent to the server, never in its logs). */
  url: string;
  baseUrl: string;
  token: string;
  close(): Promise<void>;
}

export async function startHeadless(options: HeadlessOptions): Promise<HeadlessApp> {
  const token = options.token ?? randomBytes(24).toString('hex');
  const engine = createEngine({
    dataDir: options.dataDir,
    info: {
      version: options.version,
      shell: 'headless',
      demo: options.demoRange !== null,
      demoRange: options.demoRange,
    },
    ...(options.fastTuning ? { optimizer: { core: { timing: FAST_TUNING_TIMING } } } : {}),
  });
  // The allowed Host headers need the bound port, known only after listen(): checked through this reference.
  let allowed = new Set<string>();
  const isAllowedHost = (request: IncomingMessage): boolean => hostAllowed(request, allowed);
  const server = http.createServer(createStaticHandler(options.rendererDir, isAllowedHost));
  const ws = attachWebSocket({ server, token, dispatch: engine.dispatch, events: engine.events, isAllowedHost });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  engine.start();
  const { port } = server.address() as AddressInfo;
  allowed = allowedHosts(options.host, port);
  const displayHost = options.host.includes(':') ? `[${options.host}]` : options.host;
  const baseUrl = `http://${displayHost}:${port}`;
  return {
    engine,
    url: `${baseUrl}/#token=${token}`,
    baseUrl,
    token,
    close: async () => {
      await ws.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await engine.stop();
    },
  };
}
