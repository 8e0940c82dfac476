/**
 * boundary=administrative relations assembled into (multi)polygons and grouped into one layer per unit level.
 * Relations that cannot be assembled (members cut off by the extract, rings that do not close) are skipped
 * with a warning carrying their ids. The country (country.ts) is detected on the way: it picks the
 * admin-level preset when the mapping is 'auto', and every boundary feature carries it as `country`.
 */
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { UnitLevel } from '../../model';
import { adminLevelsFor, resolveAdminLevels, type AdminLevelMapping } from './admin-levels';
import { countryCodeOfTags, detectCountry, type CountryGuess } from './country';
import type { OsmStore } from './osm-store';
import { assembleRelation } from './rings';
import { nameZh } from './tags';
import type { WarningBag } from './warnings';

export interface BoundaryResult {
  readonly byLevel: ReadonlyMap<UnitLevel, Feature[]>;
  /** The mapping actually applied (the country's preset or the structural one when none was given). */
  readonly mapping: AdminLevelMapping;
  /** The country the data lies in, when it can be told (for the rule-pack suggestion). */
  readonly country?: CountryGuess;
}

const REASON_CODE = { missing_member: 'osm.boundary_incomplete', unclosed_ring: 'osm.boundary_unclosed', no_outer: 'osm.boundary_no_outer' } as const;

export function buildBoundaries(store: OsmStore, mapping: AdminLevelMapping | 'auto', warnings: WarningBag): BoundaryResult {
  const assembled: { level: number; feature: Feature }[] = [];
  const tagged: string[] = [];
  const polygons = new Map<string, Polygon | MultiPolygon>();
  for (const r of store.relations) {
    const t = r.tags;
    if (t['boundary'] !== 'administrative') continue;
    const code = countryCodeOfTags(t);
    if (code) tagged.push(code);
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
    if (level === 2 && code) polygons.set(code, res.geometry);
    if (res.orphanHoles) warnings.add('osm.multipolygon_orphan_inner', `r${r.id}`);
    const props: Record<string, string | number> = { id: `r${r.id}`, osm_id: `r${r.id}`, admin_level: level };
    if (t['name']) props['name'] = t['name'];
    const nz = nameZh(t);
    if (nz) props['name_zh'] = nz;
    const adminCode = t['ref:admin_code'] ?? t['de:amtlicher_gemeindeschluessel'] ?? t['ref'];
    if (adminCode) props['admin_code'] = adminCode;
    assembled.push({ level, feature: { type: 'Feature', geometry: res.geometry, properties: props } });
  }
  const country = detectCountry({ tagged, polygons, points: store.countrySamples });
  const present = assembled.map((a) => a.level);
  const applied = mapping === 'auto' ? adminLevelsFor(country?.code, present) : resolveAdminLevels(mapping, present);
  const byLevel = new Map<UnitLevel, Feature[]>();
  for (const a of assembled) {
    const unit = applied[String(a.level)];
    if (!unit) continue;
    if (country) Object.assign(a.feature.properties as object, { country: country.code, country_source: country.source });
    const list = byLevel.get(unit) ?? [];
    list.push(a.feature);
    byLevel.set(unit, list);
  }
  return { byLevel, mapping: applied, ...(country ? { country } : {}) };
}
