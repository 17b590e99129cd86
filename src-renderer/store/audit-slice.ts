import type { ApiErrorValue, EngineClient } from '../../src-shared/api/index.js';
import type { AuditEntry, RigId } from '../../src-shared/model/index.js';
import type { SliceCreator } from './app-state.js';
import { mergeAuditEntries } from './audit-entries.js';

/** Entries loaded on connect; a rig's older ones are fetched when the Activity view is filtered to that rig. */
export const AUDIT_PAGE = 500;

export interface AuditSlice {
  /** Newest first. Entries never change once written, so loading and live events just merge. */
  auditEntries: readonly AuditEntry[];
  /** False until the first `audit.list` arrives: an empty list before then means "not known yet". */
  auditLoaded: boolean;
  receiveAuditEntries: (entries: readonly AuditEntry[]) => void;
  /** Loads one rig's history (it may reach further back than the entries loaded on connect). */
  loadRigAudit: (rigId: RigId) => Promise<ApiErrorValue | null>;
}

export function createAuditSlice(client: EngineClient): SliceCreator<AuditSlice> {
  return (set, get) => {
    const receive = (entries: readonly AuditEntry[]): void => {
      const next = mergeAuditEntries(get().auditEntries, entries);
      if (next !== get().auditEntries || !get().auditLoaded) set({ auditEntries: next, auditLoaded: true });
    };
    return {
      auditEntries: [],
      auditLoaded: false,
      receiveAuditEntries: receive,
      loadRigAudit: async (rigId) => {
        const outcome = await client.call('audit.list', { rigId, limit: AUDIT_PAGE });
        if (outcome.error) return outcome.error;
        receive(outcome.data);
        return null;
      },
    };
  };
}
