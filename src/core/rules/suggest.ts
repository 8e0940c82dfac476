/**
 * Which shipped rule pack fits the loaded data: `default` (Shenzhen targets, Chinese national standards) for
 * China, `international` (Fields in Trust, Safe Routes to School) anywhere else. The country comes from the
 * OSM import (`country` / `country_source` on boundary features, read from ISO 3166 tags) or, failing that,
 * from where the layers lie (COUNTRY_BBOXES, approximate). Returns a code + params; the UI words it.
 */
import type { FeatureCollection } from 'geojson';
import { countryOfBBox, type CountryGuess, type CountrySource } from '../io/osm/country';
import type { BBox } from '../model';
import type { BuiltinPackId } from './packs';

export interface RulePackSuggestion {
  readonly code: 'rules.suggest.pack';
  readonly params: { readonly pack: BuiltinPackId; readonly country: string; readonly source: CountrySource };
}

/** Countries whose planning standards the default pack cites (GB 50180-2018, the 2022 national guidelines). */
const DEFAULT_PACK_COUNTRIES: ReadonlySet<string> = new Set(['CN']);

export function suggestRulePack(country: CountryGuess | undefined): RulePackSuggestion | undefined {
  if (!country) return undefined;
  const pack: BuiltinPackId = DEFAULT_PACK_COUNTRIES.has(country.code) ? 'default' : 'international';
  return { code: 'rules.suggest.pack', params: { pack, country: country.code, source: country.source } };
}

const SCAN_PER_LAYER = 50;

export interface LayerLike {
  readonly data: FeatureCollection;
  readonly bbox: BBox | null;
}

/**
 * The country of loaded layers: the one their features name (`country` from the OSM import; the most
 * frequent when several), else the country of their joint bounding box.
 */
export function countryOfLayers(layers: readonly LayerLike[]): CountryGuess | undefined {
  const votes = new Map<string, { n: number; source: CountrySource }>();
  for (const l of layers) {
    // The import stamps every boundary feature alike: a few per layer tell (no pass over a million homes).
    for (const f of l.data.features.slice(0, SCAN_PER_LAYER)) {
      const c = f.properties?.['country'];
      if (typeof c !== 'string' || !/^[A-Z]{2}$/.test(c)) continue;
      const source: CountrySource = f.properties?.['country_source'] === 'bbox' ? 'bbox' : 'tags';
      votes.set(c, { n: (votes.get(c)?.n ?? 0) + 1, source });
    }
  }
  const top = [...votes].sort((a, b) => b[1].n - a[1].n || a[0].localeCompare(b[0]))[0];
  if (top) return { code: top[0], source: top[1].source };
  const boxes = layers.map((l) => l.bbox).filter((b): b is BBox => b !== null);
  if (!boxes.length) return undefined;
  const b: BBox = [Math.min(...boxes.map((x) => x[0])), Math.min(...boxes.map((x) => x[1])), Math.max(...boxes.map((x) => x[2])), Math.max(...boxes.map((x) => x[3]))];
  return countryOfBBox(b);
}

export const suggestRulePackForLayers = (layers: readonly LayerLike[]): RulePackSuggestion | undefined =>
  suggestRulePack(countryOfLayers(layers));
