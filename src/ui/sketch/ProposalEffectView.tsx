import { useTranslation } from 'react-i18next';
import type { Reached } from '../../core/analysis/children-reached';
import type { ProposalEffect } from '../../state';
import { useAppState } from '../store-context';
import { categoryLabel } from '../analysis/format';
import { formatNumber } from '../format-number';
import { GapChangeView } from './GapChangeView';

/** What the panel and the results wall show of a proposal's effect: the distance and the change in children within it. */
export function effectFigures(effect: ProposalEffect): { readonly within: number | undefined; readonly childrenGain: number | null } {
  const gain = (k: keyof Pick<Reached, 'homes' | 'children'>) => {
    const a = effect.after?.[k];
    const b = effect.before?.[k];
    return a === null || a === undefined || b === null || b === undefined ? null : a - b;
  };
  return { within: effect.after?.thresholdM ?? effect.before?.thresholdM, childrenGain: gain('children') };
}

/** The effect's figures as data attributes (tests compare the desk's with the wall's). */
export const effectData = (effect: ProposalEffect) => ({
  'data-children-before': effect.before?.children ?? '', 'data-children-after': effect.after?.children ?? '',
  'data-homes-before': effect.before?.homes ?? '', 'data-homes-after': effect.after?.homes ?? '',
});

/** Before → after of the last wish turned into a proposal: children (and homes) newly within reach, gaps closed per level, the scorecard's change. */
export function ProposalEffectView() {
  const { t } = useTranslation();
  const lang = useAppState((s) => s.language);
  const effect = useAppState((s) => s.sketch.effect);
  const busy = useAppState((s) => s.sketch.proposing);
  if (busy) return <p className="note" role="status">{t('sketch.proposal.running')}</p>;
  if (!effect) return null;
  const nf = (x: number | null | undefined) => (x === null || x === undefined ? '–' : formatNumber(Math.round(x), lang));
  const { within, childrenGain: children } = effectFigures(effect);
  return (
    <section className="proposal-effect" data-testid="proposal-effect" aria-labelledby="proposal-effect-title" {...effectData(effect)} data-threshold-m={within ?? ''}>
      <h3 id="proposal-effect-title">{t('sketch.proposal.effectTitle', { category: categoryLabel(t, effect.category), m: within ?? '–' })}</h3>
      {effect.error && <p className="sketch-issue" role="alert">{t(`error.${effect.error}`, { defaultValue: effect.error })}</p>}
      <table className="before-after">
        <tbody>
          <tr><th scope="row">{t('sketch.proposal.children')}</th><td>{nf(effect.before?.children)} → <strong>{nf(effect.after?.children)}</strong></td></tr>
          <tr><th scope="row">{t('sketch.proposal.homes')}</th><td>{nf(effect.before?.homes)} → <strong>{nf(effect.after?.homes)}</strong></td></tr>
        </tbody>
      </table>
      {children !== null && <p className="proposal-gain"><strong>{t('sketch.proposal.gain', { count: Math.round(children), n: nf(children) })}</strong></p>}
      {effect.gaps ? <GapChangeView change={effect.gaps} /> : <p className="note">{t('sketch.proposal.noRules')}</p>}
    </section>
  );
}
