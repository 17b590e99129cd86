// Is a measured point stable? A chip given too little voltage for its clock returns wrong nonces: the pool credits
// less work than the clock should give, so hashrate per MHz falls against the device's own stock figure (per board
// where the firmware reports boards: one weak board shows before the total does). Hardware errors climbing, or a chip
// over the operator's temperature limit, also make a point unusable, whatever its efficiency.
import type { DeviceSetting, FingerprintPoint, TuningKnob } from '../../../../src-shared/model/optimizer.js';
import { formatTemperature } from '../../../../src-shared/units.js';
import type { MeasuredPoint } from './point-meter.js';

export interface StabilityRules {
  /** Hashrate lost against the stock figure above which a point is unstable (0.015: 1.5 %, well above the noise of a
   * two-minute mean). */
  maxHashLoss: number;
  maxChipTempC: number;
}

export interface Verdict {
  stable: boolean;
  hashLossFraction: number;
  instability: string | null;
}

function perUnit(hashrate: number | null, setting: DeviceSetting, knob: TuningKnob): number | null {
  if (hashrate === null || hashrate <= 0) return null;
  if (knob === 'frequency-voltage') return setting.frequencyMhz ? hashrate / setting.frequencyMhz : null;
  return hashrate;
}

/** Losses per board against the reference: for a power target, each board's share of the total (one falling behind). */
function boardLosses(
  measured: MeasuredPoint,
  setting: DeviceSetting,
  reference: FingerprintPoint,
  knob: TuningKnob,
): { index: number; loss: number }[] {
  if (measured.boards.length < 2 && knob === 'power-target') return [];
  const total = knob === 'power-target' ? measured.hashrateThs : 1;
  const referenceTotal = knob === 'power-target' ? reference.hashrateThs : 1;
  return measured.boards.flatMap((board) => {
    const before = reference.boards.find((candidate) => candidate.index === board.index);
    const now = perUnit(board.hashrateThs, setting, knob);
    const then = perUnit(before?.hashrateThs ?? null, reference.setting, knob);
    if (now === null || then === null || total <= 0 || referenceTotal <= 0) return [];
    return [{ index: board.index, loss: 1 - now / total / (then / referenceTotal) }];
  });
}

export function judgePoint(
  setting: DeviceSetting,
  measured: MeasuredPoint,
  reference: FingerprintPoint | null,
  knob: TuningKnob,
  rules: StabilityRules,
): Verdict {
  const peak = measured.peakChipTempC;
  if (peak !== null && peak > rules.maxChipTempC) {
    return {
      stable: false,
      hashLossFraction: 0,
      instability: `chips reached ${formatTemperature(peak)}, over the ${formatTemperature(rules.maxChipTempC)} limit`,
    };
  }
  if (!reference) return { stable: true, hashLossFraction: 0, instability: null };
  const now = perUnit(measured.hashrateThs, setting, knob);
  const then = perUnit(reference.hashrateThs, reference.setting, knob);
  const totalLoss = knob === 'frequency-voltage' && now !== null && then !== null ? 1 - now / then : 0;
  const boards = boardLosses(measured, setting, reference, knob);
  const worstBoard = boards.reduce<{ index: number; loss: number } | null>(
    (worst, board) => (worst === null || board.loss > worst.loss ? board : worst),
    null,
  );
  // A single board's figure is noisier than the total's: it needs twice the loss to count on its own.
  if (worstBoard && boards.length > 1 && worstBoard.loss > rules.maxHashLoss * 2) {
    return {
      stable: false,
      hashLossFraction: Math.max(totalLoss, 0),
      instability: `board ${worstBoard.index} lost ${(worstBoard.loss * 100).toFixed(1)}% of its hashrate`,
    };
  }
  if (totalLoss > rules.maxHashLoss) {
    return {
      stable: false,
      hashLossFraction: totalLoss,
      instability: `${(totalLoss * 100).toFixed(1)}% of the hashrate lost to errors`,
    };
  }
  const errorsThen = reference.hwErrorsPerMin;
  const errorsNow = measured.hwErrorsPerMin;
  if (errorsThen !== null && errorsNow !== null && errorsNow > Math.max(errorsThen * 4, errorsThen + 2)) {
    return {
      stable: false,
      hashLossFraction: Math.max(totalLoss, 0),
      instability: `hardware errors rose from ${errorsThen.toFixed(1)} to ${errorsNow.toFixed(1)} a minute`,
    };
  }
  return { stable: true, hashLossFraction: Math.max(totalLoss, 0), instability: null };
}
