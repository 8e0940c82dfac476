import { useTranslation } from 'react-i18next';
import { personalFieldsToDrop } from '../../core/io/personal-fields';
import { dropPersonalFields, keepPersonalFields } from '../../state/personal-fields';
import { useAppState, useAppStore } from '../store-context';

/**
 * In a layer's validation report: personal fields of a layer about children, withheld at load (Keep them
 * for this session) or present now (Drop them). Either way they are never saved in a project.
 */
export function PersonalFieldsChoice({ layerId }: { readonly layerId: string }) {
  const { t } = useTranslation();
  const store = useAppStore();
  const role = useAppState((s) => s.doc.layers.find((l) => l.id === layerId)?.role);
  const data = useAppState((s) => s.layerData[layerId]);
  if (!data || !role) return null;
  const present = personalFieldsToDrop(role, data.fieldNames);
  const withheld = data.withheld && !data.withheld.kept ? data.withheld.fields : [];
  if (present.length === 0 && withheld.length === 0) return null;
  return (
    <div className="personal-fields" role="group" aria-label={t('personal.title')}>
      {withheld.length > 0 ? (
        <p>
          {t('personal.withheld', { fields: withheld.join(', ') })}{' '}
          <button type="button" onClick={() => keepPersonalFields(store, layerId)}>{t('personal.keep')}</button>
        </p>
      ) : (
        <p>
          {t('personal.present', { fields: present.join(', ') })}{' '}
          <button type="button" onClick={() => dropPersonalFields(store, layerId)}>{t('personal.drop')}</button>
        </p>
      )}
    </div>
  );
}
