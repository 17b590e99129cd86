// The bodies a virtual AxeOS rig serves, from its physics and stored settings.
// ESP-Miner: exactly the key set, order and types of the real v2.6.0 /api/system/info capture (PROTOCOLS.md A5):
// "voltage" in mV, "current" in mA, isUsingFallbackStratum 0/1, bestDiff as a suffixed string ("4.29G"), MAC with
// dashes. NerdQAxe: the keys handler_system.cpp GET_system_info writes whose meaning the source makes clear (fields
// with units it does not show, the per-pool "stratum" object and the history are left out). /api/system/asic follows
// the OpenAPI schema (ESP-Miner) or GET_system_asic (NerdQAxe: absMax*/eco* as well).
import { mixSeed, mulberry32 } from '../random.js';
import type { AxeModel } from './models.js';
import { axeRates, sessionBestDiff, type AxePhysics } from './physics.js';
import type { AxeSettings } from './settings.js';

export interface AxeReplyContext {
  model: AxeModel;
  physics: AxePhysics;
  settings: AxeSettings;
  host: string;
  seed: number;
  nowMs: number;
}

/** The page at GET /: pyasic identifies Bitaxe by "AxeOS" in it. */
export const AXEOS_HTML =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>AxeOS</title>' +
  '<base href="/"><meta name="viewport" content="width=device-width, initial-scale=1"></head>' +
  '<body><app-root></app-root></body></html>';

const SUFFIXES = ['', 'k', 'M', 'G', 'T', 'P', 'E'];

/** ESP-Miner's difficulty strings: "4.29G", "3.83M", plain below 1000. */
export function suffixed(value: number): string {
  let scaled = value;
  let index = 0;
  while (scaled >= 1000 && index < SUFFIXES.length - 1) {
    scaled /= 1000;
    index += 1;
  }
  return index === 0 ? String(Math.floor(value)) : `${scaled.toFixed(2)}${SUFFIXES[index] ?? ''}`;
}

/** Locally administered MAC from the host's last three octets: stable and unique per address. */
function macOf(host: string, separator: string): string {
  const octets = host
    .split('.')
    .slice(1)
    .map((part) => Number(part).toString(16).padStart(2, '0').toUpperCase());
  return ['02', '52', '57', ...octets].join(separator);
}

/** Seeded noise, redrawn every 5 s: the same seed and clock give the same bytes. */
function noise(context: AxeReplyContext, salt: number, spread: number): number {
  const next = mulberry32(mixSeed(context.seed, salt, Math.floor(context.nowMs / 5000)));
  return 1 + (next() * 2 - 1) * spread;
}

function readings(context: AxeReplyContext) {
  const { physics, model } = context;
  const rates = axeRates(physics);
  const powerW = rates.powerW * noise(context, 1, 0.01);
  const inputMv = model.inputVoltageMv * noise(context, 2, 0.004);
  const fanRpm = physics.fanFailed ? 0 : Math.round(physics.fanDuty * model.fanMaxRpm * noise(context, 3, 0.02));
  const session = sessionBestDiff(physics);
  return {
    hashRateGhs: rates.ghs * noise(context, 4, 0.03),
    powerW,
    inputMv,
    currentMa: (powerW / inputMv) * 1e6,
    chipC: Math.round(physics.chipTempC * 4) / 4,
    vrC: Math.round(context.physics.ambientC + (physics.chipTempC - physics.ambientC) * 0.6),
    coreActualMv: Math.round(physics.voltageMv - 6 + 4 * noise(context, 5, 1)),
    fanRpm,
    fanPct: Math.round(physics.fanDuty * 100),
    accepted: Math.floor(physics.accepted),
    rejected: Math.floor(physics.rejected),
    bestSession: session,
    bestEver: Math.max(physics.bestEverDiff, session),
    uptimeS: Math.floor(physics.elapsedS),
  };
}

