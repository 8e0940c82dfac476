/**
 * The export dialog: what to export (map page, gap report, atlas), paper, orientation, resolution, title,
 * subtitle, date, format, the atlas's level and filter; a live drawing of the page; progress and cancel;
 * errors in words. The work is src/export's.
 */
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import fontFiles from 'virtual:font-faces';
import { UNIT_LEVELS } from '../../core/model';
import { PRINT_DPIS, type Orientation, type PaperSize, type PrintDpi } from '../../core/print';
import { fetchFace } from '../../export/browser-faces';
import type { ExportKind, ExportOptions } from '../../export/options';
import { download, EXPORT_CANCELLED, runExport } from '../../export/run-export';
import { Modal } from '../import/Modal';
import { useAppState, useAppStore } from '../store-context';
import { DataExport } from './DataExport';
import { PagePreview } from './PagePreview';

const today = () => new Date().toISOString().slice(0, 10);

export function ExportDialog({ onClose }: { onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const store = useAppStore();
  const demo = useAppState((s) => s.demo);
  const lang = useAppState((s) => s.language);
  const docLayers = useAppState((s) => s.doc.layers);
  const layerData = useAppState((s) => s.layerData);
  const levels = useMemo(() => UNIT_LEVELS.filter((l) => docLayers.some((x) => x.role === l && layerData[x.id])), [docLayers, layerData]);
  const [o, setO] = useState<ExportOptions>(() => ({
    kind: 'map',
    format: 'pdf',
    paper: 'A4',
    orientation: 'portrait',
    dpi: 150,
    title: demo?.name[lang] ?? t('export.defaultTitle'),
    subtitle: '',
    date: today(),
    atlas: { level: levels.includes('street') ? 'street' : (levels[0] ?? 'community'), filter: '', sortBy: 'code', zip: false },
  }));
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [cancelled, setCancelled] = useState(false);
  const abort = useRef<AbortController | null>(null);
  const set = (patch: Partial<ExportOptions>) => setO((p) => ({ ...p, ...patch }));
  const setAtlas = (patch: Partial<ExportOptions['atlas']>) => setO((p) => ({ ...p, atlas: { ...p.atlas, ...patch } }));

  async function start() {
    setError(null);
    setDone(null);
    setCancelled(false);
    const ctrl = new AbortController();
    abort.current = ctrl;
    setProgress({ done: 0, total: 1 });
    const r = await runExport(store.getState(), o, { t, fontFiles, baseUrl: document.baseURI, loadFace: fetchFace, signal: ctrl.signal, onProgress: (d, n) => setProgress({ done: d, total: n }) });
    abort.current = null;
    setProgress(null);
    if (r.ok) {
      download(r.bytes, r.fileName, r.mime);
      setDone(t('export.done', { file: r.fileName, pages: r.pages, size: (r.bytes.length / 1e6).toFixed(2) }));
    } else if (r.code === EXPORT_CANCELLED) {
      setCancelled(true);
    } else {
      setError(i18n.exists(r.code) ? t(r.code, r.params) : t('export.failed', { detail: r.params?.detail ?? r.code }));
    }
  }

  const busy = progress !== null;
  const kindField = (
    <label>{t('export.kind')}
      <select value={o.kind} disabled={busy} onChange={(e) => set({ kind: e.target.value as ExportKind })} data-testid="export-kind">
        {(['map', 'report', 'atlas', 'data'] as const).map((k) => <option key={k} value={k}>{t(`export.kinds.${k}`)}</option>)}
      </select>
    </label>
  );
  return (
    <Modal title={t(o.kind === 'data' ? 'export.dataTitle' : 'export.title')} onClose={() => (busy ? abort.current?.abort() : onClose())} className="export-dialog">
      <div className="export-body">
        {o.kind === 'data' ? (
          <div className="export-form">
            {kindField}
            <label>{t('export.date')}
              <input type="date" value={o.date} onChange={(e) => set({ date: e.target.value })} data-testid="export-data-date" />
            </label>
            <DataExport date={o.date} onClose={onClose} />
          </div>
        ) : (
        <form className="export-form" onSubmit={(e) => { e.preventDefault(); void start(); }}>
          <fieldset disabled={busy}>
            {kindField}
            <label>{t('export.paper')}
              <select value={o.paper} onChange={(e) => set({ paper: e.target.value as PaperSize })} data-testid="export-paper">
                {(['A4', 'A3'] as const).map((p) => <option key={p} value={p}>{p}</option>)}
              </select>
            </label>
            <label>{t('export.orientation')}
              <select value={o.orientation} onChange={(e) => set({ orientation: e.target.value as Orientation })} data-testid="export-orientation">
                {(['portrait', 'landscape'] as const).map((p) => <option key={p} value={p}>{t(`export.orientations.${p}`)}</option>)}
              </select>
            </label>
            <label>{t('export.dpi')}
              <select value={o.dpi} onChange={(e) => set({ dpi: Number(e.target.value) as PrintDpi })} data-testid="export-dpi">
                {PRINT_DPIS.map((d) => <option key={d} value={d}>{d}</option>)}
              </select>
            </label>
            <label>{t('export.format')}
              <select value={o.format} onChange={(e) => set({ format: e.target.value as 'pdf' | 'png' })} data-testid="export-format">
                <option value="pdf">PDF</option>
                <option value="png">PNG</option>
              </select>
            </label>
            <label>{t('export.titleField')}
              <input value={o.title} maxLength={120} onChange={(e) => set({ title: e.target.value })} data-testid="export-title" />
            </label>
            <label>{t('export.subtitle')}
              <input value={o.subtitle} maxLength={160} onChange={(e) => set({ subtitle: e.target.value })} data-testid="export-subtitle" />
            </label>
            <label>{t('export.date')}
              <input type="date" value={o.date} onChange={(e) => set({ date: e.target.value })} data-testid="export-date" />
            </label>
            {o.kind === 'atlas' && (
              <>
                <label>{t('export.level')}
                  <select value={o.atlas.level} onChange={(e) => setAtlas({ level: e.target.value as ExportOptions['atlas']['level'] })} data-testid="export-level">
                    {levels.map((l) => <option key={l} value={l}>{t(`role.${l}`)}</option>)}
                  </select>
                </label>
                <label>{t('export.filter')}
                  <input value={o.atlas.filter} onChange={(e) => setAtlas({ filter: e.target.value })} data-testid="export-filter" />
                </label>
                <label>{t('export.sortBy')}
                  <select value={o.atlas.sortBy} onChange={(e) => setAtlas({ sortBy: e.target.value as 'code' | 'name' })} data-testid="export-sort">
                    <option value="code">{t('export.sort.code')}</option>
                    <option value="name">{t('export.sort.name')}</option>
                  </select>
                </label>
                <label className="check">
                  <input type="checkbox" checked={o.atlas.zip} onChange={(e) => setAtlas({ zip: e.target.checked })} data-testid="export-zip" />
                  {t('export.zip')}
                </label>
              </>
            )}
          </fieldset>
          {progress && (
            <p role="status" data-testid="export-progress">
              <progress max={progress.total} value={progress.done} /> {t('export.progress', { done: progress.done, total: progress.total })}
            </p>
          )}
          {error && <p role="alert" className="error" data-testid="export-error">{error}</p>}
          {done && <p role="status" data-testid="export-done">{done}</p>}
          {cancelled && <p role="status" data-testid="export-cancelled">{t('export.cancelled')}</p>}
          <div className="dialog-buttons">
            {/* Two elements (keys), not one whose type flips: Cancel ends the export within its own click, and a
                button that had become type=submit by then would submit the form and start the export again. */}
            {busy
              ? <button key="cancel" type="button" onClick={() => abort.current?.abort()} data-testid="export-cancel">{t('export.cancel')}</button>
              : <button key="start" type="submit" className="primary" data-testid="export-start">{t('export.start')}</button>}
            <button type="button" disabled={busy} onClick={onClose}>{t('export.close')}</button>
          </div>
        </form>
        )}
        {o.kind !== 'data' && <PagePreview spec={{ paper: o.paper, orientation: o.orientation, dpi: o.dpi }} kind={o.kind === 'atlas' ? 'atlas' : 'map'} title={o.title} label={t('export.preview')} />}
      </div>
    </Modal>
  );
}

export function ExportButton() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} data-testid="export-open">{t('export.open')}</button>
      {open && <ExportDialog onClose={() => setOpen(false)} />}
    </>
  );
}
