/**
 * The field-mapping step as one undoable edit: the layer's role, its single category (facility layers) and
 * which attributes hold the name, the category and the child counts. Saved with the project; the analysis
 * reads `fieldMapping.children` (src/core/tables homes).
 */
import { AGE_BANDS, type AgeBand, type FieldMapping, type LayerRole, type Project, type ProjectLayer } from '../../core/model';
import { defineAction } from './define';

export interface LayerMappingArgs {
  readonly id: string;
  readonly role: LayerRole;
  /** Single category of a facility layer; undefined = each feature's category attribute. */
  readonly category?: string;
  /** Children bands may be partial here; the stored mapping lists every band. */
  readonly fieldMapping: Omit<FieldMapping, 'children'> & { readonly children?: Partial<Record<AgeBand, string>> };
}

/** Drops empty entries so an unchanged dialog leaves the layer as it was. */
export function cleanMapping(m: LayerMappingArgs['fieldMapping']): FieldMapping | undefined {
  // projectSchema's children record (zod 4 enum keys) needs every band: unmapped bands are '' (tables skip them).
  const any = AGE_BANDS.some((b) => !!m.children?.[b]);
  const children = Object.fromEntries(AGE_BANDS.map((b) => [b, m.children?.[b] ?? ''])) as Record<AgeBand, string>;
  const out: FieldMapping = {
    ...(m.name ? { name: m.name } : {}),
    ...(m.category ? { category: m.category } : {}),
    ...(any ? { children } : {}),
  };
  return Object.keys(out).length ? out : undefined;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

export const setLayerMapping = defineAction('layer.fieldMapping', (doc: Project, args: LayerMappingArgs) => {
  const i = doc.layers.findIndex((l) => l.id === args.id);
  if (i < 0) return doc;
  const old = doc.layers[i];
  const mapping = cleanMapping(args.fieldMapping);
  const category = args.role === 'facilities' ? args.category || undefined : undefined;
  if (old.role === args.role && old.category === category && same(old.fieldMapping, mapping)) return doc;
  const { category: _c, fieldMapping: _f, ...rest } = old;
  const next: ProjectLayer = { ...rest, role: args.role, ...(category ? { category } : {}), ...(mapping ? { fieldMapping: mapping } : {}) };
  const layers = doc.layers.slice();
  layers[i] = next;
  return { ...doc, layers };
});
