// What the optimizer keeps per device across restarts: its fingerprints (the newest is the one in use, older ones are
// earlier explorations), the last settings known to be good, and where it is in its tuning.
import { z } from 'zod';
import {
  DeviceSettingSchema,
  FingerprintSchema,
  TuningKnobSchema,
  TuningStateSchema,
} from '../../../../src-shared/model/optimizer.js';

export const StepSchema = z.object({
  setting: DeviceSettingSchema,
  /** commanding: the change is with the command queue; measuring: applied, settling then averaging readings. */
  phase: z.enum(['commanding', 'measuring']),
  decisionId: z.string().nullable(),
  startedAt: z.number(),
});
export type Step = z.infer<typeof StepSchema>;

export const DeviceRecordSchema = z.object({
  rigId: z.string(),
  model: z.string(),
  knob: TuningKnobSchema.nullable(),
  state: TuningStateSchema,
  /** Oldest first; the last is in use. At most MAX_FINGERPRINT_VERSIONS are kept. */
  fingerprints: z.array(FingerprintSchema),
  lastGood: DeviceSettingSchema.nullable(),
  step: StepSchema.nullable(),
  failure: z.string().nullable(),
  asleep: z.boolean(),
  /** A revert to lastGood is still owed (the device was lost mid-step): sent when it answers, across restarts too. */
  revertPending: z.boolean().default(false),
  revertAttempts: z.number().int().min(0).default(0),
});
export type DeviceRecord = z.infer<typeof DeviceRecordSchema>;

export const OptimizerStateSchema = z.object({
  version: z.literal(1),
  devices: z.array(DeviceRecordSchema),
});
export type OptimizerState = z.infer<typeof OptimizerStateSchema>;

export const MAX_FINGERPRINT_VERSIONS = 5;

export function newRecord(rigId: string, model: string): DeviceRecord {
  return {
    rigId,
    model,
    knob: null,
    state: 'idle',
    fingerprints: [],
    lastGood: null,
    step: null,
    failure: null,
    asleep: false,
    revertPending: false,
    revertAttempts: 0,
  };
}
