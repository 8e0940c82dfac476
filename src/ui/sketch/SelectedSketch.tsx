import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BUILTIN_CATEGORY_IDS } from '../../core/model';
import { iconOf } from '../../sketch/sketch-icons';
import { STICKERS } from '../../sketch/stickers';
import { presentCategories, proposeFromWish } from '../../state';
import { categoryLabel } from '../analysis/format';
import { useAppState, useAppStore } from '../store-context';
import { Icon } from './Icon';
import { ageLabel } from './SessionChooser';

/** The selected mark: what it is, and for a wish the designer's "make it a proposal". */
export function SelectedSketch() {
  const { t } = useTranslation();
  const store = useAppStore();
  const id = useAppState((s) => s.sketch.selectedId);
  const f = useAppState((s) => s.sketch.features.find((x) => x.id === s.sketch.selectedId));
  const role = useAppState((s) => s.sketch.role);
  const busy = useAppState((s) => s.sketch.proposing || s.analysis.jobId !== null);
  const present = useAppState(presentCategories);
  const scenarios = useAppState((s) => s.doc.scenarios.length);
  const suggested = f?.properties.emoji ? STICKERS.find((st) => st.emoji === f.properties.emoji)?.category : undefined;
  const options = present.length ? present : [...BUILTIN_CATEGORY_IDS];
  const [category, setCategory] = useState<string>('');
  if (!id || !f) return null;
  const chosen = category || (suggested && options.includes(suggested) ? suggested : options[0] ?? '');
  const p = f.properties;
  return (
    <section className="sketch-selected" data-testid="sketch-selected" aria-labelledby="sketch-selected-title">
      <h3 id="sketch-selected-title"><Icon id={iconOf(p.kind, p.emoji)} size={22} className="inline-pic" /> {t(`sketch.kind.${p.kind}`)}</h3>
      <dl>
        {p.age_band && <><dt>{t('sketch.session.age')}</dt><dd>{ageLabel(p.age_band)}</dd></>}
        {p.group && <><dt>{t('sketch.session.group')}</dt><dd>{p.group}</dd></>}
        {p.status && <><dt>{t('sketch.status.label')}</dt><dd>{t(`sketch.status.${p.status}`)}</dd></>}
        {p.category && <><dt>{t('analysis.category')}</dt><dd>{categoryLabel(t, p.category)}</dd></>}
      </dl>
      {p.kind === 'wish' && role === 'editor' && (
        <div className="sketch-propose">
          <label>{t('sketch.proposal.category')}
            <select value={chosen} onChange={(e) => setCategory(e.target.value)} data-testid="proposal-category">
              {options.map((c) => <option key={c} value={c}>{categoryLabel(t, c)}</option>)}
            </select>
          </label>
          <button type="button" disabled={busy || !chosen} data-testid="make-proposal"
            onClick={() => void proposeFromWish(store.getState, id, chosen, t('sketch.proposal.scenarioName', { n: scenarios }))}>
            {t('sketch.proposal.make')}
          </button>
        </div>
      )}
    </section>
  );
}
