import { AuditEntrySchema, CommandSchema, NO_CAPABILITIES } from '../../src-shared/model/index.js';
import type { AuditEntry, Capabilities, Command } from '../../src-shared/model/index.js';
import type { RigCapabilities } from '../store/capability-cache.js';

// Commands and audit entries for unit tests, parsed through the shared schemas like the rigs in rig-fixtures.ts.

export function makeCommand(overrides: Partial<Command> = {}): Command {
  return CommandSchema.parse({
    id: 'c1',
    rigId: '127.0.9.1:4028',
    actor: 'operator',
    change: { kind: 'powerTarget', watts: 3200 },
    state: 'queued',
    message: null,
    code: null,
    requestedAt: 1_700_000_000_000,
    finishedAt: null,
    ...overrides,
  });
}

export function makeAuditEntry(overrides: Partial<AuditEntry> = {}): AuditEntry {
  return AuditEntrySchema.parse({
    id: 'a1',
    commandId: 'c1',
    at: 1_700_000_000_000,
    actor: 'operator',
    rigId: '127.0.9.1:4028',
    rigName: 'rig-127.0.9.1',
    change: { kind: 'powerTarget', watts: 3200 },
    before: null,
    after: null,
    result: 'applied',
    message: null,
    ...overrides,
  });
}

export function makeCapabilities(
  overrides: Partial<Capabilities> = {},
  credentials: Partial<RigCapabilities['credentials']> = {},
): RigCapabilities {
  return {
    capabilities: { ...NO_CAPABILITIES, ...overrides },
    credentials: { adminPassword: null, apiToken: null, ...credentials },
  };
}
