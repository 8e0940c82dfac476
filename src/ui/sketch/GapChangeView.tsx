import { useTranslation } from 'react-i18next';
import type { GapChange } from '../../sketch/gap-change';
import { useAppState } from '../store-context';
import { formatNumber } from '../format-number';

/** A proposal's change in the rule check: gaps per unit level before → after, closed, and child-friendly units. */
export function GapChangeView({ change }: { readonly change: GapChange }) {
  const { t } = useTranslation();
  const lang = useAppState((s) => s.language);
  const nf = (x: number) => formatNumber(x, lang);
  const closed = change.levels.reduce((a, l) => a + l.closed, 0);
  return (
    <div className="gap-change" data-testid="gap-change" data-closed={closed} data-failing-before={change.failingBefore} data-failing-after={change.failingAfter}>
      <h4>{t('sketch.proposal.gapsTitle')}</h4>
      <p>{t('sketch.proposal.gapsTotal', { before: nf(change.failingBefore), after: nf(change.failingAfter) })}</p>
      <table className="before-after">
        <thead>
          <tr>
            <th scope="col">{t('sketch.proposal.level')}</th>
            <th scope="col">{t('sketch.proposal.gaps')}</th>
            <th scope="col">{t('sketch.proposal.closed')}</th>
            <th scope="col">{t('sketch.proposal.friendly')}</th>
          </tr>
        </thead>
        <tbody>
          {change.levels.map((l) => (
            <tr key={l.level} data-level={l.level} data-closed={l.closed} data-opened={l.opened} data-before={l.before} data-after={l.after}
              data-friendly-before={l.friendlyBefore} data-friendly-after={l.friendlyAfter}>
              <th scope="row">{t(`rules.scale.${l.level}`)}</th>
              <td>{nf(l.before)} → <strong>{nf(l.after)}</strong></td>
              <td>{nf(l.closed)}{l.opened > 0 && <span className="sketch-issue"> ({t('sketch.proposal.opened')}: {nf(l.opened)})</span>}</td>
              <td>{nf(l.friendlyBefore)} → <strong>{nf(l.friendlyAfter)}</strong> / {nf(l.units)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
