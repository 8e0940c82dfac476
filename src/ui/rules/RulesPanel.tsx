import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isUnitLevel } from '../../core/model';
import { featureId } from '../../core/model';
import { activeFacilityProposals, proposalsKey } from '../../state/actions/scenario-proposals';
import { useAppState } from '../store-context';
import { CheckBar } from './CheckBar';
import { GapLegend } from './GapLegend';
import { GapTable } from './GapTable';
import { RuleList } from './RuleList';
import { RuleSetPicker } from './RuleSetPicker';
import { Scorecard } from './Scorecard';
import { SiteSuggestions } from './SiteSuggestions';

const VIEWS = ['rules', 'gaps', 'scorecard'] as const;
type View = (typeof VIEWS)[number];

/** The Rules tab: rule set, check, and three views (rules editor, gap table, scorecard) over one result. */
export function RulesPanel() {
  const { t } = useTranslation();
  const [view, setView] = useState<View>('rules');
  useFollowMapSelection(() => setView('scorecard'));
  useRecheckOnScenarioChange();
  return (
    <div className="rules-panel">
      <h2>{t('rulesUi.title')}</h2>
      <RuleSetPicker />
      <CheckBar />
      <GapLegend />
      <div className="rules-views" role="group" aria-label={t('rulesUi.views')}>
        {VIEWS.map((v) => (
          <button key={v} type="button" aria-pressed={view === v} className={view === v ? 'active' : undefined} onClick={() => setView(v)}>
            {t(`rulesUi.view.${v}`)}
          </button>
        ))}
      </div>
      {view === 'rules' && <RuleList />}
      {view === 'gaps' && <><GapTable /><SiteSuggestions /></>}
      {view === 'scorecard' && <><Scorecard /><SiteSuggestions /></>}
    </div>
  );
}

/** A unit picked on the map opens its scorecard (when the latest check covers that level). */
function useFollowMapSelection(onUnit: () => void) {
  const selection = useAppState((s) => s.selection);
  const seen = useRef(selection);
  const { selectUnit } = useAppState((s) => s.rules);
  const layer = useAppState((s) => (selection ? s.doc.layers.find((l) => l.id === selection.layerId) : undefined));
  const feature = useAppState((s) => (selection ? s.layerData[selection.layerId]?.data.features[selection.featureIndex] : undefined));
  const cards = useAppState((s) => s.rules.result?.evaluation.scorecards);
  useEffect(() => {
    if (selection === seen.current) return;
    seen.current = selection;
    if (!layer || !feature || !selection || !cards || !isUnitLevel(layer.role)) return;
    const id = featureId(feature.properties, selection.featureIndex, feature.id);
    const card = cards.find((c) => c.level === layer.role && c.unit_id === id);
    if (card) { selectUnit({ level: card.level, index: card.unit_index }); onUnit(); }
  }, [selection, layer, feature, cards, selectUnit, onUnit]);
}

/** Undo/redo of a proposal changes the scenario: check again so before/after always matches the document. */
function useRecheckOnScenarioChange() {
  const key = useAppState((s) => proposalsKey(activeFacilityProposals(s.doc)));
  const evaluated = useAppState((s) => s.rules.result?.proposals);
  const busy = useAppState((s) => s.rules.job !== null);
  const check = useAppState((s) => s.rules.checkRules);
  useEffect(() => {
    if (evaluated !== undefined && evaluated !== key && !busy) void check();
  }, [key, evaluated, busy, check]);
}
