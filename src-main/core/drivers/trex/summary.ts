// T-Rex `GET /summary` (trexminer/T-Rex wiki "API"; captures of 0.9.1, 0.19.5 and 0.24.6 in ./fixtures.ts). Rates
// are plain H/s integers ("hashrate", per GPU and total; HiveOS t-rex/h-stats.sh divides by 1000 for kH/s). Newer
// versions add per-GPU "power" (W), "fan_speed" (%), "cclock" (MHz), "shares.invalid_count", "paused", and a
// top-level "paused"; older ones send only what 0.9.1 does. A refused request is {"error":..., "success":0}.
import { RigwiseError } from '../../../../src-shared/api/errors.js';
import type { RigIdentity, RigSnapshot } from '../../../../src-shared/model/rig.js';
import type { JsonObject } from '../cgminer/parse.js';
import { booleanField, entries, isObject, numberField, stringField } from '../fields.js';
import { EMPTY_GPU, MAX_GPUS, reportedPowerW, type GpuReading } from '../gpu-common/gpus.js';
import { gpuIdentity } from '../gpu-common/identity.js';
import { currentPool, gpuIndex, gpuSnapshot } from '../gpu-common/snapshot.js';
import { rateThs } from '../gpu-common/units.js';

/** T-Rex names itself "t-rex" and describes itself "T-Rex NVIDIA GPU miner" in every capture since API 1.0. */
export function isTrexSummary(reply: JsonObject): boolean {
  const name = stringField(reply['name'], 32)?.toLowerCase();
  const description = stringField(reply['description'], 64) ?? '';
  return name === 't-rex' || /^T-Rex\b/i.test(description);
}

/**
 * A refusal: {"error":"unauthorized request","success":0} (trexminer/T-Rex issue #1189). Refusals that speak of
 * authorisation or passwords are UNAUTHORIZED; any other is RIG_ERROR with T-Rex's words.
 */
export function trexRefusal(reply: JsonObject): RigwiseError | null {
  const error = stringField(reply['error'], 120);
  if (reply['success'] !== 0 && error === null) return null;
  const text = error ?? 'no reason given';
  if (/unauthori|password|auth/i.test(text)) {
    return new RigwiseError('UNAUTHORIZED', `T-Rex refused the request (${text}); check the API password.`);
  }
  return new RigwiseError('RIG_ERROR', `T-Rex refused the request: ${text}.`);
}

function rate(value: unknown): number | null {
  return rateThs(value, 'H');
}

function gpuOf(gpu: JsonObject, position: number): GpuReading {
  const shares = isObject(gpu['shares']) ? gpu['shares'] : null;
  return {
    ...EMPTY_GPU,
    index: gpuIndex(gpu['gpu_id'] ?? gpu['device_id'], position),
    name: stringField(gpu['name'], 64),
    hashrateThs: rate(gpu['hashrate']),
    coreTempC: numberField(gpu['temperature']),
    powerW: reportedPowerW(numberField(gpu['power'])),
    fanPercent: numberField(gpu['fan_speed']),
    coreClockMhz: numberField(gpu['cclock']),
    hardwareErrors: numberField(shares?.['invalid_count']),
    disabled: gpu['disabled'] === true,
    paused: gpu['paused'] === true,
  };
}

function positiveRate(value: unknown): number | null {
  const ths = rate(value);
  return ths !== null && ths > 0 ? ths : null;
}

export function trexGpus(reply: JsonObject): GpuReading[] {
  return entries(reply, 'gpus').slice(0, MAX_GPUS).map(gpuOf);
}

export function trexSnapshot(reply: JsonObject, takenAt: number): RigSnapshot {
  const accepted = numberField(reply['accepted_count']);
  const rejected = numberField(reply['rejected_count']);
  const pool = isObject(reply['active_pool']) ? reply['active_pool'] : {};
  return gpuSnapshot(
    {
      gpus: trexGpus(reply),
      hashrateThs: rate(reply['hashrate']),
      // hashrate_hour reads 0 for the first hour (0.9.1 capture); the minute average is there from the start.
      hashrateAvgThs: positiveRate(reply['hashrate_hour']) ?? positiveRate(reply['hashrate_minute']),
      totalPowerW: null,
      pools: currentPool(pool['url'], pool['user'], accepted, rejected),
      uptimeS: numberField(reply['uptime']),
      accepted,
      rejected,
      fans: [],
      paused: booleanField(reply['paused']),
    },
    takenAt,
  );
}

export function trexIdentity(host: string, port: number, reply: JsonObject): RigIdentity | null {
  if (!isTrexSummary(reply)) return null;
  const version = stringField(reply['version'], 32);
  return gpuIdentity({
    host,
    port,
    family: 'trex',
    firmware: version ? `T-Rex ${version}` : 'T-Rex',
    apiVersion: stringField(reply['api'], 16),
    deviceNames: trexGpus(reply).map((gpu) => gpu.name),
    // T-Rex is "NVIDIA GPU miner": it runs on nothing else.
    fallbackMake: 'NVIDIA',
  });
}
