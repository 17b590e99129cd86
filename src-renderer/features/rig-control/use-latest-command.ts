import { useMemo } from 'react';
import type { Command, RigId } from '../../../src-shared/model/index.js';
import { latestCommandOfKind } from '../../store/control-commands.js';
import { useAppStore } from '../../store/store-context.js';

/** The newest command of one kind for a rig (whoever sent it), for the status next to the form that sends it. */
export function useLatestCommand(rigId: RigId, kind: string): Command | null {
  const commandsById = useAppStore((state) => state.commandsById);
  return useMemo(() => latestCommandOfKind(commandsById, rigId, kind), [commandsById, rigId, kind]);
}
