import { z } from 'zod';
import { RigIdSchema } from './rig.js';
import { TariffSchema } from './tariff.js';

/**
 * The optimizer (issue 5): learns each device's performance curves, tunes it for the operator's objective, keeps the
 * site within its power cap and thermal budget, and follows the electricity tariff. Every change it makes goes through
 * the fleet's command queue (limits, audit, rollback) with the reason shown to the operator.
 */

/** efficiency: most TH per joule. hashrate: most TH/s within each device's power budget. profit: most revenue net of power. */
export const OptimizerObjectiveSchema = z.enum(['efficiency', 'hashrate', 'profit']);
export type OptimizerObjective = z.infer<typeof OptimizerObjectiveSchema>;

/** Which knob a device is tuned with: frequency and core voltage (AxeOS), or a power target (Braiins OS+, Whatsminer). */
export const TuningKnobSchema = z.enum(['frequency-voltage', 'power-target']);
export type TuningKnob = z.infer<typeof TuningKnobSchema>;

export const OptimizerSettingsSchema = z
  .object({
    /** Off by default: nothing is sent to a rig until the operator switches the optimizer on. */
    enabled: z.boolean().default(false),
    objective: OptimizerObjectiveSchema.default('efficiency'),
    /** For the hashrate objective: each device's power budget, in watts. Null: the device's own maximum. */
    devicePowerBudgetW: z.number().int().min(1).max(20_000).nullable().default(null),
    /** The site's total power limit (e.g. a 30 kW circuit) in watts. Null: no cap. */
    siteCapW: z.number().int().min(10).max(100_000_000).nullable().default(null),
    thermal: z
      .object({
        /** Shift load away from hot spots, holding the site's total hashrate. */
        enabled: z.boolean().default(false),
        /** Chip temperature to keep each device under: above where healthy chips run (65-80 °C), below the safety limit. */
        targetChipC: z.number().min(30).max(120).default(85),
        /** Intake (ambient) air temperature where no per-rig figure is given. */
        defaultIntakeC: z.number().min(-40).max(70).default(25),
        /** Measured intake temperature per rig (a sensor, or the operator's reading of the hot aisle). */
        intakeByRig: z.record(RigIdSchema, z.number().min(-40).max(70)).default({}),
      })
      .strict()
      .default({ enabled: false, targetChipC: 85, defaultIntakeC: 25, intakeByRig: {} }),
    /** Electricity: a flat price, or a time-of-use tariff when set. Per kWh, in the tariff's currency. */
    flatPricePerKwh: z.number().min(0).max(100).default(0.08),
    tariff: TariffSchema.nullable().default(null),
    /** Time of use: tune down or sleep a device in hours when its revenue does not pay for its power. */
    timeOfUse: z.boolean().default(false),
    /** Revenue per TH/s per day ("hashprice"), in the same currency; the profitability engine will supply it later. */
    revenuePerThDay: z.number().min(0).max(1000).default(0.05),
    /** Devices the optimizer leaves alone. */
    excludedRigs: z.array(RigIdSchema).max(10_000).default([]),
  })
  .strict();
export type OptimizerSettings = z.infer<typeof OptimizerSettingsSchema>;

export function defaultOptimizerSettings(): OptimizerSettings {
  return OptimizerSettingsSchema.parse({});
}

/** Where a device is set: the knob values (null when the knob is not this device's) and whether it sleeps. */
export const DeviceSettingSchema = z
  .object({
    frequencyMhz: z.number().nullable(),
    voltageMv: z.number().nullable(),
    powerTargetW: z.number().nullable(),
  })
  .strict();
export type DeviceSetting = z.infer<typeof DeviceSettingSchema>;

export const BoardReadingSchema = z.object({
  index: z.number().int().min(0),
  hashrateThs: z.number().nullable(),
  chipTempC: z.number().nullable(),
});

/** One operating point as measured after the device settled there. */
export const FingerprintPointSchema = z.object({
  setting: DeviceSettingSchema,
  hashrateThs: z.number(),
  powerW: z.number(),
  efficiencyJPerTh: z.number(),
  /** Hashrate lost against the device's stock hashrate per MHz (frequency knob) or per watt trend; 0.01 = 1 %. */
  hashLossFraction: z.number(),
  chipTempC: z.number().nullable(),
  /** Hardware errors per minute over the measurement, where the firmware counts them. */
  hwErrorsPerMin: z.number().nullable(),
  boards: z.array(BoardReadingSchema),
  samples: z.number().int().min(1),
  measuredAt: z.number(),
  stable: z.boolean(),
  /** Why a point was judged unstable ("board 2 lost 4 % of its hashrate"), or null. */
  instability: z.string().nullable(),
});
export type FingerprintPoint = z.infer<typeof FingerprintPointSchema>;

/** A device's learned curves: every point it was measured at, versioned (a new version each time a point is added). */
export const FingerprintSchema = z.object({
  rigId: RigIdSchema,
  model: z.string(),
  knob: TuningKnobSchema,
  version: z.number().int().min(1),
  updatedAt: z.number(),
  stock: DeviceSettingSchema,
  points: z.array(FingerprintPointSchema),
});
export type Fingerprint = z.infer<typeof FingerprintSchema>;

