/**
 * What the app's data export writes, read from the store: every loaded layer as the document holds it
 * (personal fields withheld, as a saved project and `npm run export` withhold them: savedData), then the
 * results that exist, built by the command line's core functions (resultLayers): the shown access run's
 * access, coverage and isochrones, the rule check's gaps and scorecards when that check is of the shown
 * run, and the Safe routes panel's routes, ways, hotspots and unit figures when they are of the shown run. Home ids are the homes table's (featureId of the home's feature, as buildHomeTable names it).
 */
import { featureId, isUnitLevel, type UnitLevel } from '../core/model';
// The files, not the index: the writers (wellknown, sql.js) stay in the io worker's bundle.
import type { DataManifest } from '../core/export/manifest';
import { inputLayerNames } from '../core/export/input-layers';
import { resultLayers, type ExportLayer } from '../core/export/result-layers';
import type { UnitGeometries } from '../core/rules';
import { checkedRuleSet, type AppState } from '../state';
import { savedData } from '../state/personal-fields';

type Source = Pick<AppState, 'doc' | 'layerData' | 'analysis' | 'rules' | 'runs' | 'safety'>;

export interface DataExportLayers {
  readonly layers: ExportLayer[];
  readonly rules: DataManifest['rules'];
}

function inputLayers(s: Source): ExportLayer[] {
  const loaded = s.doc.layers.filter((l) => s.layerData[l.id]);
  const names = inputLayerNames(loaded);
  return loaded.map((l, i) => ({ name: names[i], data: savedData(l.role, s.layerData[l.id]!) }));
}

function results(s: Source): DataExportLayers {
  const r = s.analysis.result;
  const refs = s.analysis.inputs;
  const homes = refs && s.layerData[refs.homesLayerId]?.data;
  if (!r || !refs || !homes) return { layers: [], rules: null };
  const homeIds = Array.from(r.homeFeatureIdx, (i) => {
    const f = homes.features[i];
    return featureId(f?.properties, i, f?.id);
  });
  const unitGeometries: UnitGeometries = {};
  for (const [level, id] of Object.entries(refs.unitLayerIds)) {
    const fc = id ? s.layerData[id]?.data : undefined;
    if (fc && isUnitLevel(level)) unitGeometries[level as UnitLevel] = fc.features.map((f) => f.geometry);
  }
  const checked = s.rules.result?.runId === r.runId ? s.rules.result : null;
  const ruleSet = checked ? checkedRuleSet(s) : null;
  const safe = s.safety.result?.runId === r.runId ? s.safety.result : null;
  // The ways in the worker's order: the streets layers joined as buildInputs joins them.
  const streets = safe ? refs.streetLayerIds.flatMap((id) => s.layerData[id]?.data.features ?? []) : [];
  const safeRoutes = safe && streets.length === safe.street.plts.length
    ? { result: safe, wayIds: streets.map((f, i) => featureId(f.properties, i, f.id)), wayGeometries: streets.map((f) => f.geometry) }
    : null;
  return {
    layers: resultLayers({ result: r, homeIds, unitGeometries, ...(checked ? { evaluation: checked.evaluation } : {}), ...(safeRoutes ? { safeRoutes } : {}) }),
    rules: ruleSet ? { id: ruleSet.id, version: ruleSet.version } : null,
  };
}

/** Input layers in the document's order, then the results in resultLayers' order. */
export function dataExportLayers(s: Source): DataExportLayers {
  const res = results(s);
  return { layers: [...inputLayers(s), ...res.layers], rules: res.rules };
}
