/** How components reach the store: a context holding the vanilla store, read with selectors. */
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { AppState, AppStore } from '../state';

export const StoreContext = createContext<AppStore | null>(null);

export function useAppStore(): AppStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('StoreContext missing');
  return store;
}

export function useAppState<T>(selector: (s: AppState) => T): T {
  return useStore(useAppStore(), selector);
}
