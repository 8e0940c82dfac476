import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { layerDisplayName, selectedFeature } from '../state';
import { HomeExplain } from './analysis/HomeExplain';
import { useAppState } from './store-context';
import { EstimateNote } from './import/EstimateBadge';

/** Attribute text is data, never markup: every value is rendered as a React text node. */
const asText = (v: unknown): string => (v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));

export function FeatureInspector() {
  const { t } = useTranslation();
  // selectedFeature builds a new object each call; compare its parts, not the object.
  const picked = useAppState(useShallow((s): Partial<NonNullable<ReturnType<typeof selectedFeature>>> => selectedFeature(s) ?? {}));
  const lang = useAppState((s) => s.language);
  const data = useAppState((s) => (picked.layer ? s.layerData[picked.layer.id] : undefined));
  const select = useAppState((s) => s.select);
  if (!picked.layer || !picked.feature) return null;
  const entries = Object.entries(picked.feature.properties ?? {}).filter(([, v]) => v !== null && v !== undefined);
  return (
    <section className="panel inspector" aria-labelledby="inspector-title" onKeyDown={(e) => e.key === 'Escape' && select(null)}>
      <header>
        <h2 id="inspector-title">{t('inspector.title')}</h2>
        <button type="button" onClick={() => select(null)} aria-label={t('inspector.close')}>×</button>
      </header>
      <p className="inspector-layer">{layerDisplayName(picked.layer, data, lang)} · #{picked.index}</p>
      <EstimateNote feature={picked.feature} />
      <HomeExplain layerId={picked.layer.id} featureIndex={picked.index ?? -1} />
      {entries.length === 0 ? (
        <p>{t('inspector.noAttributes')}</p>
      ) : (
        <table>
          <thead>
            <tr><th scope="col">{t('inspector.attribute')}</th><th scope="col">{t('inspector.value')}</th></tr>
          </thead>
          <tbody>
            {entries.map(([k, v]) => (
              <tr key={k}><th scope="row">{k}</th><td>{asText(v)}</td></tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
