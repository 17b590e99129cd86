import type { ApiErrorValue, EngineClient } from '../../src-shared/api/index.js';
import type { Command, RigChange, RigId } from '../../src-shared/model/index.js';
import type { SliceCreator } from './app-state.js';
import { mergeCommands, replaceCommands } from './control-commands.js';
import type { CommandsById } from './control-commands.js';

/** One bulk change from the fleet table, followed to its end through its commands' events. */
export interface BulkRun {
  change: RigChange;
  rigIds: readonly RigId[];
  commandIds: readonly string[];
  startedAt: number;
}

export interface ControlSlice {
  /** Every command this renderer knows of, from `control.list` and `control.command` events. */
  commandsById: CommandsById;
  /** The last bulk change sent from the fleet table, until the operator dismisses its summary. */
  bulkRun: BulkRun | null;
  receiveCommands: (commands: readonly Command[]) => void;
  replaceCommands: (commands: readonly Command[]) => void;
  /**
   * Queues the change for each rig. Resolves as soon as the engine has queued it (null), or with the error value if
   * it would not; how each command ends arrives later, as events.
   */
  applyChange: (rigIds: readonly RigId[], change: RigChange) => Promise<ApiErrorValue | null>;
  /** The same, remembered as the bulk run whose progress the fleet table's bulk bar shows. */
  applyBulkChange: (rigIds: readonly RigId[], change: RigChange) => Promise<ApiErrorValue | null>;
  dismissBulkRun: () => void;
}

export function createControlSlice(client: EngineClient): SliceCreator<ControlSlice> {
  return (set, get) => {
    const send = async (
      rigIds: readonly RigId[],
      change: RigChange,
    ): Promise<{ commands: Command[] } | { error: ApiErrorValue }> => {
      const outcome = await client.call('control.apply', { rigIds: [...rigIds], change });
      if (outcome.error) return { error: outcome.error };
      set({ commandsById: mergeCommands(get().commandsById, outcome.data) });
      return { commands: outcome.data };
    };

    return {
      commandsById: {},
      bulkRun: null,
      receiveCommands: (commands) => {
        const next = mergeCommands(get().commandsById, commands);
        if (next !== get().commandsById) set({ commandsById: next });
      },
      replaceCommands: (commands) => set({ commandsById: replaceCommands(get().commandsById, commands) }),
      applyChange: async (rigIds, change) => {
        const sent = await send(rigIds, change);
        return 'error' in sent ? sent.error : null;
      },
      applyBulkChange: async (rigIds, change) => {
        const sent = await send(rigIds, change);
        if ('error' in sent) return sent.error;
        const commandIds = sent.commands.map((command) => command.id);
        set({ bulkRun: { change, rigIds: [...rigIds], commandIds, startedAt: Date.now() } });
        return null;
      },
      dismissBulkRun: () => set({ bulkRun: null }),
    };
  };
}
