import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { LayerData } from '../../state';
import { useAppState } from '../store-context';
import { EstimateBadge, estimatedCount } from './EstimateBadge';

/** A layer row's import controls: field mapping, the validation report (with its warning count), estimate badge. */
export function LayerImportButtons({ layerId, name, data }: { readonly layerId: string; readonly name: string; readonly data: LayerData | undefined }) {
  const { t } = useTranslation();
  const openMapping = useAppState((s) => s.openMapping);
  const openReport = useAppState((s) => s.openReport);
  const estimated = useMemo(() => (data ? estimatedCount(data.data.features) : 0), [data]);
  if (!data) return null;
  // `info.` entries are report lines (what the import found), not problems.
  const warnings = data.warnings.filter((w) => !w.code.startsWith('info.')).length;
  return (
    <div className="layer-import">
      <button type="button" onClick={() => openMapping(layerId)} aria-label={t('import.mapping.open', { name })}>{t('import.mapping.button')}</button>
      <button type="button" onClick={() => openReport(layerId)} aria-label={t('import.report.open', { name, count: warnings })}>
        {t('import.report.button', { count: warnings })}
      </button>
      <EstimateBadge count={estimated} total={data.featureCount} />
    </div>
  );
}
