import { z } from 'zod';

export const ScanStateSchema = z.enum(['running', 'done', 'cancelled', 'failed']);
export type ScanState = z.infer<typeof ScanStateSchema>;

export const ScanProgressSchema = z.object({
  scanId: z.string(),
  range: z.string(),
  state: ScanStateSchema,
  probed: z.number().int().min(0),
  total: z.number().int().min(0),
  found: z.number().int().min(0),
  startedAt: z.number(),
  finishedAt: z.number().nullable(),
  error: z.string().nullable(),
});
export type ScanProgress = z.infer<typeof ScanProgressSchema>;
