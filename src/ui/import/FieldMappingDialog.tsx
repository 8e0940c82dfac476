import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AGE_BANDS, AGE_BAND_FIELD, BUILTIN_CATEGORIES, LAYER_ROLES, type AgeBand, type LayerRole, type ProjectLayer } from '../../core/model';
import { fieldMappingActions, layerDisplayName, type LayerData } from '../../state';
import { useAppState } from '../store-context';
import { Modal } from './Modal';

const PREVIEW = 3;

/** A few values of an attribute, as text (never markup), for the preview column. */
function preview(data: LayerData, field: string | undefined): string {
  if (!field) return '';
  return data.data.features.slice(0, PREVIEW).map((f) => {
    const v = f.properties?.[field];
    return v === null || v === undefined ? '∅' : typeof v === 'object' ? JSON.stringify(v) : String(v);
  }).join(' · ');
}

function FieldSelect({ id, label, fields, value, onChange, placeholder, data }: {
  id: string; label: string; fields: readonly string[]; value: string; onChange: (v: string) => void; placeholder: string; data: LayerData;
}) {
  return (
    <tr>
      <th scope="row"><label htmlFor={id}>{label}</label></th>
      <td>
        <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">{placeholder}</option>
          {fields.map((f) => <option key={f} value={f}>{f}</option>)}
        </select>
      </td>
      <td className="preview" data-testid={`${id}-preview`}>{preview(data, value || undefined)}</td>
    </tr>
  );
}

function Form({ layer, data }: { layer: ProjectLayer; data: LayerData }) {
  const { t } = useTranslation();
  const lang = useAppState((s) => s.language);
  const commit = useAppState((s) => s.commit);
  const close = useAppState((s) => s.closeMapping);
  const applyFix = useAppState((s) => s.applyFix);
  const fixing = useAppState((s) => s.fixing.includes(layer.id));
  const m = layer.fieldMapping;
  const [role, setRole] = useState<LayerRole>(layer.role);
  const [name, setName] = useState(m?.name ?? '');
  const [catField, setCatField] = useState(m?.category ?? '');
  const [category, setCategory] = useState(layer.category ?? '');
  const [children, setChildren] = useState<Partial<Record<AgeBand, string>>>(m?.children ?? {});
  const fields = data.fieldNames;
  const id = (what: string) => `fm-${what}`;
  const save = () => {
    commit(fieldMappingActions.setLayerMapping, {
      id: layer.id, role, category: category || undefined,
      fieldMapping: { name: name || undefined, category: role === 'facilities' ? catField || undefined : undefined, children: role === 'homes' ? children : undefined },
    });
    close();
  };
  return (
    <Modal title={t('import.mapping.title', { name: layerDisplayName(layer, data, lang) })} onClose={close} className="field-mapping">
      <p className="hint">{t('import.mapping.intro', { file: data.fileName, count: data.featureCount })}</p>
      <table className="mapping-table">
        <thead><tr><th scope="col">{t('import.mapping.part')}</th><th scope="col">{t('import.mapping.attribute')}</th><th scope="col">{t('import.mapping.preview')}</th></tr></thead>
        <tbody>
          <tr>
            <th scope="row"><label htmlFor={id('role')}>{t('layers.role')}</label></th>
            <td>
              <select id={id('role')} value={role} onChange={(e) => setRole(e.target.value as LayerRole)}>
                {LAYER_ROLES.map((r) => <option key={r} value={r}>{t(`role.${r}`)}{r === data.roleGuess ? ` (${t('import.mapping.guess')})` : ''}</option>)}
              </select>
            </td>
            <td />
          </tr>
          <FieldSelect id={id('name')} label={t('import.mapping.name')} fields={fields} value={name} onChange={setName} placeholder={t('import.mapping.default', { field: 'name' })} data={data} />
          {role === 'facilities' && (
            <>
              <FieldSelect id={id('category-field')} label={t('import.mapping.categoryField')} fields={fields} value={catField} onChange={setCatField} placeholder={t('import.mapping.default', { field: 'category' })} data={data} />
              <tr>
                <th scope="row"><label htmlFor={id('category')}>{t('import.mapping.single')}</label></th>
                <td>
                  <select id={id('category')} value={category} onChange={(e) => setCategory(e.target.value)}>
                    <option value="">{t('layers.categoryFromData')}</option>
                    {BUILTIN_CATEGORIES.map((c) => <option key={c.id} value={c.id}>{t(c.labelKey)}</option>)}
                  </select>
                </td>
                <td />
              </tr>
            </>
          )}
          {role === 'homes' && AGE_BANDS.map((b) => (
            <FieldSelect key={b} id={id(`children-${b}`)} label={t('import.mapping.children', { band: b })} fields={fields} value={children[b] ?? ''}
              onChange={(v) => setChildren({ ...children, [b]: v })} placeholder={t('import.mapping.default', { field: AGE_BAND_FIELD[b] })} data={data} />
          ))}
        </tbody>
      </table>
      {role === 'homes' && (
        <p>
          <button type="button" disabled={fixing} onClick={() => void applyFix(layer.id, 'estimate-children')}>{t('import.mapping.estimate')}</button>
          <span className="hint"> {t('import.mapping.estimateHint')}</span>
        </p>
      )}
      <div className="dialog-buttons">
        <button type="button" className="primary" onClick={save}>{t('import.mapping.save')}</button>
        <button type="button" onClick={close}>{t('import.cancel')}</button>
      </div>
    </Modal>
  );
}

/** The field-mapping step for the first layer in the queue (after a load, or from a layer's button). */
export function FieldMappingDialog() {
  const layerId = useAppState((s) => s.mappingQueue[0]);
  const layer = useAppState((s) => s.doc.layers.find((l) => l.id === layerId));
  const data = useAppState((s) => (layerId ? s.layerData[layerId] : undefined));
  const close = useAppState((s) => s.closeMapping);
  if (!layerId) return null;
  if (!layer || !data) {
    queueMicrotask(close);
    return null;
  }
  return <Form key={layerId} layer={layer} data={data} />;
}
