import { z } from 'zod';
import { RigIdSchema, RigSchema } from '../model/rig.js';
import { ScanProgressSchema } from '../model/discovery.js';
import { SettingsSchema } from '../model/settings.js';
import { AuditEntrySchema, CommandSchema } from '../model/control.js';
import {
  DeviceTuningSchema,
  OptimizerDecisionSchema,
  OptimizerSettingsSchema,
  SiteStateSchema,
} from '../model/optimizer.js';
import { FleetPointSchema, HistoryEventSchema, TelemetryStatusSchema } from '../model/telemetry.js';

/** What the engine tells every connected renderer without being asked. */
export const EngineEvents = {
  /** A rig was added, or its status, snapshot or name changed. Carries the whole rig so a client needs no merge. */
  'fleet.rigUpdated': RigSchema,
  'fleet.rigRemoved': z.object({ rigId: RigIdSchema }),
  /** Throttled: at most a few per second while a scan runs, and always one for each final state. */
  'discovery.progress': ScanProgressSchema,
  'settings.changed': SettingsSchema,
  /** A command to a rig changed state (queued, applying, verifying, ..., applied / refused / failed / rolled-back). */
  'control.command': CommandSchema,
  'audit.recorded': AuditEntrySchema,
  /** The fleet's totals for a minute that just closed: fleet charts append it instead of fetching again. */
  'telemetry.fleetPoint': FleetPointSchema,
  /** Chart markers just recorded (a rig went down or came back, changed pool, had a setting changed). */
  'telemetry.historyEvents': z.array(HistoryEventSchema),
  /** History storage changed state: a problem (disk full, a damaged file set aside) appeared or cleared. */
  'telemetry.status': TelemetryStatusSchema,
  /** A device's tuning changed (state, activity, point, gain). */
  'optimizer.device': DeviceTuningSchema,
  /** The optimizer decided on a change, or the command queue finished one (same id, outcome filled in). */
  'optimizer.decision': OptimizerDecisionSchema,
  /** The site's totals against its cap and the price now; after every planning round that changed something. */
  'optimizer.site': SiteStateSchema,
  'optimizer.settings': OptimizerSettingsSchema,
} as const;

export type EngineEventsSpec = typeof EngineEvents;
export type EventName = keyof EngineEventsSpec;
export type EventData<E extends EventName> = z.infer<EngineEventsSpec[E]>;

export function isEventName(name: string): name is EventName {
  return Object.hasOwn(EngineEvents, name);
}
