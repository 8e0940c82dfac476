/**
 * "Data" in the export dialog (issue 10, item 4): the formats (all four by default), then every loaded layer
 * and every result that exists (src/export/data-layers.ts) written in the io worker as one zip with
 * manifest.json, as a job (progress, Cancel, coded errors) like a file load.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EXPORT_CANCELLED, download } from '../../export/run-export';
import { dataExportLayers } from '../../export/data-layers';
import { useAppState, useAppStore } from '../store-context';

const FORMATS = ['geojson', 'fgb', 'csv', 'gpkg'] as const;
type Format = (typeof FORMATS)[number];
const LABEL: Record<Format, string> = { geojson: 'GeoJSON', fgb: 'FlatGeobuf', csv: 'CSV', gpkg: 'GeoPackage' };

export function DataExport({ date, onClose }: { date: string; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const store = useAppStore();
  const [formats, setFormats] = useState<readonly Format[]>(FORMATS);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const job = useAppState((s) => Object.values(s.jobs).find((j) => j.kind === 'export') ?? null);
  const [starting, setStarting] = useState(false);
  const busy = starting || job !== null;

  async function start() {
    setError(null);
    setDone(null);
    setStarting(true);
    const s = store.getState();
    const { layers, rules } = dataExportLayers(s);
    const r = await s.exportData({ layers, formats: FORMATS.filter((f) => formats.includes(f)), date, rules, gpkgName: 'cfc-planner' });
    setStarting(false);
    if (r.ok) {
      const fileName = `cfc-planner_data_${date}.zip`;
      download(r.value.bytes, fileName, 'application/zip');
      setDone(t('export.data.done', { file: fileName, files: new Set(r.value.manifest.files.map((f) => f.name)).size, layers: layers.length, size: (r.value.bytes.length / 1e6).toFixed(2) }));
    } else if (r.error.code !== 'cancelled' && r.error.code !== EXPORT_CANCELLED) {
      const key = r.error.code.startsWith('export.') ? r.error.code : `error.${r.error.code}`;
      setError(i18n.exists(key) ? t(key, r.error.params) : t('export.failed', { detail: r.error.params?.detail ?? r.error.code }));
    }
  }

  const toggle = (f: Format, on: boolean) => setFormats((p) => (on ? [...p, f] : p.filter((x) => x !== f)));
  return (
    <form className="export-form" onSubmit={(e) => { e.preventDefault(); void start(); }} data-testid="export-data">
      <fieldset disabled={busy}>
        <legend>{t('export.data.formats')}</legend>
        {FORMATS.map((f) => (
          <label key={f} className="check">
            <input type="checkbox" checked={formats.includes(f)} onChange={(e) => toggle(f, e.target.checked)} data-testid={`export-data-${f}`} />
            {LABEL[f]}
          </label>
        ))}
        <p className="hint">{t('export.data.what')}</p>
      </fieldset>
      {job && (
        <p role="status" data-testid="export-progress">
          <progress max={1} value={job.fraction ?? 0} /> {t('export.data.progress', { percent: Math.round((job.fraction ?? 0) * 100) })}
        </p>
      )}
      {error && <p role="alert" className="error" data-testid="export-error">{error}</p>}
      {done && <p role="status" data-testid="export-done">{done}</p>}
      <div className="dialog-buttons">
        {busy
          ? <button key="cancel" type="button" disabled={!job} onClick={() => job && store.getState().cancelJob(job.id)} data-testid="export-cancel">{t('export.cancel')}</button>
          : <button key="start" type="submit" className="primary" disabled={formats.length === 0} data-testid="export-start">{t('export.start')}</button>}
        <button type="button" disabled={busy} onClick={onClose}>{t('export.close')}</button>
      </div>
    </form>
  );
}
