import { useTranslation } from 'react-i18next';
import type { LayerFix } from '../../protocol/io-api';
import { layerDisplayName } from '../../state';
import { formatWarning } from '../format-error';
import { useAppState } from '../store-context';
import { Modal } from './Modal';
import { ReportLines } from './ReportLines';
import { PersonalFieldsChoice } from './PersonalFieldsChoice';

const FIXES: readonly string[] = ['swap-axes', 'convert-gcj02', 'convert-bd09'];

/** A layer's load warnings, one row per code with its count; warnings that offer a fix get a button. */
export function ValidationReport() {
  const { t, i18n } = useTranslation();
  const id = useAppState((s) => s.reportLayerId);
  const layer = useAppState((s) => s.doc.layers.find((l) => l.id === id));
  const data = useAppState((s) => (id ? s.layerData[id] : undefined));
  const lang = useAppState((s) => s.language);
  const open = useAppState((s) => s.openReport);
  const applyFix = useAppState((s) => s.applyFix);
  const revert = useAppState((s) => s.revertFix);
  const fixes = useAppState((s) => (id ? s.fixHistory[id]?.length ?? 0 : 0));
  const fixing = useAppState((s) => !!id && s.fixing.includes(id));
  if (!id || !layer || !data) return null;
  const close = () => open(null);
  const lines = data.warnings.filter((w) => w.code.startsWith('info.'));
  const problems = data.warnings.filter((w) => !w.code.startsWith('info.'));
  return (
    <Modal title={t('import.report.title', { name: layerDisplayName(layer, data, lang) })} onClose={close} className="validation-report">
      <p className="hint">{t('import.report.summary', { file: data.fileName, count: data.featureCount })}</p>
      <ReportLines lines={lines} fileName={data.fileName} />
      {problems.length === 0 ? (
        <p>{t('import.report.clean')}</p>
      ) : (
        <table className="report-table">
          <thead><tr><th scope="col">{t('import.report.problem')}</th><th scope="col">{t('import.report.count')}</th><th scope="col">{t('import.report.fix')}</th></tr></thead>
          <tbody>
            {problems.map((w) => {
              const fix = typeof w.params?.fix === 'string' && FIXES.includes(w.params.fix) ? (w.params.fix as LayerFix) : null;
              return (
                <tr key={w.code} data-code={w.code}>
                  <td>{formatWarning(t, i18n, w, data.fileName)}</td>
                  <td className="num">{w.count}</td>
                  <td>{fix && <button type="button" disabled={fixing} onClick={() => void applyFix(id, fix)}>{t(`import.fix.${fix}`)}</button>}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <PersonalFieldsChoice layerId={id} />
      {fixes > 0 && (
        <p>
          <span role="status">{t('import.report.fixed', { count: fixes })}</span>{' '}
          <button type="button" onClick={() => revert(id)}>{t('import.report.revert')}</button>
        </p>
      )}
      <div className="dialog-buttons">
        <button type="button" onClick={close}>{t('import.close')}</button>
      </div>
    </Modal>
  );
}
