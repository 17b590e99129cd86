import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MixedKind } from '../src-main/sim/mixed-farm.js';

export interface RemoteFarm {
  hosts: string[];
  /** What each rig must be identified as. */
  identities: Array<{ host: string; family: string; model: string }>;
  stop(): Promise<void>;
}

const here = path.dirname(fileURLToPath(import.meta.url));

export function startRemoteFarm(options: {
  count: number;
  firstHost: string;
  hangCount?: number;
  hangFirstHost?: string;
  mixed?: Partial<Record<MixedKind, number>>;
}): Promise<RemoteFarm> {
  const child: ChildProcess = fork(path.join(here, 'farm-process.ts'), [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`farm process exited with ${code}`)));
    child.on('message', (message: { type: string; hosts: string[]; identities: RemoteFarm['identities'] }) => {
      if (message.type !== 'ready') return;
      child.removeAllListeners('exit');
      resolve({
        hosts: message.hosts,
        identities: message.identities,
        stop: () =>
          new Promise<void>((done) => {
            child.once('exit', () => done());
            child.send({ type: 'stop' });
          }),
      });
    });
    child.send({ type: 'start', options });
  });
}
