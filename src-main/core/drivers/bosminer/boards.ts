// Hashboards of a Braiins OS rig, joined from four replies that each describe the chains by their ID:
// - devs: DEVS[] "ID", "MHS 1m"/"MHS 5s" (MH/s), "Hardware Errors", "Status" ("Alive"), "Enabled" ("Y") (foreman
//   AntminerStatsITest, "Antminer S9 (bOS+)" devs reply from bosminer-plus-am1-s9 0.4.0; pyasic get_hashboards reads
//   "MHS 1m").
// - devdetails: DEVDETAILS[] "ID", "Chips", "Frequency", "Voltage" (V). The Braiins docs example sends Frequency in
//   Hz (799682118 for ~800 MHz, Development/1_api.rst); a third-party BOSer parser reads it as MHz, so both are taken:
//   anything above 20,000 is Hz.
// - temps: TEMPS[] "ID", "Board", "Chip" (°C). BOSminer+ 0.2.0 on an S9 sends "Chip": 0.0 when it has no chip
//   sensor reading (foreman capture), so 0 means "not reported".
// - tunerstatus: TUNERSTATUS[0].TunerChainStatus[] "HashchainIndex", "ApproximatePowerConsumptionWatt" (Braiins docs).
// Chain IDs are 6, 7, 8 on an S9 (all of the above) and other numbers elsewhere (pyasic guesses 1-based); boards are
// therefore numbered by rank of their ID, so index 0 is always the lowest chain.
import type { Hashboard } from '../../../../src-shared/model/rig.js';
import { toTerahash } from '../../../../src-shared/units.js';
import type { JsonObject } from '../cgminer/parse.js';
import { entries, firstEntry, intField, numberField, stringField } from '../fields.js';
import type { BosModelSpec } from './models.js';

const MAX_BOARDS = 16;
const MAX_CHAIN_ID = 1000;
/** Frequencies above this are in Hz (no ASIC clocks at 20 GHz); below it, MHz. */
const HZ_THRESHOLD = 20_000;

export interface BoardReplies {
  devs: JsonObject | null;
  devdetails: JsonObject | null;
  temps: JsonObject | null;
  tunerstatus: JsonObject | null;
}

function byId(rows: JsonObject[], idKey: string): Map<number, JsonObject> {
  const map = new Map<number, JsonObject>();
  for (const row of rows) {
    const id = intField(row[idKey]);
    if (id !== null && id >= 0 && id <= MAX_CHAIN_ID && !map.has(id)) map.set(id, row);
  }
  return map;
}

function positive(value: unknown): number | null {
  const parsed = numberField(value);
  return parsed !== null && parsed > 0 ? parsed : null;
}

/** MH/s fields ("MHS 1m", "MHS 5s", ...) as TH/s, first window that is present. */
export function megahashAsTerahash(row: JsonObject | null | undefined, windows: readonly string[]): number | null {
  if (!row) return null;
  for (const window of windows) {
    const value = numberField(row[`MHS ${window}`]);
    if (value !== null && value >= 0) return toTerahash(value, 'MH');
  }
  return null;
}

export function frequencyMhzOf(value: unknown): number | null {
  const frequency = positive(value);
  if (frequency === null) return null;
  return frequency > HZ_THRESHOLD ? frequency / 1e6 : frequency;
}

function boardStatus(
  dev: JsonObject | undefined,
  hashrateThs: number | null,
  chips: number | null,
  spec: BosModelSpec | null,
  paused: boolean,
): Hashboard['status'] {
  if (paused) return 'ok';
  const status = stringField(dev?.['Status'], 16)?.toLowerCase();
  const disabled = stringField(dev?.['Enabled'], 4)?.toUpperCase() === 'N';
  if (disabled || status === 'dead' || status === 'sick' || status === 'disabled' || chips === 0) return 'dead';
  if (dev && hashrateThs === 0) return 'dead';
  if (spec && chips !== null && chips < spec.chipsPerBoard) return 'degraded';
  return 'ok';
}

export function boardsFromReplies(replies: BoardReplies, spec: BosModelSpec | null, paused: boolean): Hashboard[] {
  const devs = byId(replies.devs ? entries(replies.devs, 'DEVS') : [], 'ID');
  const details = byId(replies.devdetails ? entries(replies.devdetails, 'DEVDETAILS') : [], 'ID');
  const temps = byId(replies.temps ? entries(replies.temps, 'TEMPS') : [], 'ID');
  const tuner = replies.tunerstatus ? firstEntry(replies.tunerstatus, 'TUNERSTATUS') : null;
  const chains = byId(tuner ? entries(tuner, 'TunerChainStatus') : [], 'HashchainIndex');
  const ids = [...new Set([...devs.keys(), ...details.keys(), ...temps.keys(), ...chains.keys()])]
    .sort((a, b) => a - b)
    .slice(0, MAX_BOARDS);
  return ids.map((id, index): Hashboard => {
    const dev = devs.get(id);
    const detail = details.get(id);
    const temp = temps.get(id);
    const hashrateThs = megahashAsTerahash(dev, ['1m', '5s', 'av']);
    const chips = intField(detail?.['Chips']);
    return {
      index,
      hashrateThs,
      chipTempC: positive(temp?.['Chip']),
      boardTempC: positive(temp?.['Board']),
      frequencyMhz: frequencyMhzOf(detail?.['Frequency']),
      chipsOk: chips,
      chipsTotal: spec?.chipsPerBoard ?? chips,
      hardwareErrors: intField(dev?.['Hardware Errors']),
      powerW: positive(chains.get(id)?.['ApproximatePowerConsumptionWatt']),
      fanPercent: null,
      status: boardStatus(dev, hashrateThs, chips, spec, paused),
    };
  });
}

/** Average board voltage from devdetails ("Voltage" in volts), as millivolts. */
export function averageVoltageMv(devdetails: JsonObject | null): number | null {
  if (!devdetails) return null;
  const volts = entries(devdetails, 'DEVDETAILS')
    .slice(0, MAX_BOARDS)
    .map((row) => positive(row['Voltage']))
    .filter((value): value is number => value !== null && value < 100);
  if (volts.length === 0) return null;
  return Math.round((volts.reduce((sum, value) => sum + value, 0) / volts.length) * 1000);
}