export function espMinerInfo(context: AxeReplyContext): Record<string, unknown> {
  const { model, physics, settings } = context;
  const read = readings(context);
  return {
    power: read.powerW,
    voltage: read.inputMv,
    current: read.currentMa,
    temp: read.chipC,
    vrTemp: read.vrC,
    maxPower: model.maxPowerW,
    nominalVoltage: model.nominalInputV,
    hashRate: read.hashRateGhs,
    bestDiff: suffixed(read.bestEver),
    bestNonceDiff: read.bestEver,
    bestSessionDiff: suffixed(read.bestSession),
    bestSessionNonceDiff: read.bestSession,
    stratumDiff: 1000,
    isUsingFallbackStratum: 0,
    isPSRAMAvailable: 1,
    freeHeap: 170_000 + (context.seed % 9000),
    coreVoltage: settings.coreVoltage,
    coreVoltageActual: read.coreActualMv,
    frequency: settings.frequency,
    ssid: settings.ssid,
    macAddr: macOf(context.host, '-'),
    hostname: settings.hostname,
    wifiStatus: 'Connected!',
    wifiRSSI: -50,
    apEnabled: 0,
    sharesAccepted: read.accepted,
    sharesRejected: read.rejected,
    sharesRejectedReasons: read.rejected > 0 ? [{ message: 'Above target', count: read.rejected }] : [],
    uptimeSeconds: read.uptimeS,
    asicCount: model.asicCount,
    smallCoreCount: model.smallCoreCount,
    ASICModel: model.asicModel,
    stratumURL: settings.stratumURL,
    fallbackStratumURL: settings.fallbackStratumURL,
    stratumPort: settings.stratumPort,
    fallbackStratumPort: settings.fallbackStratumPort,
    stratumUser: settings.stratumUser,
    fallbackStratumUser: settings.fallbackStratumUser,
    version: model.firmwareVersion,
    idfVersion: 'v5.4',
    boardVersion: model.boardVersion ?? '',
    runningPartition: 'factory',
    flipscreen: settings.flipscreen,
    overheat_mode: physics.overheatMode ? 1 : 0,
    overclockEnabled: settings.overclockEnabled,
    invertscreen: settings.invertscreen,
    invertfanpolarity: settings.invertfanpolarity,
    autofanspeed: settings.autofanspeed,
    fanspeed: physics.autoFan ? read.fanPct : settings.fanspeed,
    fanrpm: read.fanRpm,
  };
}

export function nerdqaxeInfo(context: AxeReplyContext): Record<string, unknown> {
  const { model, physics, settings } = context;
  const read = readings(context);
  const spread = mulberry32(mixSeed(context.seed, 0x7e3));
  return {
    asicCount: model.asicCount,
    smallCoreCount: model.smallCoreCount,
    deviceModel: model.deviceModel,
    hostip: context.host,
    macAddr: macOf(context.host, ':'),
    wifiRSSI: -52,
    power: read.powerW,
    maxPower: model.maxPowerW,
    current: read.currentMa,
    temp: read.chipC,
    vrTemp: read.vrC,
    hashRate: read.hashRateGhs,
    hashRate_1m: read.hashRateGhs,
    hashRate_10m: read.hashRateGhs,
    hashRate_1h: read.hashRateGhs,
    hashRate_1d: read.hashRateGhs,
    coreVoltage: settings.coreVoltage,
    defaultCoreVoltage: model.nominalVoltageMv,
    coreVoltageActual: read.coreActualMv,
    fanspeed: read.fanPct,
    manualFanSpeed: settings.fanspeed,
    fanrpm: read.fanRpm,
    fanrpm2: 0,
    fanCount: 1,
    shutdown: false,
    poolDifficulty: 1000,
    sharesAccepted: read.accepted,
    sharesRejected: read.rejected,
    bestDiff: suffixed(read.bestEver),
    bestSessionDiff: suffixed(read.bestSession),
    asicTemps: physics.asics.map((_asic, index) =>
      physics.deadAsics[index] ? physics.ambientC : Math.round((read.chipC - spread() * 2) * 10) / 10,
    ),
    hostname: settings.hostname,
    ssid: settings.ssid,
    stratumURL: settings.stratumURL,
    stratumPort: settings.stratumPort,
    stratumUser: settings.stratumUser,
    fallbackStratumURL: settings.fallbackStratumURL,
    fallbackStratumPort: settings.fallbackStratumPort,
    fallbackStratumUser: settings.fallbackStratumUser,
    voltage: read.inputMv,
    frequency: settings.frequency,
    defaultFrequency: model.nominalFrequencyMhz,
    overheat_temp: 70,
    flipscreen: settings.flipscreen,
    invertscreen: settings.invertscreen,
    invertfanpolarity: settings.invertfanpolarity,
    autofanspeed: settings.autofanspeed,
    otp: false,
    ASICModel: model.asicModel,
    uptimeSeconds: read.uptimeS,
    wifiStatus: 'Connected!',
    freeHeap: 4_000_000 + (context.seed % 90_000),
    version: model.firmwareVersion,
    runningPartition: 'ota_0',
  };
}

export function asicReply(model: AxeModel): Record<string, unknown> {
  const common = {
    ASICModel: model.asicModel,
    deviceModel: model.deviceModel,
    swarmColor: model.swarmColor,
    asicCount: model.asicCount,
    defaultFrequency: model.nominalFrequencyMhz,
    frequencyOptions: [...model.frequencyOptionsMhz],
    defaultVoltage: model.nominalVoltageMv,
    voltageOptions: [...model.voltageOptionsMv],
  };
  if (model.flavour === 'esp-miner') return common;
  return {
    ...common,
    absMaxFrequency: Math.max(...model.frequencyOptionsMhz) + 100,
    absMaxVoltage: Math.max(...model.voltageOptionsMv) + 100,
    ecoFrequency: Math.min(...model.frequencyOptionsMhz),
    ecoVoltage: Math.min(...model.voltageOptionsMv),
  };
}
