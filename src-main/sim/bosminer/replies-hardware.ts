// BOSminer's own commands and `devdetails`, with the field lists, order, codes and messages of Braiins' documented
// examples (tgr-braiins/braiins-os-docs Development/1_api.rst): fans (202 "N Fan(s)"), tempctrl (200), temps
// (201 "N Temp(s)"), tunerstatus (203 "Tuner Status"), devdetails (69 "Device Details", Frequency in Hz, Voltage in
// V), pause (204) / resume (205); and version (22 "<software> versions", PROTOCOLS.md A3).
import type { WireObject } from '../serialize.js';
import { FIRMWARE_STRINGS } from './models.js';
import {
  boardDcW,
  boardIsHashing,
  boardTempC,
  fanPowerW,
  fanRpms,
  tunerStable,
  voltageRatio,
  wallPowerW,
} from './physics.js';
import { CONTROL_BOARD_W, PSU_EFFICIENCY } from './physics-state.js';
import { f64, ok, readingNoise } from './reply-context.js';
import type { BosReply, BosReplyContext } from './reply-context.js';

export function versionReply(context: BosReplyContext): BosReply {
  const { key, version } = FIRMWARE_STRINGS[context.firmware];
  return ok(22, `${key} versions`, 'VERSION', [{ API: '3.7', [key]: version }]);
}

/**
 * While mining is paused BOSminer has no devices to describe; pyasic reads devdetails STATUS[0].Msg "Unavailable" as
 * "not mining" (miners/backends/braiins_os.py::is_mining). The severity and code of that reply are not documented:
 * E with code 0 is our assumption.
 */
export function devdetailsReply(context: BosReplyContext): BosReply {
  const { rig } = context;
  if (rig.paused) return { severity: 'E', code: 0, msg: 'Unavailable', section: null };
  const rows = rig.boards.map((board, index): WireObject => {
    const chips = board.dead ? 0 : board.aliveChips;
    const frequencyHz = Math.round(
      rig.clockRatio * rig.model.nominalFrequencyMhz * 1e6 * readingNoise(context, 40 + index, 0.01),
    );
    return {
      Chips: chips,
      Cores: chips * rig.model.coresPerChip,
      DEVDETAILS: index,
      'Device Path': '',
      Driver: '',
      Frequency: frequencyHz,
      ID: board.chainId,
      Kernel: '',
      Model: rig.model.devdetailsModel,
      Name: `Hash Chain ${board.chainId}`,
      Voltage: f64(voltageRatio(board, rig.clockRatio) * rig.model.nominalVoltageV),
    };
  });
  return ok(69, 'Device Details', 'DEVDETAILS', rows);
}

/** BOSminer+ 0.2.0 on an S9 reported no chip temperature ("Chip": 0.0, foreman capture); BOSer reports it. */
export function tempsReply(context: BosReplyContext): BosReply {
  const { rig } = context;
  const chipSensor = context.firmware === 'boser';
  const rows = rig.boards.map((board, index): WireObject => ({
    Board: f64(Math.round(boardTempC(rig, board) * 16) / 16),
    Chip: f64(chipSensor ? Math.round(board.chipTempC * 16) / 16 : 0),
    ID: board.chainId,
    TEMP: index,
  }));
  return ok(201, `${rows.length} Temp(s)`, 'TEMPS', rows);
}

/** Every fan slot, fitted or not (an S9 lists four with two at 0 rpm); Speed is the shared PWM in percent. */
export function fansReply(context: BosReplyContext): BosReply {
  const { rig } = context;
  const rpms = fanRpms(rig);
  const speed = Math.round(rig.fanDuty * 100);
  const rows = Array.from({ length: rig.model.fanSlots }, (_unused, slot): WireObject => ({
    FAN: slot,
    ID: slot,
    RPM: rpms[slot] ?? 0,
    Speed: speed,
  }));
  return ok(202, `${rows.length} Fan(s)`, 'FANS', rows);
}

export function tempctrlReply(context: BosReplyContext): BosReply {
  const { model } = context.rig;
  return ok(200, 'Temperature control', 'TEMPCTRL', [
    { Dangerous: model.dangerousTempC, Hot: model.hotTempC, Mode: 'Automatic', Target: model.targetTempC },
  ]);
}

/**
 * While paused the tuner's chains draw nothing and report a zero power estimate (a third-party BOS monitor notes
 * "0 when paused"); "Paused" as the chain status is our assumption.
 */
export function tunerstatusReply(context: BosReplyContext): BosReply {
  const { rig } = context;
  const stable = tunerStable(rig);
  const chainBudgetW = Math.max(
    0,
    ((rig.powerTargetW - CONTROL_BOARD_W - fanPowerW(rig)) * PSU_EFFICIENCY) / rig.boards.length,
  );
  const stageS = Math.max(0, Math.floor(rig.elapsedS - rig.tuningSinceS));
  const chains = rig.boards.map((board): WireObject => {
    const hashing = boardIsHashing(rig, board);
    return {
      ApproximatePowerConsumptionWatt: Math.round(boardDcW(rig, board)),
      HashchainIndex: board.chainId,
      Iteration: 0,
      LoadedProfileCreatedOn: rig.profileCreatedS,
      PowerLimitWatt: Math.round(chainBudgetW),
      StageElapsed: stageS,
      Status: rig.paused ? 'Paused' : hashing && !stable ? 'Tuning individual chips' : 'Stable',
      TunerRunning: hashing && !stable,
      TuningElapsed: stageS,
    };
  });
  const chainW = rig.boards.reduce((sum, board) => sum + boardDcW(rig, board), 0);
  const minerW = rig.paused ? 0 : Math.round(wallPowerW(rig) * readingNoise(context, 60, 0.003));
  const status: WireObject = {
    ApproximateChainPowerConsumption: Math.round(chainW),
    ApproximateMinerPowerConsumption: minerW,
    DynamicPowerScaling: 'Disabled',
    PowerLimit: rig.powerTargetW,
    TunerChainStatus: chains,
  };
  return ok(203, 'Tuner Status', 'TUNERSTATUS', [status]);
}

export function pauseReply(): BosReply {
  return ok(204, 'Pause', 'PAUSE', [true]);
}

export function resumeReply(): BosReply {
  return ok(205, 'Resume', 'RESUME', [true]);
}
