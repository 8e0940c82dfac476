import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ESTIMATE_PRESETS } from '../../core/io/osm/estimate-children';
import { AGE_BANDS, UNIT_LEVELS, type UnitLevel } from '../../core/model';
import { ADMIN_LEVEL_PRESETS } from '../../core/io/osm/admin-levels';
import type { OsmUiOptions } from '../../state';
import { useAppState } from '../store-context';
import { CategoryMappingEditor } from './CategoryMappingEditor';
import { Modal } from './Modal';

const LEVELS = ['2', '3', '4', '5', '6', '7', '8', '9', '10', '11'];
type Estimate = OsmUiOptions['estimate'];
const NUMBERS = ['defaultLevels', 'floorAreaPerPersonM2', 'pointFootprintM2'] as const;
const PRESETS = ['auto', ...Object.keys(ESTIMATE_PRESETS), 'custom'] as const;
/** Numbers a preset sets: editing one of them switches to the user's own numbers. */
const PRESET_NUMBERS: readonly string[] = ['defaultLevels', 'floorAreaPerPersonM2'];

/** The options step before an OpenStreetMap import: admin levels, child estimate, the category tag mapping. */
export function OsmOptionsDialog() {
  const { t } = useTranslation();
  const files = useAppState((s) => s.pendingOsm);
  const saved = useAppState((s) => s.osmOptions);
  const setOptions = useAppState((s) => s.setOsmOptions);
  const confirm = useAppState((s) => s.confirmOsm);
  const cancel = useAppState((s) => s.cancelOsm);
  const [o, setO] = useState(saved);
  const [mappingOk, setMappingOk] = useState(true);
  if (!files?.length) return null;
  const mapping = o.adminLevels === 'auto' ? null : o.adminLevels;
  const setLevel = (level: string, unit: UnitLevel | '') => {
    const next = { ...(mapping ?? {}) } as Record<string, UnitLevel>;
    if (unit) next[level] = unit;
    else delete next[level];
    setO({ ...o, adminLevels: next });
  };
  const setEstimate = (patch: Partial<Estimate>) => setO({ ...o, estimate: { ...o.estimate, ...patch } });
  const num = (v: string, fallback: number) => (Number.isFinite(Number(v)) && Number(v) > 0 ? Number(v) : fallback);

  return (
    <Modal title={t('import.osm.title')} onClose={cancel} className="osm-options">
      <p className="files">{files.map((f) => f.fileName).join(', ')}</p>
      <fieldset>
        <legend>{t('import.osm.adminLevels')}</legend>
        <label><input type="radio" name="osm-admin" checked={!mapping} onChange={() => setO({ ...o, adminLevels: 'auto' })} /> {t('import.osm.auto')}</label>
        <label><input type="radio" name="osm-admin" checked={!!mapping} onChange={() => setO({ ...o, adminLevels: mapping ?? {} })} /> {t('import.osm.custom')}</label>
        {Object.keys(ADMIN_LEVEL_PRESETS).map((p) => (
          <button key={p} type="button" onClick={() => setO({ ...o, adminLevels: ADMIN_LEVEL_PRESETS[p]! })}>{t('import.osm.preset', { preset: p })}</button>
        ))}
        {mapping && (
          <table className="admin-levels">
            <thead><tr><th scope="col">admin_level</th><th scope="col">{t('import.osm.unitLevel')}</th></tr></thead>
            <tbody>
              {LEVELS.map((lv) => (
                <tr key={lv}>
                  <th scope="row"><label htmlFor={`osm-level-${lv}`}>{lv}</label></th>
                  <td>
                    <select id={`osm-level-${lv}`} value={mapping[lv] ?? ''} onChange={(e) => setLevel(lv, e.target.value as UnitLevel | '')}>
                      <option value="">{t('import.osm.unused')}</option>
                      {UNIT_LEVELS.map((u) => <option key={u} value={u}>{t(`role.${u}`)}</option>)}
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </fieldset>
      <fieldset>
        <legend>{t('import.osm.children')}</legend>
        <label><input type="checkbox" checked={o.estimateChildren} onChange={(e) => setO({ ...o, estimateChildren: e.target.checked })} /> {t('import.osm.estimateOn')}</label>
        <p className="hint">{t('import.osm.estimateHint')}</p>
        {o.estimateChildren && (
          <div className="estimate-params">
            <label>{t('import.osm.population')}
              <input type="number" name="known-population" min={0} step={1} value={o.estimate.knownPopulation ?? ''}
                onChange={(e) => setEstimate({ knownPopulation: Number(e.target.value) > 0 ? Math.round(Number(e.target.value)) : undefined })} />
            </label>
            <p className="hint">{t('import.osm.populationHint')}</p>
            <label>{t('import.osm.presetLabel')}
              <select name="estimate-preset" value={o.estimate.preset ?? 'custom'}
                onChange={(e) => setEstimate(e.target.value === 'custom' ? { preset: undefined } : { preset: e.target.value as 'auto' | 'CN' | 'DE' })}>
                {PRESETS.map((p) => <option key={p} value={p}>{t(`import.osm.preset_${p}`)}</option>)}
              </select>
            </label>
            {NUMBERS.filter((k) => !o.estimate.preset || !PRESET_NUMBERS.includes(k)).map((k) => (
              <label key={k}>{t(`import.osm.param.${k}`)}
                <input type="number" min={0} step="any" value={o.estimate[k]} onChange={(e) => setEstimate({ [k]: num(e.target.value, o.estimate[k]) })} />
              </label>
            ))}
            {AGE_BANDS.map((b) => (
              <label key={b}>{t('import.osm.param.share', { band: b })}
                <input type="number" min={0} max={100} step="any" value={Math.round(o.estimate.childShare[b] * 10000) / 100}
                  onChange={(e) => setEstimate({ childShare: { ...o.estimate.childShare, [b]: num(e.target.value, o.estimate.childShare[b] * 100) / 100 } })} />
              </label>
            ))}
          </div>
        )}
      </fieldset>
      <details>
        <summary>{t('import.osm.categories')}</summary>
        <CategoryMappingEditor value={o.categoryMapping} onChange={(m) => {
          setMappingOk(m !== null);
          if (m) setO({ ...o, categoryMapping: m });
        }} />
        <p className="hint school-rule">{t('import.osm.schoolRule')}</p>
      </details>
      <div className="dialog-buttons">
        <button type="button" className="primary" disabled={!mappingOk} onClick={() => {
          setOptions(o);
          void confirm();
        }}>{t('import.osm.import')}</button>
        <button type="button" onClick={cancel}>{t('import.cancel')}</button>
      </div>
    </Modal>
  );
}
