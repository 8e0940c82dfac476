import { useTranslation } from 'react-i18next';
import type { LoadWarning } from '../../core/model';
import { formatWarning } from '../format-error';

/** Counts by key as a two-column table, keys translated through `label`. */
function CountTable({ w, head, label }: { readonly w: LoadWarning; readonly head: string; readonly label: (k: string) => string }) {
  const { t } = useTranslation();
  return (
    <table className="report-table" data-code={w.code}>
      <thead><tr><th scope="col">{head}</th><th scope="col">{t('import.report.facilities')}</th></tr></thead>
      <tbody>
        {Object.entries(w.params ?? {}).map(([k, v]) => <tr key={k}><td>{label(k)}</td><td className="num">{v}</td></tr>)}
      </tbody>
    </table>
  );
}

/** The `info.` entries of a layer's report: what the import found (home rule, plausibility, categories). */
export function ReportLines({ lines, fileName }: { readonly lines: readonly LoadWarning[]; readonly fileName: string }) {
  const { t, i18n } = useTranslation();
  if (!lines.length) return null;
  return (
    <section className="report-lines" aria-label={t('import.report.lines')}>
      {lines.map((w) => {
        if (w.code === 'info.osm.categories') return <CountTable key={w.code} w={w} head={t('import.report.category')} label={(k) => t(`category.${k}`, { defaultValue: k })} />;
        if (w.code === 'info.osm.school_clues') return <CountTable key={w.code} w={w} head={t('import.report.clue')} label={(k) => t(`import.report.clues.${k}`, { defaultValue: k })} />;
        return <p key={w.code} data-code={w.code}>{formatWarning(t, i18n, w, fileName)}</p>;
      })}
    </section>
  );
}
