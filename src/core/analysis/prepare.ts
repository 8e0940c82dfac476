/**
 * The parts of an analysis that depend only on the layers (and network options): tables, unit
 * assignments, the network and the snaps. A dataset keeps them so a second run with other thresholds or
 * categories starts at the shortest paths.
 */
import { buildNetwork, snapPoints, type PedestrianNetwork, type SnapResult, type WalkabilityTable } from '../network';
import { buildFacilityTable, buildHomeTable, buildUnitTables, type BuiltFacilityTable, type BuiltHomeTable, type UnitTables } from '../tables';
import type { CancelToken } from '../jobs';
import type { UnitLevel } from '../model';
import type { CategoryAccessResult } from '../access';
import { createUnitLocator, type UnitLocator } from '../coverage/unit-locator';
import type { AnalysisInputs } from './types';

/** Per-category access of the latest run, reusable while the network and snaps stay the same. */
export interface AccessCache {
  readonly snaps: object;
  readonly entries: ReadonlyMap<string, CategoryAccessResult>;
}

export interface PreparedDataset {
  readonly inputs: AnalysisInputs;
  tables(): { homes: BuiltHomeTable; facilities: BuiltFacilityTable; units: UnitTables };
  network(walkability: WalkabilityTable | undefined, islandMaxM: number | undefined, cancel?: CancelToken): PedestrianNetwork;
  snaps(net: PedestrianNetwork, maxSnapM: number): { homes: SnapResult; facilities: SnapResult };
  /** Unit index (-1 outside) of each point at a loaded level, by the same rule as the unit tables. */
  locateUnits(level: UnitLevel, lng: Float64Array, lat: Float64Array): Int32Array;
  accessCache?: AccessCache;
}

export function prepareDataset(inputs: AnalysisInputs): PreparedDataset {
  let tables: ReturnType<PreparedDataset['tables']> | undefined;
  let net: { key: string; value: PedestrianNetwork } | undefined;
  let snaps: { net: PedestrianNetwork; maxSnapM: number; value: ReturnType<PreparedDataset['snaps']> } | undefined;
  const locators = new Map<UnitLevel, UnitLocator>();
  const self: PreparedDataset = {
    inputs,
    tables() {
      if (!tables) {
        const homes = buildHomeTable(inputs.homes, inputs.homeFieldMapping);
        const facilities = buildFacilityTable(inputs.facilities);
        tables = { homes, facilities, units: buildUnitTables(inputs.units ?? {}, homes, facilities) };
      }
      return tables;
    },
    network(walkability, islandMaxM, cancel) {
      const key = JSON.stringify([walkability ?? null, islandMaxM ?? null]);
      if (net?.key !== key) net = { key, value: buildNetwork(inputs.streets, { walkability, islandMaxM }, cancel) };
      return net.value;
    },
    snaps(network, maxSnapM) {
      if (snaps?.net !== network || snaps.maxSnapM !== maxSnapM) {
        const { homes, facilities } = self.tables();
        snaps = {
          net: network,
          maxSnapM,
          value: { homes: snapPoints(network, homes.lng, homes.lat, { maxSnapM }), facilities: snapPoints(network, facilities.lng, facilities.lat, { maxSnapM }) },
        };
      }
      return snaps.value;
    },
    locateUnits(level, lng, lat) {
      const fc = inputs.units?.[level];
      if (!fc) return new Int32Array(lng.length).fill(-1);
      let loc = locators.get(level);
      if (!loc) {
        loc = createUnitLocator(fc.features.map((f) => f.geometry), self.tables().units[level]!.ids);
        locators.set(level, loc);
      }
      return loc.locateAll(lng, lat);
    },
  };
  return self;
}
