// Constants of the physical model and the per-model figures derived from them, chosen so that a typical unit at
// nominal clocks, 25 °C ambient and the stock fan controller lands on the catalog's hashrate, power and chip
// temperature. Real captures set the scale of the noisier figures (see the comments at each constant).

import type { RigModel } from './models.js';

export const NOMINAL_AMBIENT_C = 25;
/** APW-class PSUs convert at about 93 % under load. */
export const PSU_EFFICIENCY = 0.93;
export const CONTROL_BOARD_W = 20;
/** Regulators and the PIC keep a live hashboard drawing a little even with no hashing. */
export const BOARD_STATIC_W = 10;
/** Leakage rises with die temperature: +0.4 % power per °C above the model's nominal chip temperature. */
export const LEAKAGE_PER_C = 0.004;
/**
 * Fraction of nonces that fail validation on a healthy chip. Calibrated on the S19 Pro capture: ~1,500 chain_hw per
 * board over 23 h at ~37 TH/s per board.
 */
export const BASE_ERROR_FRACTION = 1.3e-4;
/** Chips report nonces at an ASIC ticket difficulty; this turns GH/s x error fraction into hardware errors/s. */
export const HW_ERRORS_PER_GH = 1 / (64 * 4.294967296);
/** Errors grow e-fold for every 0.8 % of nominal voltage below a chip's minimum stable voltage. */
export const UNDERVOLT_ERROR_SCALE = 0.008;
/** Errors grow e-fold for every 4 °C of chip temperature above 85 °C. */
export const HOT_ERROR_START_C = 85;
export const HOT_ERROR_SCALE_C = 4;
/** A chip that gets more than half its nonces wrong is dropped by the firmware: it shows as 'x' in chain_acs. */
export const CHIP_DROP_ERROR_FRACTION = 0.5;
/** Die-to-sink thermal time constant and fan spin-up time constant. */
export const THERMAL_TAU_S = 60;
export const FAN_TAU_S = 10;
/** Stock fan controller: PWM rises 4 % per °C above the set point. */
export const FAN_GAIN_PER_C = 0.04;
export const FAN_MIN_DUTY = 0.1;
/** A failed fan still shows a trickle of rpm, and its stalled rotor blocks part of the duct. */
export const FAILED_FAN_RPM_FRACTION = 0.02;
export const FAILED_FAN_DUCT_PENALTY = 0.1;
/** Real firmwares report rpm in steps of 120 (every fixture fan value is a multiple of 120). */
export const FAN_RPM_STEP = 120;
/** Power-target mode moves clocks toward the target with this time constant. */
export const POWER_TARGET_TAU_S = 20;
/** Pool share difficulty for the simulated pool, as the "Diff" column shows it (65.5K as in the S19 fixtures). */
export const POOL_DIFFICULTY = 65_536;
export const POOL_REJECT_FRACTION = 0.003;
/** Cooling factor for an airflow fraction (0..1): even still air carries away a quarter of the heat. */
export function coolingFactor(airflow: number): number {
  return 0.25 + 0.75 * Math.pow(Math.max(0, airflow), 0.8);
}

export interface ModelCalibration {
  /** DC power of one typical chip at nominal clocks and nominal chip temperature. */
  chipNominalW: number;
  /** GH/s one chip with all cores working produces per MHz. */
  ghsPerMhzPerChip: number;
  /** Die-to-ambient thermal resistance of one board at full cooling, K/W. */
  rthBaseKPerW: number;
  boardDcNominalW: number;
}

const cache = new Map<string, ModelCalibration>();

export function calibrationFor(model: RigModel): ModelCalibration {
  const cached = cache.get(model.name);
  if (cached) return cached;
  const fanNominalW = model.fans * model.fanMaxPowerW * Math.pow(model.nominalFanDuty, 3);
  const boardDcNominalW = ((model.nominalPowerW - CONTROL_BOARD_W - fanNominalW) * PSU_EFFICIENCY) / model.boards;
  const chipNominalW = (boardDcNominalW - BOARD_STATIC_W) / model.chipsPerBoard;
  // Mean core yield is ~0.9936 (1 - E|N(0, 0.008)|): divide it out so the average unit hits the nominal hashrate.
  const chips = model.boards * model.chipsPerBoard;
  const ghsPerMhzPerChip = (model.nominalHashrateThs * 1000) / (chips * model.nominalFrequencyMhz * 0.9936);
  const rthBaseKPerW =
    ((model.nominalChipTempC - NOMINAL_AMBIENT_C) * coolingFactor(model.nominalFanDuty)) / boardDcNominalW;
  const calibration = { chipNominalW, ghsPerMhzPerChip, rthBaseKPerW, boardDcNominalW };
  cache.set(model.name, calibration);
  return calibration;
}
