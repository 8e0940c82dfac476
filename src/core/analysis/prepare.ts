/**
 * The parts of an analysis that depend only on the layers (and network options): tables, unit
 * assignments, the network and the snaps. A dataset keeps them so a second run with other thresholds or
 * categories starts at the shortest paths.
 */
import { buildNetwork, snapPoints, type PedestrianNetwork, type SnapResult, type WalkabilityTable } from '../network';
import {
  buildFacilityTable, buildHomeTable, buildStreetTable, buildCrossingTable, buildUnitSource, buildUnitTablesFrom, unitGeometries,
  type AnalysisTables, type BuiltFacilityTable, type BuiltHomeTable, type UnitSources, type UnitTables,
} from '../tables';
import { UNIT_LEVELS } from '../model';
import type { CancelToken } from '../jobs';
import type { UnitLevel } from '../model';
import type { CategoryAccessResult } from '../access';
import { createUnitLocator, type UnitLocator } from '../coverage/unit-locator';
import { createCoverageCache, type CoverageCache } from '../coverage/shares';
import type { AnalysisInputs } from './types';

/** Per-category access of the latest run, reusable while the network and snaps stay the same. */
export interface AccessCache {
  readonly snaps: object;
  readonly entries: ReadonlyMap<string, CategoryAccessResult>;
}

export interface PreparedDataset {
  /** The layers as tables: all the dataset holds of them (no GeoJSON). */
  readonly source: AnalysisTables;
  tables(): { homes: BuiltHomeTable; facilities: BuiltFacilityTable; units: UnitTables };
  network(walkability: WalkabilityTable | undefined, islandMaxM: number | undefined, cancel?: CancelToken): PedestrianNetwork;
  snaps(net: PedestrianNetwork, maxSnapM: number): { homes: SnapResult; facilities: SnapResult };
  /** Unit index (-1 outside) of each point at a loaded level, by the same rule as the unit tables. */
  locateUnits(level: UnitLevel, lng: Float64Array, lat: Float64Array): Int32Array;
  accessCache?: AccessCache;
  /** Coverage per category already counted (see CoverageCache): a run that changes one category counts one. */
  readonly coverageCache: CoverageCache;
}

/** GeoJSON layers as the analysis's tables: the same table builders the io worker runs per layer. */
export function tablesFromInputs(inputs: AnalysisInputs): AnalysisTables {
  const units: UnitSources = {};
  for (const level of UNIT_LEVELS) if (inputs.units?.[level]) units[level] = buildUnitSource(inputs.units[level]);
  return {
    streets: buildStreetTable(inputs.streets),
    homes: buildHomeTable(inputs.homes, inputs.homeFieldMapping),
    facilities: buildFacilityTable(inputs.facilities),
    units,
    crossings: inputs.crossings ? buildCrossingTable(inputs.crossings) : null,
  };
}

/** A dataset from GeoJSON layers (CLI, tests, benchmarks): tablesFromInputs, then prepareTables. */
export const prepareDataset = (inputs: AnalysisInputs): PreparedDataset => prepareTables(tablesFromInputs(inputs));

export function prepareTables(source: AnalysisTables): PreparedDataset {
  let tables: ReturnType<PreparedDataset['tables']> | undefined;
  let net: { key: string; value: PedestrianNetwork } | undefined;
  let snaps: { net: PedestrianNetwork; maxSnapM: number; value: ReturnType<PreparedDataset['snaps']> } | undefined;
  const locators = new Map<UnitLevel, UnitLocator>();
  const self: PreparedDataset = {
    source,
    coverageCache: createCoverageCache(),
    tables() {
      if (!tables) {
        const { homes, facilities } = source;
        tables = { homes, facilities, units: buildUnitTablesFrom(source.units, homes, facilities) };
      }
      return tables;
    },
    network(walkability, islandMaxM, cancel) {
      const key = JSON.stringify([walkability ?? null, islandMaxM ?? null]);
      if (net?.key !== key) net = { key, value: buildNetwork(source.streets, { walkability, islandMaxM }, cancel) };
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
      const unitSource = source.units[level];
      if (!unitSource) return new Int32Array(lng.length).fill(-1);
      let loc = locators.get(level);
      if (!loc) {
        loc = createUnitLocator(unitGeometries(unitSource), self.tables().units[level]!.ids);
        locators.set(level, loc);
      }
      return loc.locateAll(lng, lat);
    },
  };
  return self;
}
