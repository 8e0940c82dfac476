import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { BUILTIN_CATEGORIES, LAYER_ROLES, type LayerRole, type ProjectLayer } from '../../core/model';
import { fromHex, hex, type Rgb } from '../../map/colors';
import { legendFor } from '../../map/legend';
import { layerActions as A, layerDisplayName, type LayerData } from '../../state';
import { useAppState } from '../store-context';
import { formatWarning } from '../format-error';
import { Legend } from './Legend';
import { LayerImportButtons } from '../import/LayerImportButtons';

/** Streets are coloured by highway class and homes by child count: a layer colour would do nothing there. */
const usesLayerColor = (role: LayerRole) => !['streets', 'homes', 'population'].includes(role);

interface Props {
  readonly layer: ProjectLayer;
  readonly data: LayerData | undefined;
  readonly isTop: boolean;
  readonly isBottom: boolean;
}

/**
 * One row of the layer panel: every control is a labelled native element, so it works by keyboard.
 * Memoised: removing, adding or changing one layer re-renders that row (and the new top or bottom), not all
 * of them; each row translates its ~20 role and category options (issue 12: ~1 ms a row on the click).
 */
export const LayerItem = memo(function LayerItem({ layer, data, isTop, isBottom }: Props) {
  const { t, i18n } = useTranslation();
  const lang = useAppState((s) => s.language);
  const commit = useAppState((s) => s.commit);
  const zoomToLayer = useAppState((s) => s.zoomToLayer);
  const name = layerDisplayName(layer, data, lang);
  const legend = useMemo(() => legendFor(layer, data), [layer, data]);
  const id = layer.id;
  const field = (what: string) => `${id}-${what}`;

  return (
    <li className={layer.visible ? 'layer' : 'layer hidden'} data-layer-id={id} aria-label={name}>
      <div className="layer-head">
        <input id={field('visible')} type="checkbox" checked={layer.visible}
          onChange={(e) => commit(A.setLayerVisible, { id, visible: e.target.checked })}
          aria-label={t('layers.visible', { name })} />
        <label htmlFor={field('visible')} className="layer-name">{name}</label>
        <span className="layer-count" title={data?.extractBbox ? t('layers.extractTitle', { box: data.extractBbox.map((v) => v.toFixed(4)).join(', ') }) : undefined}>
          {t(data?.extractBbox ? 'layers.featuresView' : 'layers.features', { count: data?.featureCount ?? 0 })}
        </span>
      </div>
      <div className="layer-row">
        <label htmlFor={field('role')}>{t('layers.role')}</label>
        <select id={field('role')} value={layer.role}
          onChange={(e) => commit(A.setLayerRole, { id, role: e.target.value as LayerRole })}>
          {LAYER_ROLES.map((r) => <option key={r} value={r}>{t(`role.${r}`)}</option>)}
        </select>
        {data && data.roleGuess !== layer.role && (
          <span className="hint">{t('layers.guessed', { role: t(`role.${data.roleGuess}`) })}</span>
        )}
      </div>
      {layer.role === 'facilities' && (
        <div className="layer-row">
          <label htmlFor={field('category')}>{t('layers.category')}</label>
          <select id={field('category')} value={layer.category ?? ''}
            onChange={(e) => commit(A.setLayerCategory, { id, category: e.target.value || undefined })}>
            <option value="">{t('layers.categoryFromData')}</option>
            {BUILTIN_CATEGORIES.map((c) => <option key={c.id} value={c.id}>{t(c.labelKey)}</option>)}
          </select>
        </div>
      )}
      <div className="layer-row">
        <label htmlFor={field('opacity')}>{t('layers.opacity')}</label>
        <input id={field('opacity')} type="range" min={0} max={1} step={0.05} value={layer.opacity}
          onChange={(e) => commit(A.setLayerOpacity, { id, opacity: Number(e.target.value) }, 'merge', `opacity:${id}`)} />
        {usesLayerColor(layer.role) && (
          <>
            <label htmlFor={field('color')}>{t('layers.color')}</label>
            <input id={field('color')} type="color" value={hex((layer.color ?? [90, 90, 90]) as Rgb)}
              onChange={(e) => {
                const color = fromHex(e.target.value);
                if (color) commit(A.setLayerColor, { id, color }, 'merge', `color:${id}`);
              }} />
          </>
        )}
      </div>
      <div className="layer-actions">
        <button type="button" disabled={isTop} onClick={() => commit(A.moveLayer, { id, delta: 1 })}
          aria-label={t('layers.up', { name })} title={t('layers.up', { name })}>↑</button>
        <button type="button" disabled={isBottom} onClick={() => commit(A.moveLayer, { id, delta: -1 })}
          aria-label={t('layers.down', { name })} title={t('layers.down', { name })}>↓</button>
        <button type="button" disabled={!data?.bbox} onClick={() => zoomToLayer(id)}>{t('layers.zoom')}</button>
        <button type="button" onClick={() => commit(A.removeLayer, { id })} aria-label={t('layers.remove', { name })}>
          {t('layers.removeShort')}
        </button>
      </div>
      <LayerImportButtons layerId={id} name={name} data={data} />
      <Legend entries={legend} label={t('layers.legend', { name })} />
      {data && data.warnings.length > 0 && (
        <ul className="warnings" aria-label={t('layers.warnings', { name })}>
          {data.warnings.map((w) => <li key={w.code}>{formatWarning(t, i18n, w, data.fileName)}</li>)}
        </ul>
      )}
    </li>
  );
});
