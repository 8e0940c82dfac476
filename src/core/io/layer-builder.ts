/**
 * Turns raw features from any reader into a LoadedLayer: validates and repairs geometry, cleans
 * attributes, counts duplicate ids, and computes bbox, kind, field names and the role guess.
 * Features are added one at a time so streamed formats never hold a second copy.
 */
import type { Feature, FeatureCollection } from 'geojson';
import type { BBox, GeometryKind, LoadedLayer } from '../model';
import { checkDegrees } from './coord-checks';
import type { Geometry } from 'geojson';
import { BBoxAccumulator, combineKinds, eachPosition, kindOf } from './geometry-kind';
import { guessRole } from './guess-role';
import { sanitizeProperties } from './sanitize-properties';
import { validateGeometry } from './validate-geometry';
import { IO_WARNINGS, WarningTally } from './warnings';

const ROLE_SAMPLE = 500;

export interface BuilderOptions {
  readonly fileName: string;
  /** Display name; defaults to the file name. */
  readonly name?: string;
  /** A box the layer is expected to overlap (e.g. the project area), for the swapped-axes check. */
  readonly referenceBbox?: BBox;
  /** Keep only features whose own box meets this one (LoadOptions.bbox, for every format). */
  readonly bbox?: BBox;
}

export class LayerBuilder {
  readonly tally = new WarningTally();
  private readonly features: Feature[] = [];
  private readonly bbox = new BBoxAccumulator();
  private kind: GeometryKind | undefined;
  private readonly fields = new Set<string>();
  private readonly ids = new Set<string>();
  private inputIdx = 0;

  constructor(private readonly opts: BuilderOptions) {}

  get count(): number {
    return this.features.length;
  }

  /** Adds one raw feature (untrusted shape). Returns false when it was dropped. */
  add(raw: unknown): boolean {
    const idx = this.inputIdx++;
    const f = (raw !== null && typeof raw === 'object' ? raw : {}) as { geometry?: unknown; properties?: unknown; id?: unknown };
    const geometry = validateGeometry(f.geometry, idx, this.tally);
    if (!geometry) return false;
    if (this.opts.bbox && !meets(geometry, this.opts.bbox)) return false;
    const properties = sanitizeProperties(f.properties, idx, this.tally);
    const feature: Feature = { type: 'Feature', geometry, properties };
    if (typeof f.id === 'string' || (typeof f.id === 'number' && Number.isFinite(f.id))) feature.id = f.id;
    this.countId(feature, idx);
    for (const k of Object.keys(properties)) this.fields.add(k);
    this.bbox.addFeature(feature);
    this.kind = combineKinds(this.kind, kindOf(geometry));
    this.features.push(feature);
    return true;
  }

  private countId(f: Feature, idx: number): void {
    const p = f.properties ?? {};
    const id = f.id ?? p.id ?? p.osm_id;
    if (id === undefined || id === null || id === '') return;
    const key = String(id);
    if (this.ids.has(key)) {
      this.tally.add(IO_WARNINGS.duplicateIds, idx);
    } else this.ids.add(key);
  }

  finish(): LoadedLayer {
    const bbox = this.bbox.bbox;
    checkDegrees(this.opts.fileName, bbox, this.tally, this.opts.referenceBbox);
    const name = this.opts.name ?? this.opts.fileName;
    const geometryKind = this.kind ?? 'none';
    const fieldNames = [...this.fields];
    const sample = this.features.slice(0, ROLE_SAMPLE).map((f) => f.properties ?? {});
    const guess = guessRole({ name, fieldNames, geometryKind, sample });
    const data: FeatureCollection = { type: 'FeatureCollection', features: this.features };
    return {
      name,
      fileName: this.opts.fileName,
      data,
      geometryKind,
      bbox,
      featureCount: this.features.length,
      fieldNames,
      roleGuess: guess.role,
      ...(guess.categoryGuess ? { categoryGuess: guess.categoryGuess } : {}),
      warnings: this.tally.list(),
    };
  }
}

function meets(g: Geometry, r: BBox): boolean {
  const acc = new BBoxAccumulator();
  eachPosition(g, acc.add);
  const b = acc.bbox;
  return !!b && b[0] <= r[2] && r[0] <= b[2] && b[1] <= r[3] && r[1] <= b[3];
}
