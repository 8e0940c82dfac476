/** What a loader does with a CRS a file declares: nothing, a note, a warning, or a reprojection. */
import { planForEpsg, planForText, toWgs84, type CrsPlan, type XY } from './crs';
import { fail, IO_ERRORS } from './io-error';
import { IO_WARNINGS, type WarningTally } from './warnings';

/** Resolves a declared CRS (text or EPSG code) or refuses the file with error.io.unknown-crs. */
export function resolveDeclared(fileName: string, declared: string | number): CrsPlan {
  const plan = typeof declared === 'number' ? planForEpsg(declared) : planForText(declared);
  return plan ?? fail(IO_ERRORS.unknownCrs, { file: fileName, crs: String(declared).slice(0, 200) });
}

/** Records the plan's note in the tally; returns the coordinate transform when one is needed. */
export function applyPlan(plan: CrsPlan, tally: WarningTally): XY | undefined {
  switch (plan.kind) {
    case 'wgs84':
      return undefined;
    case 'cgcs2000':
      tally.note(IO_WARNINGS.cgcs2000AsWgs84, { crs: plan.code });
      return undefined;
    case 'offset':
      tally.note(plan.datum === 'gcj02' ? IO_WARNINGS.declaredGcj02 : IO_WARNINGS.declaredBd09, { from: plan.datum, fix: `convert-${plan.datum}` });
      return undefined;
    case 'project':
      tally.note(IO_WARNINGS.reprojected, { from: plan.code });
      return toWgs84(plan);
  }
}
