// lolMiner `GET /summary` (PROTOCOLS.md A7; HiveOS minershive/hiveos-linux hive/miners/lolminer/h-stats.sh). Rates
// are in Session.Performance_Unit ("sol/s", "mh/s", ...). The per-GPU temperature key changed from "Temps (deg C)"
// (1.0) to "Temp (deg C)" (1.16a); both are read. Rejected shares are Submitted - Accepted, as HiveOS computes them.
// lolMiner 1.2x+ replaced this layout with "Workers"/"Algorithms" arrays, of which no full capture was available:
// such a reply is recognised as lolMiner but read() says plainly that its layout is not supported yet.
import type { RigIdentity, RigSnapshot } from '../../../../src-shared/model/rig.js';
import type { JsonObject } from '../cgminer/parse.js';
import { entries, isObject, numberField, stringField } from '../fields.js';
import { EMPTY_GPU, MAX_GPUS, reportedPowerW, type GpuReading } from '../gpu-common/gpus.js';
import { gpuIdentity } from '../gpu-common/identity.js';
import { currentPool, gpuIndex, gpuSnapshot } from '../gpu-common/snapshot.js';
import { parseHashUnit, rateThs } from '../gpu-common/units.js';

/** "Software": "lolMiner 1.16a" */
export function isLolminerSummary(reply: JsonObject): boolean {
  return /^lolMiner\b/i.test(stringField(reply['Software'], 64) ?? '');
}

/** The 1.0-1.1x layout this driver reads: a Session object and a GPUs array. */
export function hasSessionLayout(reply: JsonObject): boolean {
  return isObject(reply['Session']) && Array.isArray(reply['GPUs']);
}

function section(reply: JsonObject, key: string): JsonObject {
  const value = reply[key];
  return isObject(value) ? value : {};
}

export function lolminerGpus(reply: JsonObject): GpuReading[] {
  const unit = parseHashUnit(section(reply, 'Session')['Performance_Unit']);
  return entries(reply, 'GPUs')
    .slice(0, MAX_GPUS)
    .map((gpu, position) => ({
      ...EMPTY_GPU,
      index: gpuIndex(gpu['Index'], position),
      name: stringField(gpu['Name'], 64),
      hashrateThs: rateThs(gpu['Performance'], unit),
      coreTempC: numberField(gpu['Temp (deg C)'] ?? gpu['Temps (deg C)']),
      memoryTempC: numberField(gpu['Mem Temp (deg C)']),
      powerW: reportedPowerW(numberField(gpu['Consumption (W)'])),
      // Reported as sent: lolMiner prints 0 % where it cannot read a fan (every Radeon VII in the 1.16a capture),
      // so a 0 from lolMiner is not proof of a stopped fan; hiding it could hide a real one.
      fanPercent: numberField(gpu['Fan Speed (%)']),
      hardwareErrors: numberField(gpu['Session_HWErr']),
    }));
}

export function lolminerSnapshot(reply: JsonObject, takenAt: number): RigSnapshot {
  const session = section(reply, 'Session');
  const stratum = section(reply, 'Stratum');
  const accepted = numberField(session['Accepted']);
  const submitted = numberField(session['Submitted']);
  const rejected = accepted !== null && submitted !== null ? Math.max(0, submitted - accepted) : null;
  return gpuSnapshot(
    {
      gpus: lolminerGpus(reply),
      hashrateThs: rateThs(session['Performance_Summary'], parseHashUnit(session['Performance_Unit'])),
      hashrateAvgThs: null,
      totalPowerW: numberField(session['TotalPower']),
      // lolMiner names the pool as host:port, without the stratum scheme (both captures).
      pools: currentPool(stratum['Current_Pool'], stratum['Current_User'], accepted, rejected),
      uptimeS: numberField(session['Uptime']),
      accepted,
      rejected,
      fans: [],
      paused: null,
    },
    takenAt,
  );
}

export function lolminerIdentity(host: string, port: number, reply: JsonObject): RigIdentity | null {
  if (!isLolminerSummary(reply)) return null;
  return gpuIdentity({
    host,
    port,
    family: 'lolminer',
    firmware: stringField(reply['Software'], 64) ?? 'lolMiner',
    apiVersion: null,
    deviceNames: lolminerGpus(reply).map((gpu) => gpu.name),
  });
}
