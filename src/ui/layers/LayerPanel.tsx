import { useTranslation } from 'react-i18next';
import { useAppState } from '../store-context';
import { LayerItem } from './LayerItem';

/** Layers top first (the reverse of draw order), as the map stacks them. */
export function LayerPanel() {
  const { t } = useTranslation();
  const layers = useAppState((s) => s.doc.layers);
  const data = useAppState((s) => s.layerData);
  const top = [...layers].reverse();
  return (
    <section className="panel layer-panel" aria-labelledby="layers-title">
      <h2 id="layers-title">{t('layers.title')}</h2>
      {top.length === 0 ? (
        <p className="empty">{t('layers.empty')}</p>
      ) : (
        <ul className="layer-list">
          {top.map((l, i) => (
            <LayerItem key={l.id} layer={l} data={data[l.id]} isTop={i === 0} isBottom={i === top.length - 1} />
          ))}
        </ul>
      )}
    </section>
  );
}
