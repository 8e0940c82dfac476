/**
 * The gap report's further tables, where they exist (issue 10 item 2): the proposals of the active scenario
 * and of the co-sketch (a wish turned into a facility, with what it changed when this screen measured it),
 * and the safe-route hotspots (crossings and streets to fix first, when safe routes were computed).
 */
import type { TFunction } from 'i18next';
import { activeFacilityProposals } from '../state/actions/scenario-proposals';
import type { AppState } from '../state';
import { localRoadName, localWayName } from '../state/street-names';
import { categoryLabel } from '../ui/analysis/format';
import { formatNumber } from '../ui/format-number';
import type { ReportTable } from './gap-report';

/** Hotspots listed in the report (the Safe routes tab shows the same first ten). */
export const REPORT_HOTSPOTS = 10;

const at = (lng: number, lat: number) => `${lat.toFixed(5)}, ${lng.toFixed(5)}`;

interface ProposalRow { readonly id: string; readonly category: string; readonly lng: number; readonly lat: number; readonly fromWish: boolean; readonly status: string }

/** Scenario proposals, then sketch proposals this project does not hold (made on another screen of the workshop). */
export function reportProposals(s: AppState): ProposalRow[] {
  const sketch = new Map(s.sketch.features.filter((f) => f.properties.kind === 'proposal').map((f) => [f.id, f]));
  const rows: ProposalRow[] = activeFacilityProposals(s.doc).map((p) => ({
    id: p.id, category: p.category, lng: p.lng, lat: p.lat, fromWish: !!sketch.get(p.id)?.properties.source_id, status: sketch.get(p.id)?.properties.status ?? '',
  }));
  const have = new Set(rows.map((r) => r.id));
  for (const f of sketch.values()) {
    if (have.has(f.id) || f.geometry.type !== 'Point' || !f.properties.category) continue;
    const [lng, lat] = f.geometry.coordinates;
    rows.push({ id: f.id, category: f.properties.category, lng, lat, fromWish: !!f.properties.source_id, status: f.properties.status ?? '' });
  }
  return rows;
}

export function proposalTable(s: AppState, t: TFunction): ReportTable | null {
  const rows = reportProposals(s);
  if (!rows.length) return null;
  const lang = s.language;
  const e = s.sketch.effect;
  const gained = (id: string) => {
    if (!e || e.proposalId !== id || e.before?.children == null || e.after?.children == null) return '–';
    const closed = e.gaps ? e.gaps.levels.reduce((a, l) => a + l.closed, 0) : null;
    const kids = formatNumber(Math.round(e.after.children - e.before.children), lang);
    return closed === null ? kids : `${kids} · ${t('export.report.gapsClosed', { count: closed })}`;
  };
  return {
    heading: t('export.report.proposals', { count: rows.length }),
    columns: [
      { label: t('export.report.proposal'), share: 3 },
      { label: t('export.report.location'), share: 3 },
      { label: t('export.report.origin'), share: 3 },
      { label: t('export.report.status'), share: 1.6 },
      { label: t('export.report.gained'), share: 3.4, align: 'right' },
    ],
    rows: rows.map((r) => [
      categoryLabel(t, r.category), at(r.lng, r.lat), t(r.fromWish ? 'export.report.fromWish' : 'export.report.fromDesigner'),
      r.status ? t(`sketch.status.${r.status}`) : '', gained(r.id),
    ]),
  };
}


export function hotspotTable(s: AppState, t: TFunction): ReportTable | null {
  const r = s.safety.result;
  if (!r || (!r.crossingHotspots.length && !r.wayHotspots.length)) return null;
  const n = (x: number) => formatNumber(x, s.language, 1);
  const weight = (x: number) => t(r.weightsAreChildren ? 'safety.hotspots.count' : 'safety.hotspots.countHomes', { count: n(x) });
  const crossings = r.crossingHotspots.slice(0, REPORT_HOTSPOTS).map((c) => [
    t('export.report.crossing'), c.roads.map((road) => localRoadName(s, road, s.language)).join(' / ') || t('safety.hotspots.unnamed'), t('safety.hotspots.row', { plts: c.plts, control: t(`safety.control.${c.control}`) }), weight(c.weight),
  ]);
  const ways = r.wayHotspots.slice(0, REPORT_HOTSPOTS).map((w) => [
    t('export.report.street'), localWayName(s, w.way, s.language) || w.wayId, `PLTS ${w.plts}, ${t(`safety.basis.${w.basis}`)}`, weight(w.weight),
  ]);
  return {
    heading: t('export.report.hotspots'),
    columns: [
      { label: t('export.report.hotspotKind'), share: 1.6 },
      { label: t('export.report.hotspotName'), share: 5 },
      { label: t('export.report.stress'), share: 4 },
      { label: t('export.report.onRoutes'), share: 2.4, align: 'right' },
    ],
    rows: [...crossings, ...ways],
  };
}