export const TuningStateSchema = z.enum([
  /** Not tuned (optimizer off, excluded, or waiting for its first readings). */
  'idle',
  /** Measuring the settings it runs at before any change. */
  'baseline',
  /** Trying settings one safe step at a time. */
  'exploring',
  /** Running at its chosen point; the planner may still move it along its curve (power cap, tariff, heat). */
  'tuned',
  /** A step failed: reverted to the last good settings and left there until the operator retunes it. */
  'failed',
  /** No knob Rigwise can turn on this device (stock Antminer, GPU miner). */
  'unsupported',
]);
export type TuningState = z.infer<typeof TuningStateSchema>;

export const PerformanceSchema = z.object({
  hashrateThs: z.number(),
  powerW: z.number(),
  efficiencyJPerTh: z.number(),
});
export type Performance = z.infer<typeof PerformanceSchema>;

/** One device as the optimizer sees it. */
export const DeviceTuningSchema = z.object({
  rigId: RigIdSchema,
  rigName: z.string(),
  model: z.string(),
  knob: TuningKnobSchema.nullable(),
  state: TuningStateSchema,
  /** What it is doing in words ("trying 1,100 mV at 525 MHz"). */
  activity: z.string(),
  /** 0..1 through the exploration. */
  progress: z.number().min(0).max(1),
  current: DeviceSettingSchema.nullable(),
  /** Where the objective alone would put it (before cap, tariff and heat). */
  best: DeviceSettingSchema.nullable(),
  asleep: z.boolean(),
  stock: PerformanceSchema.nullable(),
  now: PerformanceSchema.nullable(),
  /** Efficiency gain of the chosen point over stock, in percent (positive: fewer J per TH). */
  efficiencyGainPct: z.number().nullable(),
  fingerprintVersion: z.number().int().nullable(),
  /** Points measured in that version: when it changes, a chart of the fingerprint is out of date. */
  fingerprintPoints: z.number().int().min(0),
  failure: z.string().nullable(),
  updatedAt: z.number(),
});
export type DeviceTuning = z.infer<typeof DeviceTuningSchema>;

export const DecisionCauseSchema = z.enum([
  'explore',
  'tuned',
  'revert',
  'power-cap',
  'thermal',
  'time-of-use',
  'objective',
]);
export type DecisionCause = z.infer<typeof DecisionCauseSchema>;

/** One change the optimizer decided on, with its reason, and how the command queue dealt with it. */
export const OptimizerDecisionSchema = z.object({
  id: z.string(),
  at: z.number(),
  rigId: RigIdSchema,
  rigName: z.string(),
  cause: DecisionCauseSchema,
  from: DeviceSettingSchema.nullable(),
  to: DeviceSettingSchema,
  /** Sleep (pause) or wake (resume) instead of, or before, a setting. */
  sleep: z.boolean().nullable(),
  reason: z.string(),
  outcome: z.enum(['pending', 'applied', 'failed']),
  outcomeMessage: z.string().nullable(),
});
export type OptimizerDecision = z.infer<typeof OptimizerDecisionSchema>;

export const SiteStateSchema = z.object({
  enabled: z.boolean(),
  objective: OptimizerObjectiveSchema,
  capW: z.number().nullable(),
  /** Sum of the latest measured power of every device that reports one. */
  measuredPowerW: z.number(),
  plannedPowerW: z.number().nullable(),
  plannedHashrateThs: z.number().nullable(),
  /** False when the plan cannot fit the cap even with every device at its lowest point (or asleep); null: no cap. */
  capFeasible: z.boolean().nullable(),
  measuredHashrateThs: z.number(),
  pricePerKwh: z.number(),
  currency: z.string(),
  devicesTuned: z.number().int(),
  devicesExploring: z.number().int(),
  devicesFailed: z.number().int(),
  /** Decision time of the last planning round, measured inside the worker. */
  lastDecisionMs: z.number().nullable(),
  at: z.number(),
});
export type SiteState = z.infer<typeof SiteStateSchema>;

export const OptimizerStatusSchema = z.object({
  site: SiteStateSchema,
  devices: z.array(DeviceTuningSchema),
  decisions: z.array(OptimizerDecisionSchema),
});
export type OptimizerStatus = z.infer<typeof OptimizerStatusSchema>;

export const FingerprintQuerySchema = z
  .object({ rigId: RigIdSchema, version: z.number().int().min(1).optional() })
  .strict();

export const FingerprintResultSchema = z.object({
  fingerprint: FingerprintSchema.nullable(),
  /** Versions kept for this device, newest last. */
  versions: z.array(z.object({ version: z.number().int(), updatedAt: z.number(), points: z.number().int() })),
  /** The setting it runs at now and the one the objective picked, to mark on the chart. */
  current: DeviceSettingSchema.nullable(),
  best: DeviceSettingSchema.nullable(),
});
export type FingerprintResult = z.infer<typeof FingerprintResultSchema>;
