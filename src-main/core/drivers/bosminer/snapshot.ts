// One RigSnapshot from a Braiins OS rig's replies. Field names are the real replies' (sources in boards.ts and):
// - summary: SUMMARY[0] "MHS 1m" / "MHS 5s" / "MHS av" (MH/s), "Elapsed", "Accepted", "Rejected", "Hardware Errors"
//   (BOSminer+ 0.2.0 summary in PROTOCOLS.md A3; pyasic get_hashrate reads "MHS 1m", as we do: the 5 s window of a
//   tuned rig swings several percent).
// - tunerstatus: TUNERSTATUS[0] "ApproximateMinerPowerConsumption" (W, the firmware's estimate of wall power),
//   "PowerLimit" (W, the autotuner's power target) (Braiins docs Development/1_api.rst; pyasic get_wattage and
//   get_wattage_limit). Open-source BOSminer has no tuner: then power is estimated from the model's nominal J/TH.
// - fans: FANS[] "RPM" (PROTOCOLS.md A3; an S9 reports four entries with two at 0 rpm, so only the fitted count is
//   kept, stopped fans included so a failed one still shows).
// - pools: the cgminer POOLS shape, read by the shared cgminer reader.
// - paused: devdetails answers Msg "Unavailable" while mining is paused (pyasic is_mining).
import { UNKNOWN_CONTROL_STATE } from '../../../../src-shared/model/control.js';
import type { Fan, Pool, RigSnapshot } from '../../../../src-shared/model/rig.js';
import { efficiencyJPerTh } from '../../../../src-shared/units.js';
import type { JsonObject } from '../cgminer/parse.js';
import { nominalEfficiencyJPerTh } from '../cgminer/model-specs.js';
import { poolsFromReply } from '../cgminer/snapshot.js';
import { entries, firstEntry, intField, maxOf, numberField } from '../fields.js';
import { averageVoltageMv, boardsFromReplies, megahashAsTerahash } from './boards.js';
import { modelSpec } from './models.js';
import { replyOf } from './parse.js';
import type { BosReplies } from './read.js';

const MAX_FANS = 16;

function fansFromReply(reply: JsonObject | null, fitted: number | null): Fan[] {
  if (!reply) return [];
  const readings: Fan[] = [];
  entries(reply, 'FANS')
    .slice(0, MAX_FANS)
    .forEach((row, position) => {
      const rpm = numberField(row['RPM']);
      const id = intField(row['ID'] ?? row['FAN']);
      if (rpm !== null && rpm >= 0) readings.push({ index: id !== null && id >= 0 && id < 1000 ? id : position, rpm });
    });
  if (fitted === null) return readings;
  const spinning = readings.filter((fan) => fan.rpm > 0);
  const stopped = readings.filter((fan) => fan.rpm <= 0);
  return [...spinning, ...stopped.slice(0, Math.max(0, fitted - spinning.length))].sort((a, b) => a.index - b.index);
}

/**
 * The shared cgminer pool reader takes "POOL" as the index even when a rig sends a negative one; the contract wants
 * an index >= 0, so such a pool gets its position instead (found by fuzz.test.ts).
 */
function poolsOf(reply: JsonObject | null): Pool[] {
  return poolsFromReply(reply).map((pool, position) => (pool.index >= 0 ? pool : { ...pool, index: position }));
}

function pausedState(replies: BosReplies): boolean | null {
  const devdetails = replies.get('devdetails');
  if (!devdetails || devdetails.kind === 'error') return null;
  return devdetails.kind === 'unavailable';
}

function averageFrequency(values: ReadonlyArray<number | null>): number | null {
  const clocks = values.filter((mhz): mhz is number => mhz !== null && mhz > 0);
  return clocks.length === 0 ? null : clocks.reduce((sum, mhz) => sum + mhz, 0) / clocks.length;
}

export function snapshotFromBosReplies(replies: BosReplies, model: string, takenAt: number): RigSnapshot {
  const summaryReply = replyOf(replies.get('summary'));
  const summary = summaryReply ? firstEntry(summaryReply, 'SUMMARY') : null;
  const tunerReply = replyOf(replies.get('tunerstatus'));
  const tuner = tunerReply ? firstEntry(tunerReply, 'TUNERSTATUS') : null;
  const devdetails = replyOf(replies.get('devdetails'));
  const paused = pausedState(replies);
  const spec = modelSpec(model);
  const boards = boardsFromReplies(
    { devs: replyOf(replies.get('devs')), devdetails, temps: replyOf(replies.get('temps')), tunerstatus: tunerReply },
    spec,
    paused === true,
  );
  const hashrateThs = megahashAsTerahash(summary, ['1m', '5s']);
  const reportedW = numberField(tuner?.['ApproximateMinerPowerConsumption']);
  const measuredW = reportedW !== null && (reportedW > 0 || paused === true) && reportedW < 100_000 ? reportedW : null;
  const nominal = nominalEfficiencyJPerTh(model);
  const estimatedW = measuredW === null && nominal !== null && hashrateThs !== null ? hashrateThs * nominal : null;
  const powerW = measuredW ?? estimatedW;
  const powerLimitW = numberField(tuner?.['PowerLimit']);
  return {
    takenAt,
    hashrateThs,
    hashrateAvgThs: megahashAsTerahash(summary, ['av']),
    powerW,
    powerIsEstimate: measuredW === null && estimatedW !== null,
    efficiencyJPerTh: efficiencyJPerTh(powerW, hashrateThs),
    maxChipTempC: maxOf(boards.map((board) => board.chipTempC)),
    maxBoardTempC: maxOf(boards.map((board) => board.boardTempC)),
    boards,
    fans: fansFromReply(replyOf(replies.get('fans')), spec?.fans ?? null),
    pools: poolsOf(replyOf(replies.get('pools'))),
    uptimeS: numberField(summary?.['Elapsed']),
    accepted: numberField(summary?.['Accepted']),
    rejected: numberField(summary?.['Rejected']),
    hardwareErrors: numberField(summary?.['Hardware Errors']),
    control: {
      ...UNKNOWN_CONTROL_STATE,
      powerTargetW: powerLimitW !== null && powerLimitW > 0 ? powerLimitW : null,
      frequencyMhz: averageFrequency(boards.map((board) => board.frequencyMhz)),
      voltageMv: averageVoltageMv(devdetails),
      paused,
    },
  };
}
