/** The committed demo city as analysis inputs, read through the same io path as the CLI. */
import { demoLayers } from '../../../src/cli/analyze-demo';
import { readLayerFile } from '../../../src/cli/read-layer-file';
import type { AnalysisInputs } from '../../../src/core/analysis';
import type { UnitLayers } from '../../../src/core/tables';

export async function demoInputs(): Promise<AnalysisInputs> {
  const d = demoLayers();
  const [streets, homes, facilities, ...units] = await Promise.all([
    readLayerFile(d.streets), readLayerFile(d.residences), readLayerFile(d.facilities), ...d.units.map((u) => readLayerFile(u.file)),
  ]);
  const unitLayers: UnitLayers = Object.fromEntries(d.units.map((u, i) => [u.level, units[i]]));
  return { streets, homes, facilities: [{ fc: facilities }], units: unitLayers };
}
