/**
 * The fixes a user accepts from a layer's report (never applied on their own): the warnings' `params.fix`
 * (swap axes, GCJ-02 / BD-09 → WGS 84) and a dasymetric child estimate for homes without counts.
 */
import type { LoadedLayer } from '../model';
import { convertCoordinates, swapAxes } from './convert-coordinates';
import { estimateChildren } from './osm/estimate-children';
import type { ChildEstimateConfig } from './osm/estimate-children';

export type LayerFix = 'swap-axes' | 'convert-gcj02' | 'convert-bd09' | 'estimate-children';

export const LAYER_FIXES: readonly LayerFix[] = ['swap-axes', 'convert-gcj02', 'convert-bd09', 'estimate-children'];

export function applyLayerFix(layer: LoadedLayer, fix: LayerFix, estimate?: Partial<ChildEstimateConfig>): LoadedLayer {
  switch (fix) {
    case 'swap-axes':
      return swapAxes(layer);
    case 'convert-gcj02':
      return convertCoordinates(layer, 'gcj02');
    case 'convert-bd09':
      return convertCoordinates(layer, 'bd09');
    case 'estimate-children': {
      const data = estimateChildren(layer.data, estimate);
      const fields = new Set(layer.fieldNames);
      for (const f of data.features) for (const k of Object.keys(f.properties ?? {})) fields.add(k);
      return { ...layer, data, fieldNames: [...fields] };
    }
  }
}
