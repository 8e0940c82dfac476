import type { StoreApi } from 'zustand/vanilla';
import type { AppState } from './types';

/** A slice creator: gets the whole store's set/get, returns its own part. */
export type SliceCreator<S> = (set: StoreApi<AppState>['setState'], get: () => AppState) => S;
