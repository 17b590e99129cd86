import { useMemo } from 'react';
import type { Rig } from '../../../src-shared/model/index.js';
import { useAppStore } from '../../store/store-context.js';

/** All rigs as an array, rebuilt only when the fleet map changes (at most once per animation frame). */
export function useFleetRigs(): readonly Rig[] {
  const rigsById = useAppStore((state) => state.rigsById);
  return useMemo(() => Object.values(rigsById), [rigsById]);
}
