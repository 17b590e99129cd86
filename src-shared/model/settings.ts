import { z } from 'zod';

/**
 * Operator settings. Every field has a default so a missing or partly valid file still yields working settings;
 * bounds keep a typo (a 0 ms poll interval) from hurting the farm or the app.
 */
export const SettingsSchema = z.object({
  pollIntervalMs: z.number().int().min(1000).max(600_000).default(5000),
  pollTimeoutMs: z.number().int().min(200).max(60_000).default(3000),
  /** Consecutive failed polls before a rig is marked down. A failed poll is retried soon, not a full period later. */
  missedPollsBeforeDown: z.number().int().min(1).max(20).default(2),
  scanTimeoutMs: z.number().int().min(100).max(30_000).default(1500),
  scanConcurrency: z.number().int().min(1).max(1024).default(256),
  lastScanRange: z.string().max(64).default(''),
  ports: z.array(z.number().int().min(1).max(65_535)).min(1).max(8).default([4028]),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const SettingsPatchSchema = SettingsSchema.partial().strict();
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;

export function defaultSettings(): Settings {
  return SettingsSchema.parse({});
}
