/**
 * Scenario proposals in a run: the dataset's facilities plus the proposed ones, appended at the end so
 * every existing facility keeps its index (cached per-category access stays valid for other categories).
 */
import { snapPoints, type PedestrianNetwork, type SnapAlternates, type SnapResult } from '../network';
import type { BuiltFacilityTable, UnitTables } from '../tables';
import type { UnitLevel } from '../model';
import type { ProposedFacility } from './types';

/** layerIdx of a proposal in the run's facility table (no input layer holds it). */
export const PROPOSAL_LAYER_IDX = 0xffff;

export interface RunFacilities {
  readonly facilities: BuiltFacilityTable;
  readonly facilitySnap: SnapResult;
  readonly units: UnitTables;
}

function concat<T extends Float64Array | Int32Array | Uint8Array | Uint16Array | Uint32Array>(a: T, b: ArrayLike<number>): T {
  const out = new (a.constructor as new (n: number) => T)(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/**
 * The further segments of the base facilities' snaps and of the proposals' (their locations shifted by
 * `baseCount`), kept in location order: a facility on several segments is a source on each of them, with
 * proposals as without.
 */
function alsoOf(base: SnapAlternates | undefined, added: SnapAlternates | undefined, baseCount: number): { also?: SnapAlternates } {
  if (!base && !added) return {};
  const empty: SnapAlternates = { location: new Int32Array(0), segment: new Int32Array(0), t: new Float64Array(0) };
  const a = base ?? empty;
  const b = added ?? empty;
  return { also: { location: concat(a.location, b.location.map((l) => l + baseCount)), segment: concat(a.segment, b.segment), t: concat(a.t, b.t) } };
}

export function withProposals(
  base: { facilities: BuiltFacilityTable; units: UnitTables },
  baseSnap: SnapResult,
  proposals: readonly ProposedFacility[] | undefined,
  net: PedestrianNetwork,
  maxSnapM: number,
  locate: (level: UnitLevel, lng: Float64Array, lat: Float64Array) => Int32Array,
): RunFacilities {
  const list = (proposals ?? []).filter((p) => Number.isFinite(p.lng) && Number.isFinite(p.lat) && p.category);
  if (list.length === 0) return { facilities: base.facilities, facilitySnap: baseSnap, units: base.units };
  const f = base.facilities;
  const lng = Float64Array.from(list, (p) => p.lng);
  const lat = Float64Array.from(list, (p) => p.lat);
  const snap = snapPoints(net, lng, lat, { maxSnapM });
  const facilities: BuiltFacilityTable = {
    ids: [...f.ids, ...list.map((p) => p.id)],
    category: [...f.category, ...list.map((p) => p.category)],
    lng: concat(f.lng, lng),
    lat: concat(f.lat, lat),
    areaM2: concat(f.areaM2, new Float64Array(list.length).fill(Number.NaN)),
    proposed: concat(f.proposed, new Uint8Array(list.length).fill(1)),
    layerIdx: concat(f.layerIdx, new Uint16Array(list.length).fill(PROPOSAL_LAYER_IDX)),
    featureIdx: concat(f.featureIdx, Uint32Array.from(list, (_, i) => i)),
    skippedNoGeometry: f.skippedNoGeometry,
    skippedNoCategory: f.skippedNoCategory,
  };
  const facilitySnap: SnapResult = {
    segment: concat(baseSnap.segment, snap.segment),
    t: concat(baseSnap.t, snap.t),
    snapM: concat(baseSnap.snapM, snap.snapM),
    lng: concat(baseSnap.lng, snap.lng),
    lat: concat(baseSnap.lat, snap.lat),
    ...alsoOf(baseSnap.also, snap.also, f.ids.length),
  };
  const units: UnitTables = {};
  for (const [level, table] of Object.entries(base.units) as [UnitLevel, NonNullable<UnitTables[UnitLevel]>][]) {
    units[level] = { ...table, facilityUnit: concat(table.facilityUnit, locate(level, lng, lat)) };
  }
  return { facilities, facilitySnap, units };
}

/**
 * Cache key of one category's access: what it depends on besides the network and snaps (the cutoff and
 * the proposals of that category, with the table index each one gets).
 */
export function categoryAccessKey(category: string, cutoffM: number | undefined, facilities: BuiltFacilityTable): string {
  const own: (string | number)[] = [];
  for (let i = 0; i < facilities.ids.length; i++) {
    if (facilities.proposed[i] && facilities.layerIdx[i] === PROPOSAL_LAYER_IDX && facilities.category[i] === category) {
      own.push(i, facilities.ids[i], facilities.lng[i], facilities.lat[i]);
    }
  }
  return JSON.stringify([category, cutoffM ?? null, own]);
}
