/**
 * What the children's sketch adds to the safe routes: how many danger marks and drawn routes were counted,
 * and the danger marks the tag-based rating calls safe (PLTS 1–2), grouped by the crossing or street they
 * sit on, most marks first; a click zooms there so the planner can check it.
 */
import { useTranslation } from 'react-i18next';
import { NEAR_CROSSING_M, NEAR_WAY_M } from '../../core/safety';
import { childrenMarks } from '../../state/children-marks';
import { formatNumber } from '../format-number';
import { useAppState } from '../store-context';
import { wayName } from './HotspotList';

const SHOWN = 10;

export function ChildrenDisagree() {
  const { t, i18n } = useTranslation();
  const kids = useAppState(childrenMarks);
  const requestView = useAppState((s) => s.requestView);
  const names = useAppState((s) => (childrenMarks(s)?.disagreements ?? []).slice(0, SHOWN).map((d) => (d.way >= 0 ? wayName(s, d.way) : '')).join('\u0000')).split('\u0000');
  if (!kids) return null;
  const n = (x: number) => formatNumber(x, i18n.language);
  return (
    <div className="safety-children">
      <p className="safety-note" data-testid="children-summary">
        {t('safety.children.summary', { danger: n(kids.dangerMarks), routes: n(kids.routeMarks), crossingM: NEAR_CROSSING_M, wayM: NEAR_WAY_M })}
      </p>
      <h3>{t('safety.children.title')}</h3>
      <p className="safety-note">{t('safety.children.intro')}</p>
      {kids.disagreements.length === 0 && <p className="safety-none">{t('safety.children.none')}</p>}
      <ol className="safety-hotspot-list" data-testid="children-disagree">
        {kids.disagreements.slice(0, SHOWN).map((d, i) => {
          const road = names[i] || t('safety.hotspots.unnamed');
          const name = d.target === 'crossing' ? t('safety.children.crossing', { name: road }) : t('safety.children.way', { name: road });
          const basis = d.target === 'crossing' ? t(`safety.control.${d.basis}`) : t(`safety.basis.${d.basis}`);
          return (
            <li key={`${d.target}:${d.target === 'crossing' ? d.crossing : d.way}`} data-target={d.target} data-plts={d.plts} data-marks={d.marks.length}>
              <button type="button" className="link" title={t('safety.hotspots.zoom', { name })}
                onClick={() => requestView({ lng: d.lng, lat: d.lat, zoom: 17 })}>{name}</button>
              <span className="safety-hotspot-facts">{t('safety.children.row', { plts: d.plts, basis })} · {t('safety.children.marks', { count: d.marks.length })}</span>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
