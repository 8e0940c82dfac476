/**
 * boundary=administrative relations assembled into (multi)polygons and grouped into one layer per unit level.
 * Relations that cannot be assembled (members cut off by the extract, rings that do not close) are skipped
 * with a warning carrying their ids.
 */
import type { Feature } from 'geojson';
import type { UnitLevel } from '../../model';
import { autoAdminLevels, type AdminLevelMapping } from './admin-levels';
import type { OsmStore } from './osm-store';
import { assembleRelation } from './rings';
import { nameZh } from './tags';
import type { WarningBag } from './warnings';

export interface BoundaryResult {
  readonly byLevel: ReadonlyMap<UnitLevel, Feature[]>;
  /** The mapping actually applied (the auto one when none was given). */
  readonly mapping: AdminLevelMapping;
}

const REASON_CODE = { missing_member: 'osm.boundary_incomplete', unclosed_ring: 'osm.boundary_unclosed', no_outer: 'osm.boundary_no_outer' } as const;

export function buildBoundaries(store: OsmStore, mapping: AdminLevelMapping | 'auto', warnings: WarningBag): BoundaryResult {
  const assembled: { level: number; feature: Feature }[] = [];
  for (const r of store.relations) {
    const t = r.tags;
    if (t['boundary'] !== 'administrative') continue;
    const level = Number.parseInt(t['admin_level'] ?? '', 10);
    if (!Number.isFinite(level)) {
      warnings.add('osm.boundary_no_level', `r${r.id}`);
      continue;
    }
    const res = assembleRelation(store, r);
    if (!res.ok) {
      warnings.add(REASON_CODE[res.reason], `r${r.id}`);
      continue;
    }
    if (res.orphanHoles) warnings.add('osm.multipolygon_orphan_inner', `r${r.id}`);
    const props: Record<string, string | number> = { id: `r${r.id}`, osm_id: `r${r.id}`, admin_level: level };
    if (t['name']) props['name'] = t['name'];
    const nz = nameZh(t);
    if (nz) props['name_zh'] = nz;
    const code = t['ref:admin_code'] ?? t['de:amtlicher_gemeindeschluessel'] ?? t['ref'];
    if (code) props['admin_code'] = code;
    assembled.push({ level, feature: { type: 'Feature', geometry: res.geometry, properties: props } });
  }
  const applied = mapping === 'auto' ? autoAdminLevels(assembled.map((a) => a.level)) : mapping;
  const byLevel = new Map<UnitLevel, Feature[]>();
  for (const a of assembled) {
    const unit = applied[String(a.level)];
    if (!unit) continue;
    const list = byLevel.get(unit) ?? [];
    list.push(a.feature);
    byLevel.set(unit, list);
  }
  return { byLevel, mapping: applied };
}
