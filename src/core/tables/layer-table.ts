/**
 * One layer as the analysis reads it, by kind: what the io worker builds from a parsed layer and hands to
 * the analysis worker (transferred, never through the main thread), and what the analysis assembles a
 * dataset from. `LayerSpec` says how to read a layer: its role, and for homes the field mapping, for
 * facilities the layer's category.
 */
import type { FeatureCollection } from 'geojson';
import { buildCrossingTable, concatCrossingTables, crossingTableBuffers, type CrossingTable } from './crossings';
import { buildFacilityTable, concatFacilityTables, facilityTableBuffers, type BuiltFacilityTable } from './facilities';
import { buildHomeTable, homeTableBuffers, type BuiltHomeTable, type HomeFieldMapping } from './homes';
import { buildStreetTable, concatStreetTables, streetTableBuffers, type StreetTable } from './streets';
import { buildUnitSource, unitSourceBuffers, type UnitSource, type UnitSources } from './units';

export type LayerSpec =
  | { readonly kind: 'streets' }
  | { readonly kind: 'homes'; readonly fieldMapping?: HomeFieldMapping }
  | { readonly kind: 'facilities'; readonly category?: string; readonly forceCategory?: boolean }
  | { readonly kind: 'units' }
  | { readonly kind: 'crossings' };

export type LayerTable =
  | StreetTable
  | (BuiltHomeTable & { readonly kind: 'homes' })
  | (BuiltFacilityTable & { readonly kind: 'facilities' })
  | UnitSource
  | CrossingTable;

/** A dataset's layers as tables: every streets layer, the homes, each facility layer, one layer per level. */
export interface AnalysisTables {
  readonly streets: StreetTable;
  readonly homes: BuiltHomeTable;
  readonly facilities: BuiltFacilityTable;
  readonly units: UnitSources;
  /** The crossings layers (safe routes read their control); null: every crossing counts as unmarked. */
  readonly crossings: CrossingTable | null;
}

export function buildLayerTable(fc: FeatureCollection, spec: LayerSpec): LayerTable {
  switch (spec.kind) {
    case 'streets': return buildStreetTable(fc);
    case 'homes': return { kind: 'homes', ...buildHomeTable(fc, spec.fieldMapping) };
    case 'facilities': return { kind: 'facilities', ...buildFacilityTable([{ fc, category: spec.category, forceCategory: spec.forceCategory }]) };
    case 'units': return buildUnitSource(fc);
    case 'crossings': return buildCrossingTable(fc);
  }
}

/** The table's buffers, each once (to transfer). */
export function layerTableBuffers(t: LayerTable): ArrayBuffer[] {
  const views = t.kind === 'streets' ? streetTableBuffers(t)
    : t.kind === 'homes' ? homeTableBuffers(t)
    : t.kind === 'facilities' ? facilityTableBuffers(t)
    : t.kind === 'crossings' ? crossingTableBuffers(t)
    : unitSourceBuffers(t);
  const out = new Set<ArrayBuffer>();
  for (const v of views) if (v.buffer instanceof ArrayBuffer && v.buffer.byteLength > 0) out.add(v.buffer);
  return [...out];
}

export interface LayerTableSet {
  readonly streets: readonly StreetTable[];
  readonly homes: BuiltHomeTable;
  readonly facilities: readonly BuiltFacilityTable[];
  readonly units: UnitSources;
  readonly crossings?: readonly CrossingTable[];
}

/** The dataset's tables from its layers' tables (streets merged, facility layers concatenated in order). */
export function assembleTables(set: LayerTableSet): AnalysisTables {
  return {
    streets: concatStreetTables(set.streets),
    homes: set.homes,
    facilities: concatFacilityTables(set.facilities),
    units: set.units,
    crossings: set.crossings?.length ? concatCrossingTables(set.crossings) : null,
  };
}

