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
import { LAYER_CHECK_BUDGET } from './self-intersection';
import { validateGeometry } from './validate-geometry';
import { IO_WARNINGS, WarningTally } from './warnings';

const ROLE_SAMPLE = 500;
/** Features off the globe are dropped as strays when they are at most this share of the layer. */
const STRAY_SHARE = 0.1;

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
  private bbox = new BBoxAccumulator();
  private kind: GeometryKind | undefined;
  private readonly fields = new Set<string>();
  private readonly ids = new Set<string>();
  private inputIdx = 0;
  private readonly checkBudget = { left: LAYER_CHECK_BUDGET };
  /** Features (position in `features`, input index) with a position outside ±180° / ±90°. */
  private readonly offGlobe: [number, number][] = [];

  constructor(private readonly opts: BuilderOptions) {}

  get count(): number {
    return this.features.length;
  }

  /** Adds one raw feature (untrusted shape). Returns false when it was dropped. */
  add(raw: unknown): boolean {
    const idx = this.inputIdx++;
    const f = (raw !== null && typeof raw === 'object' ? raw : {}) as { geometry?: unknown; properties?: unknown; id?: unknown };
    const geometry = validateGeometry(f.geometry, idx, this.tally, this.checkBudget);
    if (!geometry) return false;
    if (this.opts.bbox && !meets(geometry, this.opts.bbox)) return false;
    const properties = sanitizeProperties(f.properties, idx, this.tally);
    const feature: Feature = { type: 'Feature', geometry, properties };
    if (typeof f.id === 'string' || (typeof f.id === 'number' && Number.isFinite(f.id))) feature.id = f.id;
    this.countId(feature, idx);
    if (!inDegrees(geometry)) this.offGlobe.push([this.features.length, idx]);
    this.track(feature);
    this.features.push(feature);
    return true;
  }

  private track(feature: Feature): void {
    for (const k of Object.keys(feature.properties ?? {})) this.fields.add(k);
    this.bbox.addFeature(feature);
    this.kind = combineKinds(this.kind, kindOf(feature.geometry as Geometry));
  }

  /**
   * A few features off the globe in a layer that is otherwise in degrees are strays (a 1e308, a latitude
   * of 95): dropped with a warning, so one bad vertex neither refuses the file as projected nor offers to
   * swap its axes. When many are off, the whole layer is judged by checkDegrees as before.
   */
  private dropStrays(): void {
    const n = this.offGlobe.length;
    if (n === 0 || n === this.features.length || n > this.features.length * STRAY_SHARE) return;
    const drop = new Set(this.offGlobe.map(([at]) => at));
    for (const [, idx] of this.offGlobe) this.tally.add(IO_WARNINGS.offGlobeDropped, idx);
    const kept = this.features.filter((_, i) => !drop.has(i));
    this.features.length = 0;
    this.fields.clear();
    this.bbox = new BBoxAccumulator();
    this.kind = undefined;
    for (const f of kept) {
      this.track(f);
      this.features.push(f);
    }
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
    this.dropStrays();
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

function inDegrees(g: Geometry): boolean {
  let ok = true;
  eachPosition(g, (p) => {
    if (!(p[0] >= -180 && p[0] <= 180 && p[1] >= -90 && p[1] <= 90)) ok = false;
  });
  return ok;
}

function meets(g: Geometry, r: BBox): boolean {
  const acc = new BBoxAccumulator();
  eachPosition(g, acc.add);
  const b = acc.bbox;
  return !!b && b[0] <= r[2] && r[0] <= b[2] && b[1] <= r[3] && r[1] <= b[3];
}
