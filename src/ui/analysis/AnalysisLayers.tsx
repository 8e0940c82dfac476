import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { UNIT_LEVELS, type ProjectLayer } from '../../core/model';
import { analysisPlan, layerDisplayName } from '../../state';
import { useAppState } from '../store-context';

/**
 * The layers the next run will use, by role (the same plan the run sends), each demo layer marked; when
 * demo and real layers would mix, the refusal and the explicit override.
 */
export function AnalysisLayers() {
  const { t } = useTranslation();
  const plan = useAppState(analysisPlan);
  const data = useAppState((s) => s.layerData);
  const lang = useAppState((s) => s.language);
  const allow = useAppState((s) => s.analysis.allowDemoMix);
  const setAllow = useAppState((s) => s.setAllowDemoMix);
  const name = (l: ProjectLayer) => (
    <span key={l.id} className="plan-layer" data-layer-id={l.id}>
      {layerDisplayName(l, data[l.id], lang)}
      {l.source.kind === 'demo' && <span className="plan-demo">{t('project.plan.demo')}</span>}
    </span>
  );
  const none = <span className="plan-none">{t('project.plan.none')}</span>;
  const rows: [string, string, ReactNode][] = [
    ['streets', t('project.plan.streets'), plan.streets.length ? plan.streets.map(name) : none],
    ['homes', t('project.plan.homes'), plan.homes ? name(plan.homes) : none],
    ['facilities', t('project.plan.facilities'), plan.facilities.length ? plan.facilities.map(({ layer, categories }) => (
      <span key={layer.id} className="plan-facility">
        {name(layer)}
        <span className="plan-categories">
          {categories.length ? categories.map((c) => t(`category.${c}`, { defaultValue: c })).join(', ') : t('project.plan.categoriesNone')}
        </span>
      </span>
    )) : none],
    ...UNIT_LEVELS.flatMap((u): [string, string, ReactNode][] => {
      const l = plan.units[u];
      return l ? [[u, t('project.plan.units', { level: t(`role.${u}`) }), name(l)]] : [];
    }),
  ];
  return (
    <section className="analysis-plan" aria-labelledby="analysis-plan-title" data-testid="analysis-plan">
      <h3 id="analysis-plan-title">{t('project.plan.title')}</h3>
      <dl>
        {rows.map(([key, label, value]) => (
          <div key={key} className="plan-row" data-role={key}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {plan.mixesDemo && (
        <div className="plan-mix" role="note" data-testid="demo-mix">
          <p>{t('project.plan.mix')}</p>
          <label><input type="checkbox" checked={allow} onChange={(e) => setAllow(e.target.checked)} /> {t('project.plan.mixOverride')}</label>
        </div>
      )}
    </section>
  );
}
