/**
 * Are these degrees? Values beyond ±180/±90 mean metres (a projected CRS given as lon/lat): refused,
 * with the extent so the user can recognise the CRS. Axes that only make sense swapped are offered as
 * a fix (warning code), never swapped silently.
 */
import type { BBox } from '../model';
import { fail, IO_ERRORS } from './io-error';
import { IO_WARNINGS, type WarningTally } from './warnings';

// Six decimals; a value too big to scale (1e308) is given as it is, not as Infinity.
const round = (n: number) => (Math.abs(n) < 1e300 ? Math.round(n * 1e6) / 1e6 : n);

export const bboxParams = (b: BBox) => ({ minX: round(b[0]), minY: round(b[1]), maxX: round(b[2]), maxY: round(b[3]) });

const intersects = (a: BBox, b: BBox) => a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
const swapped = (b: BBox): BBox => [b[1], b[0], b[3], b[2]];

export function checkDegrees(fileName: string, bbox: BBox | null, tally: WarningTally, referenceBbox?: BBox): void {
  if (!bbox) return;
  const [minX, minY, maxX, maxY] = bbox;
  const xOk = minX >= -180 && maxX <= 180;
  const yOk = minY >= -90 && maxY <= 90;
  if (xOk && yOk) {
    // Plausible degrees either way: only a reference area can tell that the axes are swapped.
    if (referenceBbox && !intersects(bbox, referenceBbox) && intersects(swapped(bbox), referenceBbox)) {
      tally.note(IO_WARNINGS.axesSwapped, { fix: 'swap-axes', reason: 'reference', ...bboxParams(bbox) });
    }
    return;
  }
  const xLooksLat = minX >= -90 && maxX <= 90;
  const yLooksLng = minY >= -180 && maxY <= 180;
  if (xLooksLat && yLooksLng) {
    tally.note(IO_WARNINGS.axesSwapped, { fix: 'swap-axes', reason: 'range', ...bboxParams(bbox) });
    return;
  }
  fail(IO_ERRORS.looksProjected, { file: fileName, ...bboxParams(bbox) });
}
