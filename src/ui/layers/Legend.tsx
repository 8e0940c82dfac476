import { useTranslation } from 'react-i18next';
import { css } from '../../map/colors';
import type { LegendEntry } from '../../map/legend';

export function Legend({ entries, label }: { entries: readonly LegendEntry[]; label: string }) {
  const { t } = useTranslation();
  if (entries.length === 0) return null;
  return (
    <ul className="legend" aria-label={label}>
      {entries.map((e, i) => (
        <li key={i}>
          <span className={`swatch swatch-${e.shape}`} style={{ background: css(e.color) }} aria-hidden="true" />
          <span>{e.text ?? t(e.key ?? '', e.params)}</span>
        </li>
      ))}
    </ul>
  );
}
