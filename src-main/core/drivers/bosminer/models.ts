// What the driver knows about the models Braiins OS+ runs on, keyed by the model name it reports.
// Model names: devdetails DEVDETAILS[0].Model with "Bitmain " stripped and "S19XP" spelled "S19 XP", as pyasic does
// (pyasic/miners/factory.py::get_miner_model_braiins_os); the BOS+ gRPC API spells the same unit "Antminer S19J Pro"
// (braiins/bos-plus-api README, GetMinerDetails example), so names are matched without case or spaces.
// Chips per board: S9 63 (Braiins docs devdetails example, "Chips": 63), S19 Pro 114 (foreman S19 Pro stats
// chain_acn), S19j Pro 126 (the S19j Pro capture the simulator's catalog cites), S19 XP 110 (maker's specification;
// no capture seen). Fans fitted: S9 2 (foreman BOSminer+ S9 fans reply: two spinning, two reading 0), S19 family 4.
//
// Power-target ranges are Rigwise's bounds, not the firmware's: BOS+ documents psu_power_limit as 100..5000 W
// (tgr-braiins/braiins-os-docs Configuration/index_configuration.rst, "Tuning Adjustments") and enforces its own
// per-model constraints (ConfigurationService/GetConstraints, tuner_constraints.power_target) by refusing a value
// outside them. We offer roughly 45 %..110 % of each model's stock wall power, where the autotuner is known to work;
// a model we do not know gets the documented 100..5000 W and the firmware's own refusal.
export interface BosModelSpec {
  chipsPerBoard: number;
  fans: number;
  powerTargetW: { min: number; max: number };
}

const SPECS: Readonly<Record<string, BosModelSpec>> = {
  'Antminer S9': { chipsPerBoard: 63, fans: 2, powerTargetW: { min: 800, max: 1600 } },
  'Antminer S19 Pro': { chipsPerBoard: 114, fans: 4, powerTargetW: { min: 1500, max: 3600 } },
  'Antminer S19j Pro': { chipsPerBoard: 126, fans: 4, powerTargetW: { min: 1500, max: 3600 } },
  'Antminer S19 XP': { chipsPerBoard: 110, fans: 4, powerTargetW: { min: 1600, max: 3600 } },
};

export const UNKNOWN_MODEL_POWER_TARGET_W = { min: 100, max: 5000 } as const;

const squash = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]/g, '');
const BY_SQUASHED = new Map(Object.keys(SPECS).map((name) => [squash(name), name]));

/** "Bitmain Antminer S19XP" -> "Antminer S19 XP"; "Bitmain Antminer S19J Pro" -> "Antminer S19j Pro". */
export function normalizeModelName(reported: string): string {
  const stripped = reported
    .replace(/^\s*bitmain\s+/i, '')
    .replace(/S19XP/i, 'S19 XP')
    .trim();
  return BY_SQUASHED.get(squash(stripped)) ?? stripped;
}

export function modelSpec(model: string): BosModelSpec | null {
  const name = BY_SQUASHED.get(squash(model));
  return name ? (SPECS[name] ?? null) : null;
}

/** "Antminer ..." is Bitmain hardware; Braiins' own control boards and anything else are reported as they are. */
export function makeOfModel(model: string): string {
  if (/antminer/i.test(model)) return 'Bitmain';
  if (/whatsminer/i.test(model)) return 'MicroBT';
  if (/braiins|bmm/i.test(model)) return 'Braiins';
  return 'Unknown';
}
