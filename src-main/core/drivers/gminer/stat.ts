// GMiner `GET /stat` (PROTOCOLS.md A7; HiveOS minershive/hiveos-linux hive/miners/gminer/h-stats.sh). No total rate:
// the devices' "speed" values are added up, as HiveOS does. Rates are in "speedUnit" ("Sol/s" in 1.34); replies
// without it (the HiveOS sample) are H/s. Newer GMiner releases add per-device "fan" (%) and "memory_temperature"
// (field names from sokdak/miner-exporter pkg/gminer/types.go); they are read when present.
import type { RigIdentity, RigSnapshot } from '../../../../src-shared/model/rig.js';
import type { HashrateUnit } from '../../../../src-shared/units.js';
import type { JsonObject } from '../cgminer/parse.js';
import { entries, numberField, stringField } from '../fields.js';
import { EMPTY_GPU, MAX_GPUS, reportedPowerW, type GpuReading } from '../gpu-common/gpus.js';
import { gpuIdentity } from '../gpu-common/identity.js';
import { currentPool, gpuIndex, gpuSnapshot } from '../gpu-common/snapshot.js';
import { parseHashUnit, rateThs } from '../gpu-common/units.js';

/** "miner": "GMiner 1.34". The HiveOS sample has no "miner" key, so it is not identified: a probe needs a name. */
export function isGminerStat(reply: JsonObject): boolean {
  return /^GMiner\b/i.test(stringField(reply['miner'], 64) ?? '') && Array.isArray(reply['devices']);
}

function unitOf(reply: JsonObject): HashrateUnit | null {
  return reply['speedUnit'] === undefined ? 'H' : parseHashUnit(reply['speedUnit']);
}

export function gminerGpus(reply: JsonObject): GpuReading[] {
  const unit = unitOf(reply);
  return entries(reply, 'devices')
    .slice(0, MAX_GPUS)
    .map((device, position) => ({
      ...EMPTY_GPU,
      index: gpuIndex(device['gpu_id'], position),
      name: stringField(device['name'], 64),
      hashrateThs: rateThs(device['speed'], unit),
      coreTempC: numberField(device['temperature']),
      memoryTempC: numberField(device['memory_temperature']),
      powerW: reportedPowerW(numberField(device['power_usage'])),
      fanPercent: numberField(device['fan']),
    }));
}

function sumOfDevices(reply: JsonObject, key: string): number | null {
  let sum: number | null = null;
  for (const device of entries(reply, 'devices').slice(0, MAX_GPUS)) {
    const value = numberField(device[key]);
    if (value !== null) sum = (sum ?? 0) + value;
  }
  return sum;
}

export function gminerSnapshot(reply: JsonObject, takenAt: number): RigSnapshot {
  const accepted = numberField(reply['total_accepted_shares']) ?? sumOfDevices(reply, 'accepted_shares');
  const rejected = numberField(reply['total_rejected_shares']) ?? sumOfDevices(reply, 'rejected_shares');
  return gpuSnapshot(
    {
      gpus: gminerGpus(reply),
      hashrateThs: null,
      hashrateAvgThs: null,
      totalPowerW: null,
      pools: currentPool(reply['server'], reply['user'], accepted, rejected),
      uptimeS: numberField(reply['uptime']),
      accepted,
      rejected,
      fans: [],
      paused: null,
    },
    takenAt,
  );
}

export function gminerIdentity(host: string, port: number, reply: JsonObject): RigIdentity | null {
  if (!isGminerStat(reply)) return null;
  return gpuIdentity({
    host,
    port,
    family: 'gminer',
    firmware: stringField(reply['miner'], 64) ?? 'GMiner',
    apiVersion: null,
    deviceNames: gminerGpus(reply).map((gpu) => gpu.name),
  });
}
