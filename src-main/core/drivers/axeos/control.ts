// What AxeOS lets Rigwise change, and the one request each change becomes. Sources: bitaxeorg/ESP-Miner
// main/http_server/openapi.yaml (PATCH /api/system "Settings": frequency MHz, coreVoltage mV, stratumURL/Port/User/
// Password and the fallback* set; POST /api/system/restart) and http_server.c (PATCH answers 200 with an empty body,
// 400 "Wrong API input" for a wrong type or range; restart answers {"message":"System will restart shortly."} and
// reboots a second later). NerdQAxe (handler_system.cpp PATCH_update_settings) reads the same names.
import { RigwiseError } from '../../../../src-shared/api/errors.js';
import type { Capabilities, RigChange } from '../../../../src-shared/model/control.js';
import { asicSpecForModel, rangeOf, type Range } from './models.js';
import { splitPoolUrl } from './pool-url.js';

/** Primary plus fallback: AxeOS stores exactly two pools. */
export const MAX_AXEOS_POOLS = 2;

export interface LearnedRanges {
  frequencyMhz: Range | null;
  voltageMv: Range | null;
}

export interface AxeosRequest {
  method: 'PATCH' | 'POST';
  path: '/api/system' | '/api/system/restart';
  body?: Record<string, string | number>;
}

/**
 * The option lists the rig's firmware offers (GET /api/system/asic) when we have them, else ESP-Miner's table for the
 * ASIC named in the model. The lists are the firmware's presets; AxeOS accepts other values too (overclockEnabled
 * only unlocks free entry in its UI), but Rigwise offers only what the firmware itself proposes.
 */
export function axeosCapabilities(model: string, learned: LearnedRanges | null): Capabilities {
  const spec = asicSpecForModel(model);
  return {
    pools: { max: MAX_AXEOS_POOLS },
    powerTargetW: null,
    frequencyMhz: learned?.frequencyMhz ?? (spec ? rangeOf(spec.frequencyOptionsMhz) : null),
    voltageMv: learned?.voltageMv ?? (spec ? rangeOf(spec.voltageOptionsMv) : null),
    threads: null,
    pauseResume: false,
    restart: true,
    needsCredential: 'none',
  };
}

function outside(value: number, range: Range | null): boolean {
  return range === null || value < range.min || value > range.max;
}

function poolsPatch(change: Extract<RigChange, { kind: 'pools' }>): Record<string, string | number> | RigwiseError {
  if (change.pools.length > MAX_AXEOS_POOLS) {
    return new RigwiseError(
      'RIG_ERROR',
      `AxeOS keeps ${MAX_AXEOS_POOLS} pools (primary and fallback), got ${change.pools.length}.`,
    );
  }
  const [primary, fallback] = change.pools;
  if (!primary) return new RigwiseError('RIG_ERROR', 'A pool change needs at least one pool.');
  const primaryTarget = splitPoolUrl(primary.url);
  if (primaryTarget instanceof RigwiseError) return primaryTarget;
  const patch: Record<string, string | number> = {
    stratumURL: primaryTarget.host,
    stratumPort: primaryTarget.port,
    stratumUser: primary.user,
    stratumPassword: primary.password,
  };
  if (!fallback) {
    // A one-pool list means "no failover": the fallback is cleared so the rig reads back exactly what was asked.
    return { ...patch, fallbackStratumURL: '', fallbackStratumUser: '', fallbackStratumPassword: '' };
  }
  const fallbackTarget = splitPoolUrl(fallback.url);
  if (fallbackTarget instanceof RigwiseError) return fallbackTarget;
  return {
    ...patch,
    fallbackStratumURL: fallbackTarget.host,
    fallbackStratumPort: fallbackTarget.port,
    fallbackStratumUser: fallback.user,
    fallbackStratumPassword: fallback.password,
  };
}

/** The single request a change becomes, or a RIG_ERROR for a change this rig cannot take. */
export function axeosRequestFor(
  change: RigChange,
  capabilities: Capabilities,
  model: string,
): AxeosRequest | RigwiseError {
  switch (change.kind) {
    case 'frequency':
      if (outside(change.mhz, capabilities.frequencyMhz)) {
        return new RigwiseError(
          'RIG_ERROR',
          `${model} takes ${describe(capabilities.frequencyMhz, 'MHz')}, not ${change.mhz} MHz.`,
        );
      }
      return { method: 'PATCH', path: '/api/system', body: { frequency: change.mhz } };
    case 'voltage':
      if (outside(change.millivolts, capabilities.voltageMv)) {
        return new RigwiseError(
          'RIG_ERROR',
          `${model} takes ${describe(capabilities.voltageMv, 'mV')}, not ${change.millivolts} mV.`,
        );
      }
      return { method: 'PATCH', path: '/api/system', body: { coreVoltage: change.millivolts } };
    case 'pools': {
      const body = poolsPatch(change);
      return body instanceof RigwiseError ? body : { method: 'PATCH', path: '/api/system', body };
    }
    case 'restart':
      return { method: 'POST', path: '/api/system/restart' };
    case 'powerTarget':
    case 'threads':
    case 'pause':
    case 'resume':
      return new RigwiseError('RIG_ERROR', `${model} (AxeOS) does not support "${change.kind}" changes.`);
  }
}

function describe(range: Range | null, unit: string): string {
  return range ? `${range.min}-${range.max} ${unit}` : `no ${unit} setting Rigwise knows`;
}
