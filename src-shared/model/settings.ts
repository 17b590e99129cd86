import { z } from 'zod';

/** Each setting's bounds: a typo (a 0 ms poll interval) must not hurt the farm or the app. */
const SettingFields = {
  pollIntervalMs: z.number().int().min(1000).max(600_000),
  pollTimeoutMs: z.number().int().min(200).max(60_000),
  /** Consecutive failed polls before a rig is marked down. A failed poll is retried soon, not a full period later. */
  missedPollsBeforeDown: z.number().int().min(1).max(20),
  scanTimeoutMs: z.number().int().min(100).max(30_000),
  scanConcurrency: z.number().int().min(1).max(1024),
  lastScanRange: z.string().max(64),
  /** History retention per resolution, in days; 0 keeps hourly history forever. */
  historyRawDays: z.number().int().min(1).max(365),
  historyMinuteDays: z.number().int().min(1).max(3650),
  historyHourDays: z.number().int().min(0).max(36_500),
};

const DEFAULTS = {
  pollIntervalMs: 5000,
  pollTimeoutMs: 3000,
  missedPollsBeforeDown: 2,
  scanTimeoutMs: 1500,
  scanConcurrency: 256,
  lastScanRange: '',
  historyRawDays: 7,
  historyMinuteDays: 90,
  historyHourDays: 0,
} satisfies { [K in keyof typeof SettingFields]: z.infer<(typeof SettingFields)[K]> };

/** Operator settings. Every field has a default, so a missing or older file still yields working settings. */
export const SettingsSchema = z.object({
  pollIntervalMs: SettingFields.pollIntervalMs.default(DEFAULTS.pollIntervalMs),
  pollTimeoutMs: SettingFields.pollTimeoutMs.default(DEFAULTS.pollTimeoutMs),
  missedPollsBeforeDown: SettingFields.missedPollsBeforeDown.default(DEFAULTS.missedPollsBeforeDown),
  scanTimeoutMs: SettingFields.scanTimeoutMs.default(DEFAULTS.scanTimeoutMs),
  scanConcurrency: SettingFields.scanConcurrency.default(DEFAULTS.scanConcurrency),
  lastScanRange: SettingFields.lastScanRange.default(DEFAULTS.lastScanRange),
  historyRawDays: SettingFields.historyRawDays.default(DEFAULTS.historyRawDays),
  historyMinuteDays: SettingFields.historyMinuteDays.default(DEFAULTS.historyMinuteDays),
  historyHourDays: SettingFields.historyHourDays.default(DEFAULTS.historyHourDays),
});
export type Settings = z.infer<typeof SettingsSchema>;

/** A change to some settings. Built from the fields without defaults, so what a patch leaves out stays as it was. */
export const SettingsPatchSchema = z.object(SettingFields).partial().strict();
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;

export function defaultSettings(): Settings {
  return SettingsSchema.parse({});
}
