// A simulated farm in its own process, so a benchmark measures the engine's CPU and not the simulator's. Started by
// bench/farm-client.ts; told what to start over IPC; stops when told or when its parent goes away.
import { startFarm } from '../src-main/sim/farm.js';
import { startMixedFarm, type MixedKind } from '../src-main/sim/mixed-farm.js';

interface StartMessage {
  count: number;
  firstHost: string;
  hangCount?: number;
  hangFirstHost?: string;
  /** A mixed farm of every family instead of Antminers only. */
  mixed?: Partial<Record<MixedKind, number>>;
}

let farms: Array<{ stop(): Promise<void>; rigs: ReadonlyArray<{ host: string; family: string; modelName: string }> }> =
  [];

process.on('message', (message: { type: 'start'; options: StartMessage } | { type: 'stop' }) => {
  if (message.type === 'stop') {
    void Promise.all(farms.map((farm) => farm.stop())).then(() => process.exit(0));
    return;
  }
  void (async () => {
    const { count, firstHost, hangCount, hangFirstHost, mixed } = message.options;
    farms = [
      mixed
        ? await startMixedFarm({ firstHost, counts: mixed, seed: 3 })
        : await startFarm({ count, firstHost, seed: 3 }),
    ];
    if (hangCount && hangFirstHost) {
      // Hosts that accept a connection and never answer: the worst case of a LAN address that is not a rig.
      const silent = await startFarm({ count: hangCount, firstHost: hangFirstHost, seed: 4 });
      await Promise.all(silent.rigs.map((rig) => rig.injectFault({ kind: 'hang' })));
      farms.push(silent);
    }
    const rigs = farms[0]?.rigs ?? [];
    process.send?.({
      type: 'ready',
      hosts: rigs.map((rig) => rig.host),
      identities: rigs.map((rig) => ({ host: rig.host, family: rig.family, model: rig.modelName })),
    });
  })();
});
process.on('disconnect', () => process.exit(0));
