/** Collects per-code warning counts with a few example OSM ids (e.g. "r324307") for the report. */
import type { LoadWarning } from '../../model';

const MAX_EXAMPLES = 5;

export class WarningBag {
  private readonly byCode = new Map<string, { count: number; ids: string[] }>();

  add(code: string, osmId?: string): void {
    const w = this.byCode.get(code) ?? { count: 0, ids: [] };
    w.count++;
    if (osmId && w.ids.length < MAX_EXAMPLES) w.ids.push(osmId);
    this.byCode.set(code, w);
  }

  list(): LoadWarning[] {
    return [...this.byCode].map(([code, w]) => ({ code, count: w.count, params: w.ids.length ? { osm_ids: w.ids.join(', ') } : undefined }));
  }
}
