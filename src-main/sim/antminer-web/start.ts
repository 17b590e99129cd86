// A group of web-enabled Antminers on consecutive loopback addresses, for tests and demos of control.
import { startRigGroup } from '../rig-group.js';
import { loopbackHosts } from '../addresses.js';
import type { Clock } from '../clock.js';
import type { ModelName } from '../models.js';
import { mixSeed } from '../random.js';
import type { DevsLayout } from '../reply-context.js';
import type { QuirkName } from '../rig.js';
import { AntminerWithWeb } from './antminer-with-web.js';

export interface AntminerWebRigsOptions {
  count: number;
  firstHost: string;
  seed?: number;
  /** Models in order, cycled over the rigs. Default: Antminer S19 Pro. */
  models?: readonly ModelName[];
  /** cgminer API port; 4028 like real firmware. */
  apiPort?: number;
  /** Web port; 80 like real firmware (binding it needs root or CAP_NET_BIND_SERVICE). */
  webPort?: number;
  webPassword?: string;
  rebootDelayMs?: number;
  clock?: Clock;
  ambientC?: number;
  uptimeS?: number;
  quirks?: readonly QuirkName[];
  devsLayout?: DevsLayout;
}

export interface AntminerWebRigs {
  readonly rigs: readonly AntminerWithWeb[];
  stop(): Promise<void>;
}

export async function startAntminerWebRigs(options: AntminerWebRigsOptions): Promise<AntminerWebRigs> {
  const models = options.models ?? ['Antminer S19 Pro'];
  const rigs = loopbackHosts(options.firstHost, options.count).map(
    (host, index) =>
      new AntminerWithWeb({
        host,
        port: options.apiPort ?? 4028,
        webPort: options.webPort ?? 80,
        model: models[index % models.length] ?? 'Antminer S19 Pro',
        seed: mixSeed(options.seed ?? 1, index),
        ...(options.webPassword === undefined ? {} : { webPassword: options.webPassword }),
        ...(options.rebootDelayMs === undefined ? {} : { rebootDelayMs: options.rebootDelayMs }),
        ...(options.clock === undefined ? {} : { clock: options.clock }),
        ...(options.ambientC === undefined ? {} : { ambientC: options.ambientC }),
        ...(options.uptimeS === undefined ? {} : { uptimeS: options.uptimeS }),
        ...(options.quirks === undefined ? {} : { quirks: options.quirks }),
        ...(options.devsLayout === undefined ? {} : { devsLayout: options.devsLayout }),
      }),
  );
  return startRigGroup(rigs, 'web-enabled Antminer');
}
