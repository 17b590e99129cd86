// SRBMiner-Multi `GET /` (PROTOCOLS.md A7; HiveOS minershive/hiveos-linux hive/miners/srbminer/h-stats.sh; Foreman
// foreman-srbminer SrbminerNew.java and json/multi/Response.java). Two layouts:
// - 0.4.8+: "algorithms":[{name, pool{pool, wallet?}, shares{accepted,rejected}, hashrate{now, 1min, 5min, gpu{gpu0,
//   gpu1.., total}, cpu{thread0.., total}}}] next to "gpu_devices"/"cpu_devices". Per-GPU rates are keyed
//   "gpu<device_id>" (HiveOS strips "gpu" from the key to find the device).
// - 0.1.x: flat "hashrate_total_now", "gpu_hashrate":[{"GPU0":..}], "shares", "pool".
// All rates are H/s (HiveOS: hs_units "hs"). SRBMiner reports fans in rpm ("fan_speed_rpm") and no power: fans go to
// snapshot.fans, GPU power stays null. A CPU-only rig (the 0.5.6 capture) shows its CPUs as the rig's devices.
import type { Fan, RigIdentity, RigSnapshot } from '../../../../src-shared/model/rig.js';
import type { JsonObject } from '../cgminer/parse.js';
import { entries, firstEntry, isObject, numberField, stringField } from '../fields.js';
import { EMPTY_GPU, MAX_GPUS, type GpuReading } from '../gpu-common/gpus.js';
import { gpuIdentity } from '../gpu-common/identity.js';
import { currentPool, gpuIndex, gpuSnapshot } from '../gpu-common/snapshot.js';
import { rateThs } from '../gpu-common/units.js';

function objectAt(value: unknown, key: string): JsonObject {
  const inner = isObject(value) ? value[key] : undefined;
  return isObject(inner) ? inner : {};
}

/** SRBMiner is the one that sends "miner_version" with "algorithms" (0.4.8+) or "hashrate_total_now" (0.1.x). */
export function isSrbminerStatus(reply: JsonObject): boolean {
  if (stringField(reply['miner_version'], 32) === null) return false;
  return Array.isArray(reply['algorithms']) || 'hashrate_total_now' in reply;
}

function rate(value: unknown): number | null {
  return rateThs(value, 'H');
}

/** The per-device rate table: algorithms[0].hashrate.gpu (0.4.8+) or gpu_hashrate[0] (0.1.x). */
function gpuRates(reply: JsonObject): { table: JsonObject; prefix: string } {
  const primary = firstEntry(reply, 'algorithms');
  if (primary) return { table: objectAt(primary['hashrate'], 'gpu'), prefix: 'gpu' };
  return { table: firstEntry(reply, 'gpu_hashrate') ?? {}, prefix: 'GPU' };
}

export function srbminerGpus(reply: JsonObject): GpuReading[] {
  const { table, prefix } = gpuRates(reply);
  const gpus = entries(reply, 'gpu_devices').slice(0, MAX_GPUS);
  if (gpus.length > 0) {
    return gpus.map((device, position) => {
      const index = gpuIndex(device['device_id'], position);
      return {
        ...EMPTY_GPU,
        index,
        name: stringField(device['model'], 64),
        hashrateThs: rate(table[`${prefix}${index}`]),
        coreTempC: numberField(device['temperature']),
        coreClockMhz: numberField(device['core_clock']),
        hardwareErrors: numberField(device['compute_errors']),
      };
    });
  }
  // CPU mining: one device per CPU; its rate is known only when there is one CPU to give the total to.
  const cpus = entries(reply, 'cpu_devices').slice(0, MAX_GPUS);
  const cpuTotal = rate(objectAt(firstEntry(reply, 'algorithms')?.['hashrate'], 'cpu')['total']);
  return cpus.map((cpu, position) => ({
    ...EMPTY_GPU,
    index: gpuIndex(cpu['id'], position),
    name: stringField(cpu['model'], 64),
    hashrateThs: cpus.length === 1 ? cpuTotal : null,
  }));
}

function srbminerFans(reply: JsonObject): Fan[] {
  return entries(reply, 'gpu_devices')
    .slice(0, MAX_GPUS)
    .flatMap((device, position) => {
      const rpm = numberField(device['fan_speed_rpm']);
      return rpm === null ? [] : [{ index: gpuIndex(device['device_id'], position), rpm }];
    });
}

export function srbminerSnapshot(reply: JsonObject, takenAt: number): RigSnapshot {
  const primary = firstEntry(reply, 'algorithms');
  const shares = primary ? objectAt(primary, 'shares') : objectAt(reply, 'shares');
  const pool = primary ? objectAt(primary, 'pool') : objectAt(reply, 'pool');
  const hashrate = primary ? objectAt(primary, 'hashrate') : {};
  const accepted = numberField(shares['accepted']);
  const rejected = numberField(shares['rejected']);
  return gpuSnapshot(
    {
      gpus: srbminerGpus(reply),
      hashrateThs: primary ? rate(hashrate['now']) : rate(reply['hashrate_total_now']),
      hashrateAvgThs: primary ? rate(hashrate['5min']) : rate(reply['hashrate_total_5min']),
      totalPowerW: null,
      // Newer releases name the wallet next to the pool ("wallet", bitcap-ipr's SRBMiner client); 0.5.6 does not.
      pools: currentPool(pool['pool'], pool['wallet'], accepted, rejected),
      uptimeS: numberField(reply['mining_time']),
      accepted,
      rejected,
      fans: srbminerFans(reply),
      paused: null,
    },
    takenAt,
  );
}

export function srbminerIdentity(host: string, port: number, reply: JsonObject): RigIdentity | null {
  if (!isSrbminerStatus(reply)) return null;
  return gpuIdentity({
    host,
    port,
    family: 'srbminer',
    firmware: `SRBMiner-Multi ${stringField(reply['miner_version'], 32) ?? ''}`.trim(),
    apiVersion: null,
    deviceNames: srbminerGpus(reply).map((gpu) => gpu.name),
  });
}
