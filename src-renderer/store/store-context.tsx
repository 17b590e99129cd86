import { createContext, useContext } from 'react';
import type { ReactNode } from 'react';
import { useStore } from 'zustand';
import type { AppState } from './app-state.js';
import type { AppStore } from './app-store.js';

const StoreContext = createContext<AppStore | null>(null);

export function StoreProvider({ store, children }: { store: AppStore; children: ReactNode }) {
  return <StoreContext value={store}>{children}</StoreContext>;
}

/**
 * Reads one piece of state. Components re-render only when what their selector returns changes (by identity), so a
 * selector must return stored values, not build new objects or arrays; derive those with useMemo instead.
 */
export function useAppStore<Selected>(selector: (state: AppState) => Selected): Selected {
  const store = useContext(StoreContext);
  if (store === null) throw new Error('useAppStore needs a <StoreProvider> above it');
  return useStore(store, selector);
}
