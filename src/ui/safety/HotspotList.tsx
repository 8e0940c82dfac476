/**
 * The ranked hotspots: crossings (crossed roads' names) and streets of PLTS ≥ 3 on the most children's safe
 * routes, each with the sketch's danger marks near it and drawn routes through it; a click zooms there.
 */
import { useTranslation } from 'react-i18next';
import type { HotspotChildren } from '../../core/safety';
import type { BBox } from '../../core/model';
import type { AppState } from '../../state';
import { childrenMarks } from '../../state/children-marks';
import { localRoadName, localWayName, streetIndex } from '../../state/street-names';
import { formatNumber } from '../format-number';
import { useAppState, useAppStore } from '../store-context';

const SHOWN = 10;

export function wayBox(s: AppState, way: number): BBox | null {
  const f = streetIndex(s).features[way];
  const g = f?.geometry;
  const pts = g?.type === 'LineString' ? g.coordinates : g?.type === 'MultiLineString' ? g.coordinates.flat() : [];
  if (!pts.length) return null;
  const xs = pts.map((p) => p[0]!);
  const ys = pts.map((p) => p[1]!);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

/** A way's name in the UI's language, as the map labels it. */
export const wayName = (s: AppState, way: number): string => localWayName(s, way, s.language);

/** "3 children marked danger here, 2 drew their way through"; nothing when no child's mark is near. */
function ChildCounts({ c }: { c: HotspotChildren | undefined }) {
  const { t } = useTranslation();
  if (!c || (c.danger === 0 && c.routes === 0)) return null;
  const parts = [c.danger > 0 ? t('safety.children.danger', { count: c.danger }) : '', c.routes > 0 ? t('safety.children.routes', { count: c.routes }) : ''];
  return (
    <span className="safety-hotspot-children" data-testid="hotspot-children" data-danger={c.danger} data-routes={c.routes}>
      {parts.filter(Boolean).join(t('safety.children.and'))}
    </span>
  );
}

export function HotspotList() {
  const { t, i18n } = useTranslation();
  const r = useAppState((s) => s.safety.result);
  const requestView = useAppState((s) => s.requestView);
  const requestBounds = useAppState((s) => s.requestBounds);
  const names = useAppState((s) => (r ? r.wayHotspots.slice(0, SHOWN).map((w) => wayName(s, w.way)).join('\u0000') : '')).split('\u0000');
  const kids = useAppState(childrenMarks);
  const lang = useAppState((s) => s.language);
  const store = useAppStore();
  if (!r) return null;
  const n = (x: number) => formatNumber(x, i18n.language, 1);
  const weight = (x: number) => t(r.weightsAreChildren ? 'safety.hotspots.count' : 'safety.hotspots.countHomes', { count: n(x) });
  if (r.crossingHotspots.length === 0 && r.wayHotspots.length === 0) return <p className="safety-none">{t('safety.hotspots.none')}</p>;
  return (
    <div className="safety-hotspots">
      <h3>{t('safety.hotspots.crossings')}</h3>
      <ol className="safety-hotspot-list" data-testid="hotspot-crossings">
        {r.crossingHotspots.slice(0, SHOWN).map((c, i) => {
          const name = c.roads.map((road) => localRoadName(store.getState(), road, lang)).join(' / ') || t('safety.hotspots.unnamed');
          return (
            <li key={c.node} data-weight={c.weight} data-routes={c.routes}>
              <button type="button" className="link" title={t('safety.hotspots.zoom', { name })}
                onClick={() => requestView({ lng: c.lng, lat: c.lat, zoom: 17 })}>{name}</button>
              <span className="safety-hotspot-facts">{t('safety.hotspots.row', { plts: c.plts, control: t(`safety.control.${c.control}`) })} · {weight(c.weight)} · {t('safety.hotspots.routes', { count: c.routes })}</span>
              <ChildCounts c={kids?.crossings[i]} />
            </li>
          );
        })}
      </ol>
      <h3>{t('safety.hotspots.ways')}</h3>
      <ol className="safety-hotspot-list" data-testid="hotspot-ways">
        {r.wayHotspots.slice(0, SHOWN).map((w, i) => {
          const name = names[i] || w.wayId;
          return (
            <li key={w.way} data-weight={w.weight}>
              <button type="button" className="link" title={t('safety.hotspots.zoom', { name })}
                onClick={() => { const b = wayBox(store.getState(), w.way); if (b) requestBounds(b); }}>{name}</button>
              <span className="safety-hotspot-facts">PLTS {w.plts}, {t(`safety.basis.${w.basis}`)} · {weight(w.weight)}</span>
              <ChildCounts c={kids?.ways[i]} />
            </li>
          );
        })}
      </ol>
    </div>
  );
}
