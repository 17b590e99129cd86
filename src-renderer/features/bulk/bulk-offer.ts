import type { OperatorLimits, Rig, RigId } from '../../../src-shared/model/index.js';
import type { CapabilityCache } from '../../store/capability-cache.js';
import { knownCapabilities } from '../../store/capability-cache.js';
import { poolSlots } from '../rig-control/pool-editor.js';
import { allowedRange, tuningSpec } from '../rig-control/tuning.js';
import type { AllowedRange } from '../rig-control/tuning.js';

/** How many of the selected rigs can take an action. */
export interface Support {
  supported: number;
  total: number;
}

export interface BulkOffer {
  total: number;
  /** Rigs whose capabilities are still being asked for. */
  checking: number;
  /** Rigs whose capabilities could not be read (counted as not supporting anything). */
  unknown: number;
  pools: Support & { slots: number };
  /** `range`: what every selected rig accepts (each rig's safe range and the operator's limits for it). */
  powerTarget: Support & { range: AllowedRange | null };
  pauseResume: Support;
  restart: Support;
  /** Selected rigs whose control needs a credential that is not set: the engine will refuse their commands. */
  missingCredential: RigId[];
}

/** An action is offered for a selection only when every selected rig supports it. */
export function offered(support: Support): boolean {
  return support.total > 0 && support.supported === support.total;
}

const POWER_TARGET = tuningSpec('powerTarget');

function intersect(a: AllowedRange | null, b: AllowedRange): AllowedRange {
  if (a === null) return b;
  return {
    min: Math.max(a.min, b.min),
    max: Math.min(a.max, b.max),
    limitedByOperator: a.limitedByOperator || b.limitedByOperator,
  };
}

/**
 * What a bulk change can do to the selected rigs: for each action, how many of them support it, and for the
 * power target the range all of them accept. Rigs whose capabilities are not known yet support nothing, so an action
 * never shows as offered before every answer is in.
 */
export function bulkOffer(rigs: readonly Rig[], cache: CapabilityCache, limits: OperatorLimits | null): BulkOffer {
  const total = rigs.length;
  const offer: BulkOffer = {
    total,
    checking: 0,
    unknown: 0,
    pools: { supported: 0, total, slots: Number.POSITIVE_INFINITY },
    powerTarget: { supported: 0, total, range: null },
    pauseResume: { supported: 0, total },
    restart: { supported: 0, total },
    missingCredential: [],
  };
  for (const rig of rigs) {
    const entry = cache[rig.id];
    const known = knownCapabilities(entry);
    if (known === null) {
      if (entry?.status === 'failed') offer.unknown += 1;
      else offer.checking += 1;
      continue;
    }
    const { capabilities, credentials } = known;
    if (capabilities.pools !== null) {
      offer.pools.supported += 1;
      offer.pools.slots = Math.min(offer.pools.slots, poolSlots(capabilities.pools.max));
    }
    if (capabilities.powerTargetW !== null) {
      offer.powerTarget.supported += 1;
      const range = allowedRange(POWER_TARGET, capabilities.powerTargetW, limits, rig.identity.model);
      offer.powerTarget.range = intersect(offer.powerTarget.range, range);
    }
    if (capabilities.pauseResume) offer.pauseResume.supported += 1;
    if (capabilities.restart) offer.restart.supported += 1;
    if (capabilities.needsCredential !== 'none' && credentials[capabilities.needsCredential] === null) {
      offer.missingCredential.push(rig.id);
    }
  }
  if (!Number.isFinite(offer.pools.slots)) offer.pools.slots = 0;
  return offer;
}

/** The selected rigs nobody has asked about yet. */
export function unaskedRigIds(rigIds: Iterable<RigId>, cache: CapabilityCache): RigId[] {
  const unasked: RigId[] = [];
  for (const rigId of rigIds) if (cache[rigId] === undefined) unasked.push(rigId);
  return unasked;
}
