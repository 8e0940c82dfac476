import { useTranslation } from 'react-i18next';
import type { IconId } from '../../sketch/sketch-icons';
import { ICONS } from '../../sketch/sketch-icons';
import { summaryCsv, summaryGeoJson, SUMMARY_BANDS, workshopSummary } from '../../sketch/workshop-summary';
import { useAppState } from '../store-context';
import { formatNumber } from '../format-number';
import { Icon } from './Icon';
import { ageLabel } from './SessionChooser';

function download(text: string, type: string, name: string) {
  // A Blob URL keeps the download offline; revoked once the click has started it.
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = Object.assign(document.createElement('a'), { href: url, download: name });
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

const safeName = (room: string) => room.replace(/[^\w.-]+/g, '_').slice(0, 60) || 'workshop';

/** Wishes, dangers and the other marks of this workshop by kind and age band, and the files to take away. */
export function WorkshopSummary() {
  const { t } = useTranslation();
  const lang = useAppState((s) => s.language);
  const room = useAppState((s) => s.sketch.room);
  const features = useAppState((s) => s.sketch.features);
  const rows = workshopSummary(features);
  if (!rows.length) return null;
  const nf = (x: number) => (x ? formatNumber(x, lang) : '');
  return (
    <section className="workshop-summary" data-testid="workshop-summary" aria-labelledby="workshop-summary-title">
      <h3 id="workshop-summary-title">{t('sketch.summary.title')}</h3>
      <p className="note">{t('sketch.summary.note')}</p>
      <table className="before-after">
        <thead>
          <tr>
            <th scope="col">{t('sketch.summary.mark')}</th>
            {SUMMARY_BANDS.map((b) => <th key={b} scope="col">{b === 'unknown' ? t('sketch.summary.unknownBand') : ageLabel(b)}</th>)}
            <th scope="col">{t('sketch.summary.total')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.kind}/${r.sticker}`} data-kind={r.kind} data-sticker={r.sticker} data-total={r.total}>
              <th scope="row">
                {r.sticker in ICONS && <Icon id={r.sticker as IconId} size={16} className="inline-pic" />}{' '}
                {r.sticker === r.kind ? t(`sketch.kind.${r.kind}`) : t(`sketch.sticker.${r.sticker}`)}
              </th>
              {SUMMARY_BANDS.map((b) => <td key={b} data-band={b}>{nf(r.counts[b])}</td>)}
              <td><strong>{nf(r.total)}</strong></td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="dialog-buttons">
        <button type="button" data-testid="summary-csv" onClick={() => download(summaryCsv(room, features), 'text/csv', `${safeName(room)}_summary.csv`)}>{t('sketch.summary.csv')}</button>
        <button type="button" data-testid="summary-geojson" onClick={() => download(summaryGeoJson(room, features), 'application/geo+json', `${safeName(room)}_marks.geojson`)}>{t('sketch.summary.geojson')}</button>
      </div>
    </section>
  );
}
